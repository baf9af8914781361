/**
 * Bids (on offers) and proposals (on demands): their life cycle as data, and the pure rules
 * for sealing, visibility, placing a bid and deciding an auction.
 *
 *   submitted ──shortlist──▶ shortlisted
 *   submitted | shortlisted ──accept──▶ accepted      (listing owner, or system for auctions)
 *   submitted | shortlisted ──reject──▶ rejected      (listing owner, or system when the listing ends)
 *   submitted | shortlisted ──withdraw─▶ withdrawn    (bidder)
 */
import {
  EXCLUSIVE_TRANSFER_MODES,
  type BidStatus,
  type Currency,
  type DemandMode,
  type ListingKind,
  type ListingStatus,
  type PricingModel,
  type TransferMode,
  type UserRole,
} from '../api-contract/enums';

/** Bids that still compete: they count in an auction and can be decided on. */
export const LIVE_BID_STATUSES: readonly BidStatus[] = ['submitted', 'shortlisted'];

/** `owner` is a member of the listing's organization, `bidder` of the bid's organization. */
export type BidActor = 'owner' | 'bidder' | 'system' | 'admin' | 'other';

export const BID_TRANSITION_NAMES = ['shortlist', 'reject', 'accept', 'withdraw'] as const;
export type BidTransition = (typeof BID_TRANSITION_NAMES)[number];

export interface BidTransitionRule {
  from: readonly BidStatus[];
  to: BidStatus;
  actors: readonly BidActor[];
}

export const BID_TRANSITIONS: Readonly<Record<BidTransition, BidTransitionRule>> = {
  shortlist: { from: ['submitted'], to: 'shortlisted', actors: ['owner'] },
  reject: { from: ['submitted', 'shortlisted'], to: 'rejected', actors: ['owner', 'system'] },
  accept: { from: ['submitted', 'shortlisted'], to: 'accepted', actors: ['owner', 'system'] },
  withdraw: { from: ['submitted', 'shortlisted'], to: 'withdrawn', actors: ['bidder'] },
};

/**
 * forbidden → 403; invalid_state → 409; sealed → 409 (the owner cannot judge bids still sealed);
 * system_decides → 409 (an auction's bids are decided by its close alone, never by its owner).
 */
export type BidRefusal = 'forbidden' | 'invalid_state' | 'sealed' | 'system_decides';

export type BidPlan = { ok: true; to: BidStatus } | { ok: false; reason: BidRefusal; message: string };

/**
 * Decides whether `actor` may take `transition` on a bid in `current`. Pass
 * `{ sealed: isSealed(listing, now) }`: while a listing is sealed its owner cannot see the
 * bids, so may not shortlist, accept or reject them either (the bidder may still withdraw).
 * Pass `{ auction: true }` for an auction: its close decides, so its owner decides nothing, also
 * between the closing time and the close job (a choice there would race the close).
 */
export function planBidTransition(
  current: BidStatus,
  transition: BidTransition,
  actor: BidActor,
  context: { sealed?: boolean; auction?: boolean } = {},
): BidPlan {
  const rule = BID_TRANSITIONS[transition];
  if (!rule.actors.includes(actor)) {
    return { ok: false, reason: 'forbidden', message: `A ${actor} may not ${transition} this bid.` };
  }
  if (!rule.from.includes(current)) {
    return { ok: false, reason: 'invalid_state', message: `A bid that is ${current} cannot be changed.` };
  }
  if (context.sealed && actor === 'owner') {
    return { ok: false, reason: 'sealed', message: 'Sealed bids can be judged only after the deadline.' };
  }
  if (context.auction && actor === 'owner') {
    return {
      ok: false,
      reason: 'system_decides',
      message: 'An auction is decided by its close alone: its owner cannot accept, reject or shortlist bids.',
    };
  }
  return { ok: true, to: rule.to };
}

/**
 * What the bid rules need to know of a listing; services map their model into it.
 * `currency` is the offer's price currency or the demand's budget currency (absent when the
 * listing names none). `deadline` is the auction's closing time or the call's deadline.
 */
export interface BiddableListing {
  kind: ListingKind;
  status: ListingStatus;
  ownerOrgId: string;
  currency?: Currency | null;
  /** Offers only. */
  pricingModel?: PricingModel | null;
  /** Demands only. */
  demandMode?: DemandMode | null;
  deadline?: Date | string | null;
}

/** Auction offers and calls for proposals take sealed bids. */
export function takesSealedBids(
  listing: Pick<BiddableListing, 'kind' | 'pricingModel' | 'demandMode'>,
): boolean {
  return listing.kind === 'offer'
    ? listing.pricingModel === 'auction'
    : listing.demandMode === 'call_for_proposals';
}

/**
 * Whether the listing's bids are still hidden from its owner: it takes sealed bids and its
 * deadline has not come. A sealed listing without a deadline stays sealed (fail closed), so
 * the listing schemas must require a deadline for auctions and calls for proposals.
 */
export function isSealed(listing: BiddableListing, now: Date): boolean {
  if (!takesSealedBids(listing)) return false;
  const deadline = toTime(listing.deadline);
  return deadline === undefined || now.getTime() < deadline;
}

export interface BidViewer {
  role: UserRole;
  organizationId?: string | null;
}

/**
 * Whether `viewer` may see `bid`. Members of the listing's organization see bids of open
 * listings as they come and of sealed listings once the deadline has passed, whatever their
 * role; other operators see every bid; members of the bidding organization see their own;
 * nobody else.
 */
