/**
 * Decisions on a bid: the owner shortlists, rejects or accepts it (accepting opens a deal),
 * the bidder withdraws it. Each is one update conditional on the bid's current status.
 */
import { AppError } from '../common/errors';
import { isObjectId } from '../common/ids';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import { recordAudit } from '../audit';
import {
  continueDealWithBid,
  createDeal,
  findOpenDealOn,
  holdDealOpening,
  type DealView,
  outcomeRecord,
  type OutcomeInput,
} from '../deals';
import {
  isSealed,
  planBidTransition,
  takesWholeOffer,
  type BidActor,
  type BidTransition,
} from './bid-lifecycle';
import type { BidDoc } from './bid.model';
import { acceptLiveBid, bidStore, linkBidToDeal } from './bid.store';
import { bidEvent, viewBids } from './bid.service';
import type { BidView } from './bid.view';
import {
  loadListing,
  type ListingRef,
  claimOfferAward,
  readOfferCommitments,
  recordAwardDeal,
  releaseOfferAward,
  commitmentConflict,
  listingLockKey,
} from '../listings';
import { toBiddable } from './biddable';
import { holdLocks } from '../common/store';
import type { DealRole } from '../api-contract/enums';
import { CALL_DEPOSITS, callDepositsKey, enqueueJob } from '../scheduler';

async function loadBidAndListing(bidId: string): Promise<{ bid: BidDoc; listing: ListingRef }> {
  const bid = isObjectId(bidId) ? await bidStore.get(bidId) : null;
  const listing = bid ? await loadListing(bid.listingKind, String(bid.listingId)) : null;
  if (!bid || !listing) throw AppError.notFound('Bid');
  return { bid, listing };
}

function actorOf(user: SessionUser, bid: BidDoc, listing: ListingRef): BidActor {
  const orgId = actingOrganizationId(user);
  if (orgId && orgId === listing.ownerOrgId) return 'owner';
  if (orgId && orgId === String(bid.bidderOrgId)) return 'bidder';
  if (user.role === 'admin') return 'admin';
  return 'other';
}

/** Loads the bid for a decision by `user`, refusing as the bid rules say. Outsiders get 404. */
async function planDecision(user: SessionUser, bidId: string, transition: BidTransition) {
  const { bid, listing } = await loadBidAndListing(bidId);
  const actor = actorOf(user, bid, listing);
  if (actor === 'other') throw AppError.notFound('Bid');
  const sealed = isSealed(toBiddable(listing), new Date());
  const auction = listing.kind === 'offer' && listing.pricingModel === 'auction';
  const to = (status: string) => {
    const plan = planBidTransition(status as BidDoc['status'], transition, actor, { sealed, auction });
    if (!plan.ok) {
      throw plan.reason === 'forbidden' ? AppError.forbidden(plan.message) : AppError.conflict(plan.message);
    }
    return plan.to;
  };
  return { bid, listing, to: to(bid.status), planOn: to };
}

export async function decideBid(
  user: SessionUser,
  bidId: string,
  transition: 'shortlist' | 'reject' | 'withdraw',
  bus: EventBus,
  outcome?: OutcomeInput,
): Promise<BidView> {
  const { planOn, listing } = await planDecision(user, bidId, transition);
  const now = new Date();
  const { doc: updated } = await bidStore.mutate(bidId, (current) => ({
    change: {
      $set: {
        status: planOn(current.status),
        decidedAt: now,
        decidedBy: user.id,
        ...(outcome ? { outcome: outcomeRecord(outcome, user.id, now) } : {}),
      },
    },
    result: null,
  }));
  bus?.publish('bid.changed', bidEvent(updated));
  await settleCallDepositsAfter(listing, bidId, updated.status);
  await recordAudit({ actorId: user.id, action: `bid.${transition}`, targetType: 'bid', targetId: bidId });
  const [view] = await viewBids([updated]);
  return view;
}

/** The owner accepts a bid: it becomes a deal between the two organizations. */
export async function acceptBid(user: SessionUser, bidId: string, bus: EventBus): Promise<DealView> {
  const unfinished = await unfinishedAcceptance(user, bidId);
  if (unfinished) return acceptBidAs(unfinished.bid, unfinished.listing, unfinished.actor, bus);
  const { bid, listing } = await planDecision(user, bidId, 'accept');
  if (listing.status !== 'published')
    throw AppError.conflict('This listing no longer takes decisions on bids.');
  return acceptBidAs(
    bid,
    listing,
    { userId: user.id, role: ownerRole(listing), requirePublished: true },
    bus,
  );
}

const ownerRole = (listing: ListingRef): DealRole => (listing.kind === 'offer' ? 'seller' : 'buyer');

