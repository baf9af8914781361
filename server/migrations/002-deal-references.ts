/**
 * Deals opened before reference numbers existed get one, oldest first, numbered in the year they
 * were opened; each is written through the deal store under the deal's lock, only while it still
 * has none (a deal opened meanwhile by a current process keeps its own).
 */
import mongoose from 'mongoose';
import { dealReads, dealStore, allocateDealReference } from '../deals';
import type { Migration } from './migration.store';

export const dealReferences: Migration = {
  id: '002-deal-references',
  description: 'deals get a reference number (GD-<year>-<sequence>) where they lack one',
  async up() {
    const lacking = await dealReads
      .find({ reference: mongoose.trusted({ $exists: false }) }, { _id: 1, createdAt: 1 })
      .sort({ createdAt: 1, _id: 1 })
      .lean();
    for (const { _id, createdAt } of lacking) {
      const reference = await allocateDealReference(createdAt ?? new Date());
      await dealStore.mutate(
        String(_id),
        (doc) => ({ change: doc.reference ? null : { $set: { reference } }, result: undefined }),
        { bare: true, timestamps: false },
      );
    }
  },
};
