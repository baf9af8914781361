/**
 * Listings written before the search-sync and statistics work lack `rev` (the revision the
 * indexer compares before clearing its mark), `searchDirty` (so the indexer never saw them) and
 * `createdMonth` (so statistics missed them). This gives each its revision 0, marks it for
 * indexing and takes its month from `createdAt`, one listing at a time under its lock, so that
 * a process of the previous version writing meanwhile loses nothing.
 */
import mongoose from 'mongoose';
import { LISTING_KINDS_STORED, listingModel, listingStore, type ListingDoc } from '../listings';
import type { Migration } from './migration.store';

const missing = () => mongoose.trusted({ $exists: false });
const lacksAField = () => ({
  $or: [{ rev: missing() }, { searchDirty: missing() }, { createdMonth: missing() }],
});

/** The fields a listing of the previous schema lacks (none: it needs nothing). */
export function missingMarks(doc: ListingDoc): Record<string, unknown> | null {
  const set: Record<string, unknown> = {};
  if (doc.rev === undefined) set.rev = 0;
  if (doc.searchDirty === undefined) set.searchDirty = true;
  if (doc.createdMonth === undefined) {
    const created = doc.createdAt instanceof Date ? doc.createdAt : new Date();
    set.createdMonth = created.toISOString().slice(0, 7);
  }
  return Object.keys(set).length > 0 ? set : null;
}

export const listingRevisionMarks: Migration = {
  id: '001-listing-revision-marks',
  description: 'listings get rev, searchDirty and createdMonth where they lack them',
  async up() {
    for (const kind of LISTING_KINDS_STORED) {
      const stale = (await listingModel(kind).find(lacksAField(), { _id: 1 }).lean()) as { _id: unknown }[];
      for (const { _id } of stale) {
        // Through the listing's store, under its lock: the marks as they are, no revision bump.
        await listingStore(kind).mutate(
          String(_id),
          (doc) => {
            const set = missingMarks(doc);
            return { change: set ? { $set: set } : null, result: undefined };
          },
          { bare: true, timestamps: false },
        );
      }
    }
  },
};