/** A bid the owner accepted whose deal was never written (the process stopped in between): accepting again finishes it. */
async function unfinishedAcceptance(user: SessionUser, bidId: string) {
  const { bid, listing } = await loadBidAndListing(bidId);
  if (bid.status !== 'accepted' || bid.dealId || actorOf(user, bid, listing) !== 'owner') return null;
  if (listing.kind === 'offer' && listing.pricingModel === 'auction') return null; // its close job finishes it
  return { bid, listing, actor: { userId: user.id, role: ownerRole(listing), requirePublished: false } };
}

/**
 * Accepts `bid` and opens its deal, for the owner or for the system (an auction's close). The
 * flow holds the listing's and the bid's locks from its start (LOCK_ORDER: listing, then bid).
 * Safe to repeat after a crash: the award, the bid's status and the deal's unique bidId each
 * hold only once, and a step already taken for this same bid is passed over.
 */
export function acceptBidAs(
  bid: BidDoc,
  listing: ListingRef,
  actor: { userId?: string; role: DealRole; requirePublished: boolean },
  bus: EventBus,
): Promise<DealView> {
  const locks = [listingLockKey(listing.kind, listing.id), bidStore.lockKey(bid._id)];
  return holdLocks(locks, () => acceptHeld(bid, listing, actor, bus));
}

async function acceptHeld(
  bid: BidDoc,
  listing: ListingRef,
  actor: { userId?: string; role: DealRole; requirePublished: boolean },
  bus: EventBus,
): Promise<DealView> {
  const bidId = String(bid._id);
  if (listing.awardedBidId && listing.awardedBidId !== bidId) {
    throw AppError.conflict('This technology has already been awarded to another bid.');
  }
  const whole = takesWholeOffer(toBiddable(listing), bid.transferMode);
  if (listing.kind === 'offer') {
    const committed = await readOfferCommitments(listing.id);
    const conflict = commitmentConflict(committed, { bidId, exclusive: whole });
    if (conflict) throw AppError.conflict(conflict);
  }
  if (whole && !(await claimOfferAward(listing.id, bidId, { requirePublished: actor.requirePublished }))) {
    throw AppError.conflict('Another bid on this offer was accepted first.');
  }
  const { doc: current, written: accepted } = await acceptLiveBid(bidId, actor.userId);
  if (current.status !== 'accepted') {
    if (whole) await releaseOfferAward(listing.id, { bidId });
    throw AppError.conflict(`The bid is ${current.status}; it cannot be accepted.`);
  }
  // A bidder already negotiating this listing (opened directly) goes on in that deal: no twin.
  const bidderOrgId = String(current.bidderOrgId);
  const { deal, created } = await holdDealOpening(listing.id, bidderOrgId, async () => {
    const open = await findOpenDealOn(listing, bidderOrgId);
    if (open && String(open.bidId ?? '') !== bidId) {
      const continued = await continueDealWithBid(open, current, listing.kind, actor, bus);
      return { deal: continued, created: false };
    }
    return createDeal(
      {
        listing,
        counterpartOrgId: bidderOrgId,
        createdBy: actor.userId ?? String(current.createdBy),
        actor: { userId: actor.userId, role: actor.role },
        bid: current,
      },
      bus,
    );
  });
  await linkBidToDeal(bidId, deal.id);
  if (whole) await recordAwardDeal(listing.id, bidId, deal.id);
  await settleCallDepositsAfter(listing, bidId, 'accepted');
  if (accepted) {
    bus?.publish('bid.changed', bidEvent(current));
    await recordAudit({
      actorId: actor.userId,
      action: 'bid.accept',
      targetType: 'bid',
      targetId: bidId,
      data: { dealId: deal.id, created },
    });
  }
  return deal;
}

/**
 * A decision on a proposal to a call that asks deposits changes what becomes of its proposer's
 * deposit (held, refunded, or credited to the deal just opened): a durable job, one per decision,
 * settles the call's deposits as they now stand (payments/deposit-settlement.ts).
 */
async function settleCallDepositsAfter(listing: ListingRef, bidId: string, status: string): Promise<void> {
  if (listing.kind !== 'demand' || !listing.deposit || status === 'shortlisted') return;
  // Before its deadline a call holds every deposit (a proposer may propose again): its close settles them.
  const open = listing.status === 'published' && !listing.deadlineClosedAt;
  if (open && listing.deadline && new Date(listing.deadline) > new Date()) return;
  await enqueueJob({
    type: CALL_DEPOSITS,
    runAt: new Date(),
    payload: { demandId: listing.id },
    dedupeKey: callDepositsKey(listing.id, `${bidId}:${status}`),
  });
}
