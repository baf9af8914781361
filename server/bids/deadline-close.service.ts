/**
 * What happens when an auction or a call for proposals reaches its deadline. Run by the
 * scheduler. Each close is decided once by a claim (`auction-close:<id>`, `call-close:<id>`),
 * so however many processes try, one decides the outcome; every run then makes sure the
 * remaining steps are done (winner accepted, losers rejected, the listing marked closed), so a
 * retry after a crash finishes the work without repeating it.
 */
import { recordWritten } from '../common/record-changes';
import mongoose from 'mongoose';
import { withListingLock } from '../listings/listing-store';
import { recordAudit } from '../audit/audit.service';
import { OfferModel } from '../offers/offer.model';
import { DemandModel } from '../demands/demand.model';
import { claimOnce, readClaim } from '../common/claims';
import { LIVE_BID_STATUSES, auctionOutcome } from './bid-lifecycle';
import { BidModel, type BidDoc } from './bid.model';
import { closeKey, loadListing, type ListingRef } from './listing-ref';
import { acceptBidAs } from './bid-decision.service';
import { notifyDeadlineClosed, type CloseOutcome, type NoticeDeps } from './deadline-notices';

/**
 * A bid that passed the deadline check an instant before the deadline still needs a moment to
 * be written; closing waits this long past the deadline so that it counts.
 */
export const DEADLINE_GRACE_MS = 1000;

export type CloseResult =
  | { done: true; closedNow: boolean; outcome: CloseOutcome; dealId?: string }
  | { done: false; notBefore: Date }
  | { done: true; skipped: string };

interface AuctionClose {
  outcome: CloseOutcome;
  winningBidId?: string;
  closedAt: Date;
}

function notYet(deadline: Date | null, now: Date): Date | null {
  if (!deadline) return null;
  const due = new Date(new Date(deadline).getTime() + DEADLINE_GRACE_MS);
  return now < due ? due : null;
}

const liveBidsFilter = (listing: ListingRef) => ({
  listingKind: listing.kind,
  listingId: new mongoose.Types.ObjectId(listing.id),
  status: mongoose.trusted({ $in: LIVE_BID_STATUSES }),
});

/** Decides the auction from the live bids and claims the close; the stored decision wins if another run made it first. */
async function decideAuction(
  offer: ListingRef,
  now: Date,
): Promise<{ close: AuctionClose; closedNow: boolean }> {
  const bids = (await BidModel.find(liveBidsFilter(offer)).lean()) as BidDoc[];
  const decision = auctionOutcome(
    bids.map((b) => ({ ...b, id: String(b._id), submittedAt: b.createdAt })),
    { currency: offer.currency ?? 'VND', reservePrice: offer.reservePrice },
  );
  const close: AuctionClose = {
    outcome: decision.sold ? 'sold' : decision.reason,
    ...(decision.sold ? { winningBidId: String(decision.winner._id) } : {}),
    closedAt: now,
  };
  if (await claimOnce(closeKey('offer', offer.id), { ...close })) return { close, closedNow: true };
  const stored = await readClaim<AuctionClose>(closeKey('offer', offer.id));
  return { close: stored!.data, closedNow: false };
}

export async function closeAuction(
  offerId: string,
  deps: NoticeDeps,
  now = new Date(),
): Promise<CloseResult> {
  const offer = await loadListing('offer', offerId);
  if (!offer || offer.pricingModel !== 'auction') return { done: true, skipped: 'not an auction' };
  let decided = await readClaim<AuctionClose>(closeKey('offer', offerId));
  let closedNow = false;
  if (!decided) {
    if (offer.status !== 'published') return { done: true, skipped: `offer is ${offer.status}` };
    if (!offer.deadline) return { done: true, skipped: 'no closing time' };
    const due = notYet(offer.deadline, now);
    if (due) return { done: false, notBefore: due };
    const result = await decideAuction(offer, now);
    closedNow = result.closedNow;
    decided = { key: closeKey('offer', offerId), data: result.close, at: now };
  }
  const close = decided.data;
  await markOfferClosed(offerId, close);
  let won: { orgId: string; dealId: string } | undefined;
  if (close.outcome === 'sold' && close.winningBidId) {
    const winner = (await BidModel.findById(close.winningBidId).lean()) as BidDoc | null;
    if (winner) {
      const current = (await loadListing('offer', offerId))!;
      const deal = await acceptBidAs(winner, current, { role: 'system', requirePublished: false }, deps.bus);
      won = { orgId: String(winner.bidderOrgId), dealId: deal.id };
    }
  }
  await BidModel.updateMany(
    {
      ...liveBidsFilter(offer),
      ...(close.winningBidId
        ? { _id: mongoose.trusted({ $ne: new mongoose.Types.ObjectId(close.winningBidId) }) }
        : {}),
    },
    { $set: { status: 'rejected', decidedAt: now } },
  );
  // The offer's readers (caches, lists, search) learn of the close once all of it is written.
  await recordWritten({ type: 'offer', id: offerId });
  if (closedNow) await announceClose(offer, close.outcome, won?.dealId, deps);
  await notifyDeadlineClosed(deps, offer, close.outcome, won);
  return { done: true, closedNow, outcome: close.outcome, dealId: won?.dealId };
}

