/** Published offers and demands from the database, as candidates for the matcher. */
import mongoose from 'mongoose';
import { isObjectId } from '../common/ids';
import { listingModel } from '../listings';
import { matchableFromDoc, type Matchable } from './matchable';
import type { CandidateStore } from './matcher';

export const dbCandidateStore: CandidateStore = {
  async byIds(kind, ids) {
    const valid = ids.filter(isObjectId);
    if (valid.length === 0) return [];
    const docs = await listingModel(kind)
      .find({ _id: mongoose.trusted({ $in: valid }), status: 'published' })
      .lean();
    return docs.map((d) => matchableFromDoc(kind, d));
  },

  async sameField(kind, field, subField, limit) {
    const found: Matchable[] = [];
    const seen: string[] = [];
    const take = async (filter: Record<string, unknown>, max: number) => {
      if (max <= 0) return;
      const docs = await listingModel(kind)
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