export function canSeeBid(args: {
  viewer: BidViewer;
  bid: { bidderOrgId: string };
  listing: BiddableListing;
  now: Date;
}): boolean {
  const { viewer, bid, listing, now } = args;
  // The owner's side first: an operator who is a member of the owner waits for the close too.
  if (viewer.organizationId && viewer.organizationId === listing.ownerOrgId) return !isSealed(listing, now);
  if (viewer.role === 'admin') return true;
  return !!viewer.organizationId && viewer.organizationId === bid.bidderOrgId;
}

/**
 * Why a bid cannot be placed. unverified_org and own_listing → 403; not_published and
 * deadline_passed → 409; invalid_amount and currency_mismatch → 400 (validation_failed).
 */
export type PlaceBidRefusal =
  | 'unverified_org'
  | 'not_published'
  | 'own_listing'
  | 'deadline_passed'
  | 'invalid_amount'
  | 'currency_mismatch';

export type PlaceBidDecision = { ok: true } | { ok: false; reason: PlaceBidRefusal; message: string };

/**
 * Whether an organization may place this bid now: it is verified, the listing is published
 * and not its own, the deadline (if any) has not come, the amount is a positive integer in
 * minor units, and the currency is the listing's (when the listing names one). An amount below
 * an auction's reserve is accepted: the reserve is secret and only decides the outcome.
 */
export function canPlaceBid(args: {
  listing: BiddableListing;
  bidderOrgId: string;
  bidderOrgVerified: boolean;
  bid: { amount: number; currency: Currency };
  now: Date;
}): PlaceBidDecision {
  const { listing, bidderOrgId, bidderOrgVerified, bid, now } = args;
  if (!bidderOrgVerified) return refuse('unverified_org', 'Only a verified organization can bid.');
  if (listing.status !== 'published') return refuse('not_published', 'This listing does not take bids.');
  if (listing.ownerOrgId === bidderOrgId)
    return refuse('own_listing', 'An organization cannot bid on its own listing.');
  const deadline = toTime(listing.deadline);
  if (deadline !== undefined && now.getTime() >= deadline) {
    return refuse('deadline_passed', 'The deadline for bids has passed.');
  }
  if (!Number.isSafeInteger(bid.amount) || bid.amount <= 0) {
    return refuse(
      'invalid_amount',
      'The amount must be a positive whole number in the currency’s minor unit.',
    );
  }
  if (listing.currency && bid.currency !== listing.currency) {
    return refuse('currency_mismatch', `Bids on this listing must be in ${listing.currency}.`);
  }
  return { ok: true };
}

export interface AuctionBid {
  id: string;
  amount: number;
  currency: Currency;
  status: BidStatus;
  submittedAt: Date | string;
}

export type AuctionOutcome<B extends AuctionBid = AuctionBid> =
  | { sold: true; winner: B }
  | { sold: false; reason: 'no_bids' }
  | { sold: false; reason: 'reserve_not_met'; highest: B };

/**
 * Decides a closed auction. Only live bids (submitted, shortlisted) in the listing's currency
 * count. The winner bids the highest amount; ties go to the earliest bid (then the smaller id,
 * so the answer never depends on input order). The winner must reach the reserve, if any.
 */
export function auctionOutcome<B extends AuctionBid>(
  bids: readonly B[],
  listing: { currency: Currency; reservePrice?: number | null },
): AuctionOutcome<B> {
  const counted = bids.filter((b) => LIVE_BID_STATUSES.includes(b.status) && b.currency === listing.currency);
  if (counted.length === 0) return { sold: false, reason: 'no_bids' };
  const highest = counted.reduce((best, b) => (ranksAbove(b, best) ? b : best));
  const reserve = listing.reservePrice;
  if (reserve != null && highest.amount < reserve) return { sold: false, reason: 'reserve_not_met', highest };
  return { sold: true, winner: highest };
}

/** Whether `a` ranks above `b` in an auction: the higher amount, then the earlier bid, then the smaller id. */
export function ranksAbove(a: AuctionBid, b: AuctionBid): boolean {
  if (a.amount !== b.amount) return a.amount > b.amount;
  const ta = toTime(a.submittedAt) ?? Infinity;
  const tb = toTime(b.submittedAt) ?? Infinity;
  if (ta !== tb) return ta < tb;
  return a.id < b.id;
}

function refuse(reason: PlaceBidRefusal, message: string): PlaceBidDecision {
  return { ok: false, reason, message };
}

function toTime(value: Date | string | null | undefined): number | undefined {
  if (value == null) return undefined;
  const time = (value instanceof Date ? value : new Date(value)).getTime();
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Whether accepting a bid in `transferMode` takes the whole offer, so that no second bid may be
 * accepted: a fixed-price or auctioned offer is sold once, and an exclusive licence or an
 * assignment goes to one buyer. Proposals on demands never do (a demand may engage several).
 */
export function takesWholeOffer(
  listing: Pick<BiddableListing, 'kind' | 'pricingModel'>,
  transferMode: TransferMode,
): boolean {
  if (listing.kind !== 'offer') return false;
  return (
    listing.pricingModel === 'fixed' ||
    listing.pricingModel === 'auction' ||
    EXCLUSIVE_TRANSFER_MODES.includes(transferMode)
  );
}