/**
 * Copies the decided close onto the offer: status closed, `auction.{closedAt,outcome,winningBidId}`.
 * Another component's concurrent write to the offer can replace the whole document on FerretDB,
 * so the copy is read back and written again until it shows.
 */
async function markOfferClosed(offerId: string, close: AuctionClose): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const offer = await OfferModel.findById(offerId, { status: 1, auction: 1 }).lean();
    if (!offer || (offer.auction?.closedAt && offer.status !== 'published')) return;
    await withListingLock('offer', offerId, () =>
      OfferModel.updateOne(
        { _id: offerId },
        {
          $set: {
            ...(offer.status === 'published' ? { status: 'closed', closedAt: close.closedAt } : {}),
            'auction.closedAt': close.closedAt,
            'auction.outcome': close.outcome,
            ...(close.winningBidId ? { 'auction.winningBidId': close.winningBidId } : {}),
            searchDirty: true,
          },
          $inc: { rev: 1 },
        },
      ),
    );
  }
}

/** Records the close once: in the audit log, and as events for search and live clients. */
async function announceClose(
  listing: ListingRef,
  outcome: CloseOutcome,
  dealId: string | undefined,
  deps: NoticeDeps,
) {
  await recordAudit({
    action: listing.kind === 'offer' ? 'auction.close' : 'call.close',
    targetType: listing.kind,
    targetId: listing.id,
    data: { outcome, ownerOrgId: listing.ownerOrgId, ...(dealId ? { dealId } : {}) },
  });
  deps.bus.publish('listing.changed', { kind: listing.kind, id: listing.id });
  deps.bus.publish('listing.deadline_closed', {
    kind: listing.kind,
    id: listing.id,
    ownerOrgId: listing.ownerOrgId,
    outcome,
    ...(dealId ? { dealId } : {}),
  });
}

/** A call for proposals at its deadline: proposals unseal for the owner and no more are taken. */
export async function closeCall(demandId: string, deps: NoticeDeps, now = new Date()): Promise<CloseResult> {
  const demand = await loadListing('demand', demandId);
  if (!demand || demand.demandMode !== 'call_for_proposals')
    return { done: true, skipped: 'not a call for proposals' };
  let closedAt = demand.deadlineClosedAt;
  let closedNow = false;
  if (!closedAt) {
    if (demand.status !== 'published') return { done: true, skipped: `demand is ${demand.status}` };
    if (!demand.deadline) return { done: true, skipped: 'no deadline' };
    const due = notYet(demand.deadline, now);
    if (due) return { done: false, notBefore: due };
    closedNow = await claimOnce(closeKey('demand', demandId), { closedAt: now });
    closedAt = closedNow
      ? now
      : ((await readClaim<{ closedAt: Date }>(closeKey('demand', demandId)))?.data.closedAt ?? now);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await DemandModel.findById(demandId, { callClosedAt: 1 }).lean();
    if (!stored || stored.callClosedAt) break;
    await withListingLock('demand', demandId, () =>
      DemandModel.updateOne(
        { _id: demandId },
        { $set: { callClosedAt: closedAt, searchDirty: true }, $inc: { rev: 1 } },
      ),
    );
    await recordWritten({ type: 'demand', id: demandId });
  }
  if (closedNow) await announceClose(demand, 'unsealed', undefined, deps);
  await notifyDeadlineClosed(deps, demand, 'unsealed');
  return { done: true, closedNow, outcome: 'unsealed' };
}
