/**
 * Deals as every viewer shares them (the record's view, before names and the viewer's role are
 * added), cached per process and dropped by the deal store's writes (here and, through the cache
 * relay, in the other processes). For reads only: a write plans on the deal read under its lock.
 */
import { createRecordCache } from '../common/record-cache';
import { isObjectId } from '../common/ids';
import { dealReads, findDealDoc } from './deal.store';
import { dealView, type DealView } from './deal.view';
import type { DealDoc } from './deal.model';
import mongoose from 'mongoose';

const dealViews = createRecordCache<DealView>({
  name: 'deal-views',
  types: ['deal'],
  max: 20_000,
  ttlMs: 60_000,
  fromRecord: (after) => dealView(after as unknown as DealDoc),
});

/** The deal's view, or null for an unknown id. */
export async function cachedDealView(dealId: string): Promise<DealView | null> {
  if (!isObjectId(dealId)) return null;
  return dealViews.get(dealId, async (id) => {
    const doc = await findDealDoc(id);
    return doc ? dealView(doc) : null;
  });
}

/** Several deals' views by id, the missing ones read in one `_id` query. */
export async function cachedDealViews(dealIds: string[]): Promise<Map<string, DealView>> {
  const ids = dealIds.filter((id) => isObjectId(id));
  if (ids.length === 0) return new Map();
  return dealViews.getMany(ids, async (missing) => {
    const docs = (await dealReads.find({ _id: mongoose.trusted({ $in: missing }) }).lean()) as DealDoc[];
    return new Map(docs.map((d) => [String(d._id), dealView(d)]));
  });
}
