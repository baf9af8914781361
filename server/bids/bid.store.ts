/**
 * The bid store: the only code that writes bids. Each status change is planned by the pure bid
 * rules on the bid as it is under its lock (see common/store.ts).
 */
import mongoose from 'mongoose';
import type { ListingKind, TransferMode } from '../api-contract/enums';
import { RecordStore, holdLocks, type ModelReads, type Mutation } from '../common/store';
import { BidModel, type BidDoc } from './bid.model';
import { LIVE_BID_STATUSES } from './bid-lifecycle';

export const bidStore = new RecordStore<BidDoc>({
  label: 'Bid',
  model: BidModel,
  lockKey: (id) => `bid:${id}`,
  recordType: 'bid',
  onlyWriter: true,
});

/** Reads of bids for code outside the store. */
export const bidReads: ModelReads<typeof BidModel> = BidModel;

export async function createBid(fields: Record<string, unknown>): Promise<BidDoc> {
  return bidStore.create(fields);
}

/** Moves the bid from the status it had when read (`from`) to `to`; null when it changed meanwhile. */
export async function decideBidStatus(
  bidId: string,
  from: string,
  to: string,
  decidedBy: string,
): Promise<BidDoc | null> {
  const { doc, written } = await bidStore.mutate(bidId, (bid) => ({
    change: bid.status === from ? { $set: { status: to, decidedAt: new Date(), decidedBy } } : null,
    result: null,
  }));
  return written ? doc : null;
}

/** Accepts a live bid. The bid as it stands after, and whether this call accepted it. */
export async function acceptLiveBid(bidId: string, decidedBy?: string): Promise<Mutation<BidDoc, null>> {
  return bidStore.mutate(bidId, (bid) => ({
    change: (LIVE_BID_STATUSES as readonly string[]).includes(bid.status)
      ? { $set: { status: 'accepted', decidedAt: new Date(), decidedBy } }
      : null,
    result: null,
  }));
}

export async function linkBidToDeal(bidId: string, dealId: string): Promise<void> {
  await bidStore.mutate(bidId, (bid) => ({
    change: String(bid.dealId ?? '') === dealId ? null : { $set: { dealId } },
    result: null,
  }));
}

/** The live bids of a listing. */
export async function liveBidsOf(kind: ListingKind, listingId: string): Promise<BidDoc[]> {
  return (await BidModel.find({
    listingKind: kind,
    listingId: new mongoose.Types.ObjectId(listingId),
    status: mongoose.trusted({ $in: LIVE_BID_STATUSES }),
  }).lean()) as BidDoc[];
}

/** Every bid of a listing, whatever its status, oldest first. */
export async function bidsOfListing(kind: ListingKind, listingId: string): Promise<BidDoc[]> {
  return (await BidModel.find({
    listingKind: kind,
    listingId: new mongoose.Types.ObjectId(listingId),
  })
    .sort({ _id: 1 })
    .lean()) as BidDoc[];
}

/**
 * Puts back in the running a bid an auction's close turned down, so that its owner may offer the
 * technology to it as the runner-up after the winner walked away (bids/runner-up.service.ts):
 * rejected → shortlisted, the one way out of `rejected`. Nothing is written when it is no longer
 * rejected (a repeated call, or it was accepted since).
 */
export async function reopenRunnerUpBid(bidId: string, decidedBy: string): Promise<BidDoc> {
  const { doc } = await bidStore.mutate(bidId, (bid) => ({
    change:
      bid.status === 'rejected'
        ? { $set: { status: 'shortlisted', decidedAt: new Date(), decidedBy } }
        : null,
    result: null,
  }));
  return doc;
}

/** Rejects every live bid of the listing but `keep` (an auction's close), each under its lock. */
export async function rejectLiveBids(
  kind: ListingKind,
  listingId: string,
  keep: string | undefined,
  at: Date,
) {
  for (const bid of await liveBidsOf(kind, listingId)) {
    if (String(bid._id) === keep) continue;
    await bidStore.mutate(bid._id, (current) => ({
      change: (LIVE_BID_STATUSES as readonly string[]).includes(current.status)
        ? { $set: { status: 'rejected', decidedAt: at } }
        : null,
      result: null,
    }));
  }
}

/** Holds the bid's lock (after the listing's, see LOCK_ORDER) for the flow of its acceptance. */
export function holdBid<T>(bidId: string, fn: () => Promise<T>): Promise<T> {
  return holdLocks([bidStore.lockKey(bidId)], fn);
}

/** The transfer mode a bid asked for (the deal's contract draft names it); undefined for an unknown bid. */
export async function bidTransferModeOf(bidId: string): Promise<TransferMode | undefined> {
  const bid = await bidReads.findById(bidId).lean();
  return bid?.transferMode;
}
