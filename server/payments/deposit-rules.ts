/**
 * What becomes of a bid deposit, as pure rules: one decision per deposit, from the deposit as it
 * stands and its listing's state, applied by deposit-settlement.ts (every decision safe to apply
 * again, so a settlement stopped half way is finished by the next run).
 *
 * The principle for both listing kinds: a deposit is held while its payer's bid is in the running;
 * it is refunded once the bid leaves the running without winning, and credited to the deal the
 * bid won.
 *  - An auction is decided by its close: the winner's deposit is credited to its deal, every
 *    other paid deposit is refunded then, but the runner-up's (the best other bid that could be
 *    offered the technology, bids/runner-up-rules.ts): that one is kept until the winner's deal
 *    is signed (refunded), or ends and the owner offers the technology to the runner-up
 *    (credited to that deal) or lets the keeping time pass (RUNNER_UP_DEPOSIT_KEEP_DAYS, refunded).
 *  - A call for proposals is decided by its owner after the deadline: a proposer's deposit is
 *    held while one of its proposals is still submitted or shortlisted, credited to the deal of
 *    an accepted one, refunded once none is left standing (rejected, withdrawn, never made) or
 *    the call leaves publication (closed, withdrawn, expired: nothing more can be accepted).
 * A deposit still being paid (pending) when bids end is closed, never left payable.
 */
import type { BidStatus, ListingStatus, PaymentStatus } from '../api-contract/enums';

export type DepositAction =
  | { kind: 'close'; why: string }
  | { kind: 'credit'; dealId: string }
  | { kind: 'refund'; why: string }
  /** Left as it is for now: its bid is still in the running (or its deal is being opened). */
  | { kind: 'hold' }
  /** An auction's runner-up: kept at the close, against the winner's deal, until the runner-up decision. */
  | { kind: 'keep'; dealId: string }
  /** Refunded already (by an earlier run, or Stripe's refund arriving since): its payer is told, once. */
  | { kind: 'told' }
  | { kind: 'none' };

export interface DepositFacts {
  status: PaymentStatus;
  /** What became of it once paid: credited to a deal, or forfeited. */
  outcome?: string | null;
  payerOrgId: string;
}

/** How an auction's close went: the winning bidder's organization and the deal it won, when sold, and its runner-up's. */
export interface AuctionDecision {
  winnerOrgId?: string;
  dealId?: string;
  runnerUpOrgId?: string;
}

