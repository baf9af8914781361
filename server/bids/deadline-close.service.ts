/**
 * What happens when an auction or a call for proposals reaches its deadline. Run by the
 * scheduler. Each close is decided once by a claim (`auction-close:<id>`, `call-close:<id>`),
 * so however many processes try, one decides the outcome; every run then makes sure the
 * remaining steps are done (winner accepted, losers rejected, the listing marked closed), so a
 * retry after a crash finishes the work without repeating it.
 */
import {
  decideClose,
  closeAuctionOffer,
  markCallClosed,
  readClose,
  recordAuctionOutcome,
  type AuctionClose,
} from '../listings';
import { recordAudit } from '../audit';
import { auctionOutcome } from './bid-lifecycle';
import { bidStore, liveBidsOf, rejectLiveBids } from './bid.store';
import { loadListing, type ListingRef } from '../listings';
import { acceptBidAs } from './bid-decision.service';
import { notifyDeadlineClosed, type CloseOutcome, type NoticeDeps } from './deadline-notices';

/**
 * A bid that passed the deadline check an instant before the deadline still needs a moment to
 * be written; closing waits this long past the deadline so that it counts.
 */
export const DEADLINE_GRACE_MS = 1000;

export type CloseResult =
  | { done: true; closedNow: boolean; outcome: CloseOutcome; dealId?: string; winnerOrgId?: string }
  | { done: false; notBefore: Date }
  | { done: true; skipped: string };

function notYet(deadline: Date | null, now: Date): Date | null {
  if (!deadline) return null;
  const due = new Date(new Date(deadline).getTime() + DEADLINE_GRACE_MS);
  return now < due ? due : null;
}

/** Decides the auction from the live bids and claims the close; the stored decision wins if another run made it first. */
async function decideAuction(
  offer: ListingRef,
  now: Date,
): Promise<{ close: AuctionClose; closedNow: boolean }> {
  const bids = await liveBidsOf('offer', offer.id);
  const decision = auctionOutcome(
    bids.map((b) => ({ ...b, id: String(b._id), submittedAt: b.createdAt })),
    { currency: offer.currency ?? 'VND', reservePrice: offer.reservePrice },
  );
  const close: AuctionClose = {
    outcome: decision.sold ? 'sold' : decision.reason,
    ...(decision.sold ? { winningBidId: String(decision.winner._id) } : {}),
    closedAt: now,
  };
  const { decided, now: closedNow } = await decideClose('offer', offer.id, { ...close });
  return { close: decided, closedNow };
}

export async function closeAuction(
  offerId: string,
  deps: NoticeDeps,
  now = new Date(),
): Promise<CloseResult> {
  const offer = await loadListing('offer', offerId);
  if (!offer || offer.pricingModel !== 'auction') return { done: true, skipped: 'not an auction' };
  let close = await readClose<AuctionClose>('offer', offerId);
  let closedNow = false;
  if (!close) {
    if (offer.status !== 'published') return { done: true, skipped: `offer is ${offer.status}` };
    if (!offer.deadline) return { done: true, skipped: 'no closing time' };
    const due = notYet(offer.deadline, now);
    if (due) return { done: false, notBefore: due };
    const result = await decideAuction(offer, now);
    closedNow = result.closedNow;
    close = result.close;
  }
  await closeAuctionOffer(offerId, close.closedAt);
  let won: { orgId: string; dealId: string } | undefined;
  if (close.outcome === 'sold' && close.winningBidId) {
    const winner = await bidStore.get(close.winningBidId);
    if (winner) {
      const current = (await loadListing('offer', offerId))!;
      const deal = await acceptBidAs(winner, current, { role: 'system', requirePublished: false }, deps.bus);
      won = { orgId: String(winner.bidderOrgId), dealId: deal.id };
    }
  }
  await rejectLiveBids('offer', offerId, close.winningBidId, now);
  // Written last, so the offer's readers (caches, lists, search) learn of the outcome once all of it is done.
  await recordAuctionOutcome(offerId, close);
  if (closedNow) await announceClose(offer, close.outcome, won?.dealId, deps);
  await notifyDeadlineClosed(deps, offer, close.outcome, won);
  return { done: true, closedNow, outcome: close.outcome, dealId: won?.dealId, winnerOrgId: won?.orgId };
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
    const result = await decideClose('demand', demandId, { closedAt: now });
    closedNow = result.now;
    closedAt = result.decided.closedAt ?? now;
  }
  await markCallClosed(demandId, closedAt);
  if (closedNow) await announceClose(demand, 'unsealed', undefined, deps);
  await notifyDeadlineClosed(deps, demand, 'unsealed');
  return { done: true, closedNow, outcome: 'unsealed' };
}
