/**
 * Published offers and demands as candidates for the matcher: the same field's newest come from
 * the search index (which holds the published listings, newest first), their records by `_id`;
 * the database filters and sorts the listings only when the search engine fails (on FerretDB
 * that reads every listing of the kind, seconds at 100,000).
 */
import mongoose from 'mongoose';
import type { SearchEngine } from '../../search';
import { isObjectId } from '../common/ids';
import { logger } from '../common/logger';
import { listingModel } from '../listings';
import { matchableFromDoc, type Matchable, type MatchKind } from './matchable';
import type { CandidateStore } from './matcher';

async function byIds(kind: MatchKind, ids: string[]): Promise<Matchable[]> {
  const valid = ids.filter(isObjectId);
  if (valid.length === 0) return [];
  const docs = await listingModel(kind)
    .find({ _id: mongoose.trusted({ $in: valid }), status: 'published' })
    .lean();
  return docs.map((d) => matchableFromDoc(kind, d));
}

/** In the order of `ids`. */
async function inOrder(kind: MatchKind, ids: string[]): Promise<Matchable[]> {
  const found = new Map((await byIds(kind, ids)).map((m) => [m.id, m]));
  return ids.map((id) => found.get(id)).filter((m): m is Matchable => m !== undefined);
}

/** The database's answer: the same sub-field's newest, then the same field's. */
async function sameFieldFromDatabase(
  kind: MatchKind,
  field: string,
  subField: string | null | undefined,
  limit: number,
): Promise<Matchable[]> {
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
}

export function candidateStore(search: Pick<SearchEngine, 'search'>): CandidateStore {
  return {
    byIds,
    async sameField(kind, field, subField, limit) {
      try {
        const newest = async (sub?: string) =>
          (
            await search.search({ kind, field, ...(sub ? { subField: sub } : {}), sort: 'newest', limit })
          ).hits.map((h) => h.id);
        const ids = subField ? await newest(subField) : [];
        if (ids.length < limit) {
          const taken = new Set(ids);
          ids.push(...(await newest()).filter((id) => !taken.has(id)).slice(0, limit - ids.length));
        }
        return await inOrder(kind, ids);
      } catch (err) {
        logger.warn({ err }, 'search engine failed; same-field candidates read from the database');
        return sameFieldFromDatabase(kind, field, subField, limit);
      }
    },
  };
}
