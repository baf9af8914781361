/**
 * The runner-up, as pure rules: when an operator forfeited the deposit of a winner who walked
 * away (an auction's winning bidder, or a call's chosen proposer: their deal ended), the
 * listing's owner may offer the technology to the next-best bid, once per forfeit.
 *
 * Which bid that is, and what became of its deposit, follows the deposit rules
 * (payments/deposit-rules.ts), which refund a bid's deposit once it leaves the running:
 *  - an auction: the close turned every other bid down and refunded its deposit then, all but
 *    the runner-up's, which is kept until the winner's deal is signed (then refunded) or ends
 *    (payments/deposit-rules.ts planKeptDeposit): bidders expect a bid security to bind the
 *    second-best bidder until the winner signs, and nobody else's money is held. The runner-up is
 *    the best bid the close turned down, in the auction's currency and at or above its reserve,
 *    of a bidder who paid the deposit; it is offered a deal at its own bid, to which its kept
 *    deposit is credited (a deposit refunded already, the winner having signed before walking
 *    away, is not asked again), and may be forfeited in turn;
 *  - a call for proposals: the owner chooses proposals one by one and every proposal still in
 *    the running keeps its deposit held, so the runner-up is the best proposal still submitted or
 *    shortlisted whose proposer's deposit is paid and held (shortlisted first, then the lowest
 *    price, then the earliest); its deposit is credited to the deal as the winner's was, and may be
 *    forfeited in turn.
 * Organizations that forfeited a deposit on the listing, or already hold an accepted bid on it,
 * are never the runner-up.
 */
import type { BidStatus, Currency, ListingKind, PaymentStatus } from '../api-contract/enums';
import { LIVE_BID_STATUSES, ranksAbove, type AuctionBid } from './bid-lifecycle';

export interface RunnerUpBid extends AuctionBid {
  bidderOrgId: string;
}

/** A deposit on the listing, as the runner-up rules see it. */
export interface RunnerUpDeposit {
  id: string;
  payerOrgId: string;
  status: PaymentStatus;
  /** When it was paid (a deposit refunded since keeps it). */
  paidAt?: Date | string | null;
  outcome?: string | null;
  /** A forfeited deposit's runner-up offer: the bid claimed, then the deal opened. */
  runnerUp?: { bidId?: string | null; dealId?: string | null } | null;
}

export type ForfeitFound = { ok: true; depositId: string; bidId?: string } | { ok: false; message: string };

/**
 * The forfeit that lets the owner offer the technology to the runner-up: a forfeited deposit on
 * the listing whose runner-up offer has not opened its deal yet (one claimed but unfinished is
 * taken first, so a retry finishes it).
 */
export function forfeitAwaitingRunnerUp(deposits: readonly RunnerUpDeposit[]): ForfeitFound {
  const forfeited = deposits.filter((d) => d.outcome === 'forfeited');
  if (forfeited.length === 0)
    return {
      ok: false,
      message:
        'The technology can be offered to the runner-up only after an operator forfeited the deposit of a winner who walked away',
    };
  const open = forfeited.filter((d) => !d.runnerUp?.dealId);
  const chosen = open.find((d) => d.runnerUp?.bidId) ?? open[0];
  if (!chosen)
    return { ok: false, message: 'The runner-up has already been offered the technology after this forfeit' };
  return {
    ok: true,
    depositId: chosen.id,
    ...(chosen.runnerUp?.bidId ? { bidId: chosen.runnerUp.bidId } : {}),
  };
}

export interface RunnerUpListing {
  kind: ListingKind;
  /** The auction's or the call's currency (a bid in another never counts). */
  currency: Currency | null;
  reservePrice?: number | null;
}

export type RunnerUpPick<B> = { ok: true; bid: B } | { ok: false; message: string };

/** The bid the technology may be offered to now, among the listing's bids and deposits. */
export function pickRunnerUp<B extends RunnerUpBid>(
  listing: RunnerUpListing,
  bids: readonly B[],
  deposits: readonly RunnerUpDeposit[],
): RunnerUpPick<B> {
  const excluded = new Set([
    ...deposits.filter((d) => d.outcome === 'forfeited').map((d) => d.payerOrgId),
    ...bids.filter((b) => b.status === 'accepted').map((b) => b.bidderOrgId),
  ]);
  const auction = listing.kind === 'offer';
  // An auction's bidders were refunded at the close: a deposit that was paid counts. A call's
  // proposers keep theirs while their proposal stands: it must be paid and still held.
  const qualified = new Set(
    deposits
      .filter((d) =>
        auction
          ? !!d.paidAt && (d.status === 'paid' || d.status === 'refunded') && d.outcome !== 'forfeited'
          : d.status === 'paid' && !d.outcome,
      )
      .map((d) => d.payerOrgId),
  );
  const standing: readonly BidStatus[] = auction ? ['rejected', ...LIVE_BID_STATUSES] : LIVE_BID_STATUSES;
  const candidates = bids.filter(
    (b) =>
      standing.includes(b.status) &&
      qualified.has(b.bidderOrgId) &&
      !excluded.has(b.bidderOrgId) &&
      (!listing.currency || b.currency === listing.currency) &&
      (!auction || listing.reservePrice == null || b.amount >= listing.reservePrice),
  );
  if (candidates.length === 0)
    return {
      ok: false,
      message: auction
        ? 'No other bid can be offered the technology: none at or above the reserve from a bidder who paid its deposit'
        : 'No other proposal can be offered the technology: none is still in the running with its deposit paid',
    };
  const best = candidates.reduce((top, b) =>
    (auction ? ranksAbove(b, top) : proposalRanksAbove(b, top)) ? b : top,
  );
  return { ok: true, bid: best };
}

/** A call's proposals, best first: shortlisted by the owner, then the lowest price, then the earliest. */
export function proposalRanksAbove(a: AuctionBid, b: AuctionBid): boolean {
  const shortlisted = (x: AuctionBid) => (x.status === 'shortlisted' ? 0 : 1);
  if (shortlisted(a) !== shortlisted(b)) return shortlisted(a) < shortlisted(b);
  if (a.amount !== b.amount) return a.amount < b.amount;
  // Among equal prices, the auction's order: the earlier bid, then the smaller id.
  return ranksAbove(a, b);
}