export function planAuctionDeposit(deposit: DepositFacts, close: AuctionDecision): DepositAction {
  const winner = !!close.winnerOrgId && deposit.payerOrgId === close.winnerOrgId;
  switch (deposit.status) {
    case 'pending':
      return { kind: 'close', why: 'the auction has closed' };
    case 'refunded':
      return { kind: 'told' };
    case 'paid':
      if (winner && close.dealId)
        return deposit.outcome === 'forfeited' ? { kind: 'none' } : { kind: 'credit', dealId: close.dealId };
      if (!winner && !deposit.outcome && close.dealId && deposit.payerOrgId === close.runnerUpOrgId)
        return { kind: 'keep', dealId: close.dealId };
      if (!winner && !deposit.outcome) return { kind: 'refund', why: 'the bidder did not win the auction' };
      return { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/**
 * Where a call for proposals stands for its deposits: `open` while it takes proposals, `deciding`
 * once its deadline closed it and its owner chooses among the proposals, `ended` once it left
 * publication (or was never found).
 */
export type CallPhase = 'open' | 'deciding' | 'ended';

export function callPhase(
  demand: { status: ListingStatus; deadlineClosedAt?: Date | string | null } | null,
): CallPhase {
  if (!demand || demand.status !== 'published') return 'ended';
  return demand.deadlineClosedAt ? 'deciding' : 'open';
}

/** A proposal of the deposit's payer on the call. */
export interface ProposalFacts {
  status: BidStatus;
  /** The deal an accepted proposal opened (absent while it is being opened). */
  dealId?: string | null;
}

const STANDING: readonly BidStatus[] = ['submitted', 'shortlisted'];

/** What becomes of a proposer's deposit, given its own proposals on the call (oldest first) and the call's phase. */
export function planCallDeposit(
  deposit: DepositFacts,
  proposals: readonly ProposalFacts[],
  phase: CallPhase,
): DepositAction {
  switch (deposit.status) {
    case 'pending':
      return phase === 'open'
        ? { kind: 'hold' }
        : { kind: 'close', why: 'the call for proposals has closed' };
    case 'refunded':
      return { kind: 'told' };
    case 'paid':
      break;
    default:
      return { kind: 'none' };
  }
  if (deposit.outcome) return { kind: 'none' };
  const won = proposals.find((p) => p.status === 'accepted' && p.dealId);
  if (won?.dealId) return { kind: 'credit', dealId: won.dealId };
  if (proposals.some((p) => p.status === 'accepted')) return { kind: 'hold' };
  if (phase === 'open') return { kind: 'hold' };
  if (phase === 'deciding' && proposals.some((p) => STANDING.includes(p.status))) return { kind: 'hold' };
  return {
    kind: 'refund',
    why:
      phase === 'ended'
        ? 'the call for proposals ended without choosing the proposer'
        : 'the proposer has no proposal left in the running',
  };
}

const DAY = 86_400_000;

/** The winner's deal a kept runner-up deposit waits on: its status and when it ended. */
export interface WinnerDeal {
  status: string;
  closedAt?: Date | string | null;
}

/** The winner's deal a runner-up's deposit is kept against, and the forfeit's runner-up offer if made. */
export interface KeptAgainst {
  /** The winner's deal; null when it is gone. */
  winnerDeal: WinnerDeal | null;
  /** The deal a forfeit's runner-up offer opened, and its buyer's organization. */
  offered?: { dealId: string; buyerOrgId: string } | null;
  /** How many days after the winner's deal ended the deposit is still kept (RUNNER_UP_DEPOSIT_KEEP_DAYS). */
  keepDays: number;
}

const SIGNED = ['awaiting_payment', 'delivering', 'closed_won'];
const ENDED = ['cancelled', 'closed_lost'];

/**
 * When a kept runner-up deposit is refunded at the latest: `keepDays` after the winner's deal
 * ended without an offer to the runner-up; null while that deal is still open (its signing
 * refunds the deposit at once; its end starts the count).
 */
export function keptDepositRefundAt(winnerDeal: WinnerDeal | null, keepDays: number): Date | null {
  if (!winnerDeal || !ENDED.includes(winnerDeal.status) || !winnerDeal.closedAt) return null;
  return new Date(new Date(winnerDeal.closedAt).getTime() + keepDays * DAY);
}

/**
 * What becomes of an auction's runner-up deposit kept at the close: credited to the deal the owner
 * opens with its bid; refunded once the winner signed, once another bidder was offered the
 * technology, or `keepDays` after the winner's deal ended without an offer; kept otherwise.
 */
export function planKeptDeposit(deposit: DepositFacts, kept: KeptAgainst, now: Date): DepositAction {
  if (deposit.status === 'refunded') return { kind: 'told' };
  if (deposit.status !== 'paid' || deposit.outcome) return { kind: 'none' };
  if (kept.offered)
    return kept.offered.buyerOrgId === deposit.payerOrgId
      ? { kind: 'credit', dealId: kept.offered.dealId }
      : { kind: 'refund', why: 'the technology was offered to another bidder' };
  const deal = kept.winnerDeal;
  if (!deal) return { kind: 'refund', why: "the winner's deal is gone" };
  if (SIGNED.includes(deal.status)) return { kind: 'refund', why: 'the winner signed its deal' };
  const refundAt = keptDepositRefundAt(deal, kept.keepDays);
  if (refundAt && now.getTime() >= refundAt.getTime())
    return { kind: 'refund', why: 'the technology was not offered to the runner-up in time' };
  return { kind: 'hold' };
}
