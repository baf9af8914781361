/**
 * The deal store: the only code that writes deals. Each change is planned by the deal rules on
 * the deal as it is under its lock (see common/store.ts).
 */
import type mongoose from 'mongoose';
import { RecordStore, holdLocks, type ModelReads } from '../common/store';
import { DealModel, type DealDoc } from './deal.model';

export const dealStore = new RecordStore<DealDoc>({
  label: 'Deal',
  model: DealModel,
  lockKey: (id) => `deal:${id}`,
  recordType: 'deal',
  onlyWriter: true,
});

/** Reads of deals for code outside the store. */
export const dealReads: ModelReads<typeof DealModel> = DealModel;

export async function findDealDoc(dealId: string): Promise<DealDoc | null> {
  return dealStore.get(dealId);
}

/** A new deal; a unique-key clash (a second deal for one bid) is thrown to the caller. */
export async function createDealDoc(fields: Record<string, unknown>): Promise<DealDoc> {
  return dealStore.create(fields);
}

export async function findDealOfBid(bidId: mongoose.Types.ObjectId): Promise<DealDoc | null> {
  return (await DealModel.findOne({ bidId }).lean()) as DealDoc | null;
}

/** Holds the deal's lock for a flow of several steps (accepting terms, then moving on to payment). */
export function holdDeal<T>(dealId: string, fn: () => Promise<T>): Promise<T> {
  return holdLocks([dealStore.lockKey(dealId)], fn);
}

/** One organization opens one deal per listing at a time: the check and the creation run under this lock. */
export function holdDealOpening<T>(listingId: string, orgId: string, fn: () => Promise<T>): Promise<T> {
  return holdLocks([`open-deal:${listingId}:${orgId}`], fn);
}
