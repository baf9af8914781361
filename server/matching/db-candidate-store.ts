/** Published offers and demands from the database, as candidates for the matcher. */
import mongoose from 'mongoose';
import { OfferModel } from '../offers/offer.model';
import { DemandModel } from '../demands/demand.model';
import { isObjectId } from '../common/ids';
import { matchableFromDoc, type Matchable, type MatchKind } from './matchable';
import type { CandidateStore } from './matcher';

function modelOf(kind: MatchKind): mongoose.Model<any> {
  return kind === 'offer' ? OfferModel : DemandModel;
}

export const dbCandidateStore: CandidateStore = {
  async byIds(kind, ids) {
    const valid = ids.filter(isObjectId);
    if (valid.length === 0) return [];
    const docs = await modelOf(kind)
      .find({ _id: mongoose.trusted({ $in: valid }), status: 'published' })
      .lean();
    return docs.map((d) => matchableFromDoc(kind, d));
  },

  async sameField(kind, field, subField, limit) {
    const found: Matchable[] = [];
    const seen: string[] = [];
    const take = async (filter: Record<string, unknown>, max: number) => {
      if (max <= 0) return;
      const docs = await modelOf(kind)
        .find({ ...filter, status: 'published' })
        .sort({ publishedAt: -1, _id: -1 })
        .limit(max)
        .lean();
      for (const d of docs) {
        found.push(matchableFromDoc(kind, d));
        seen.push(String(d._id));
      }
    };
    if (subField) await take({ field, subField }, limit);
    const exclude = seen.length > 0 ? { _id: mongoose.trusted({ $nin: seen }) } : {};
    await take({ field, ...exclude }, limit - found.length);
    return found;
  },
};
