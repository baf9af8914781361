/**
 * Listings written before the search-sync and statistics work lack `rev` (the revision the
 * indexer compares before clearing its mark), `searchDirty` (so the indexer never saw them) and
 * `createdMonth` (so statistics missed them). This gives each its revision 0, marks it for
 * indexing and takes its month from `createdAt`, one listing at a time under its lock, so that
 * a process of the previous version writing meanwhile loses nothing.
 */
import { LISTING_KINDS_STORED, listingModel, withListingLock } from '../listings/listing-store';
import type { Migration } from './migration-runner';

const missing = { $exists: false };
const lacksAField = () => ({ $or: [{ rev: missing }, { searchDirty: missing }, { createdMonth: missing }] });

export const listingRevisionMarks: Migration = {
  id: '001-listing-revision-marks',
  description: 'listings get rev, searchDirty and createdMonth where they lack them',
  async up() {
    for (const kind of LISTING_KINDS_STORED) {
      const model = listingModel(kind);
      const stale = await model.collection.find(lacksAField(), { projection: { _id: 1 } }).toArray();
      for (const { _id } of stale) {
        await withListingLock(kind, String(_id), async () => {
          const doc = await model.collection.findOne({ _id });
          if (!doc) return;
          const set: Record<string, unknown> = {};
          if (doc.rev === undefined) set.rev = 0;
          if (doc.searchDirty === undefined) set.searchDirty = true;
          if (doc.createdMonth === undefined) {
            const created = doc.createdAt instanceof Date ? doc.createdAt : new Date();
            set.createdMonth = created.toISOString().slice(0, 7);
          }
          if (Object.keys(set).length > 0) await model.collection.updateOne({ _id: doc._id }, { $set: set });
        });
      }
    }
  },
};
