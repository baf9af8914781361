/**
 * The part of a winner's deposit its deal's fees do not take, as pure rules. A deposit is credited
 * against what its payer owes; once terms are agreed that is known, and what the deposit holds
 * beyond it (its surplus) is refunded. A milestone accepted for less, or cancelled, owes less:
 * the surplus grows and the difference is refunded too, each step under its own key (the
 * cumulative surplus it brings the refunds to), so every step is refunded once. A forfeit takes
 * only what the deposit still holds beyond the surplus due, never more than was paid. A step that
 * keeps failing is handed to an operator (`needs_operator`), who retries it or records it made.
 */
import type { PaymentStatus } from '../api-contract/enums';
import { depositCovered, type DealTerms, type FeeSchedule } from '../fees';

/**
 * One refund of (part of) a deposit's surplus: claimed before it is asked of Stripe or the bank;
 * `failed` when Stripe said so, `needs_operator` once an operator must retry it or record it made.
 */
export interface SurplusRefund {
  key: string;
  amount: number;
  status: 'claimed' | 'pending' | 'succeeded' | 'failed' | 'needs_operator';
  refundId?: string | null;
  /** Attempts that failed since it was claimed, or since an operator last retried it. */
  failures?: number | null;
  /** How often an operator retried it. */
  retries?: number | null;
  /**
   * The round of its Stripe idempotency key: a retry asks under a new one only once Stripe made
   * a refund under the last one and said it failed (that key only ever returns that refund); a
   * request that got no answer is asked again under the same key, so it is never made twice.
   */
  keyRound?: number | null;
}

/** Failed attempts at a surplus refund before it is handed to an operator (the scheduler's retries are 5). */
export const SURPLUS_REFUND_MAX_FAILURES = 4;

export interface SurplusDeposit {
  status: PaymentStatus;
  amount: number;
  outcome?: string | null;
  refunds?: readonly SurplusRefund[] | null;
}

export type SurplusStep =
  | { kind: 'none' }
  /** A refund claimed earlier and not finished: carried through first. */
  | { kind: 'resume'; refund: SurplusRefund }
  | { kind: 'refund'; refund: SurplusRefund };

/** What the deposit holds beyond what the deal's fees take; null until terms are agreed. */
export function depositSurplus(
  deal: DealTerms & { depositCredit?: { amount?: number | null } | null },
  schedule: FeeSchedule,
): number | null {
  const covered = depositCovered(deal, schedule);
  if (covered === null) return null;
  return Math.max(0, (deal.depositCredit?.amount ?? 0) - covered);
}

/** Everything refunded or being refunded of the surplus so far. */
export const surplusRefunded = (deposit: Pick<SurplusDeposit, 'refunds'>): number =>
  (deposit.refunds ?? []).reduce((sum, r) => sum + r.amount, 0);

/** What the deposit still holds: what was paid less what is refunded or being refunded. */
export const depositHeld = (deposit: Pick<SurplusDeposit, 'amount' | 'refunds'>): number =>
  Math.max(0, deposit.amount - surplusRefunded(deposit));

/** The next step of the surplus's refund, given the surplus due now (null: no terms agreed). */
export function planSurplusRefund(deposit: SurplusDeposit, surplus: number | null): SurplusStep {
  if (deposit.status !== 'paid') return { kind: 'none' };
  if (deposit.outcome !== 'credited' && deposit.outcome !== 'forfeited') return { kind: 'none' };
  const unfinished = (deposit.refunds ?? []).find((r) => r.status !== 'succeeded');
  // A step an operator must see to holds the next ones until they have.
  if (unfinished?.status === 'needs_operator') return { kind: 'none' };
  if (unfinished) return { kind: 'resume', refund: unfinished };
  if (surplus === null) return { kind: 'none' };
  const target = Math.min(surplus, deposit.amount);
  const owed = target - surplusRefunded(deposit);
  if (owed <= 0) return { kind: 'none' };
  return { kind: 'refund', refund: { key: `surplus-${target}`, amount: owed, status: 'claimed' } };
}

/**
 * What a forfeit takes: what the deposit holds, less any surplus due and not yet refunded (the
 * winner's either way), never below nothing nor above what was paid.
 */
export function forfeitableAmount(
  deposit: Pick<SurplusDeposit, 'amount' | 'refunds'>,
  surplus: number | null,
): number {
  const kept = Math.max(surplusRefunded(deposit), Math.min(surplus ?? 0, deposit.amount));
  return Math.max(0, deposit.amount - kept);
}

/** A Stripe refund's status as a surplus step's. */
export function surplusStatusOf(stripeStatus: string): SurplusRefund['status'] {
  if (stripeStatus === 'succeeded') return 'succeeded';
  return stripeStatus === 'failed' || stripeStatus === 'canceled' ? 'failed' : 'pending';
}

/**
 * A step after an attempt at it failed: handed to an operator when Stripe said the refund failed
 * (asking again under the same key only gets the same refund back), at the first failure after an
 * operator's retry, or after SURPLUS_REFUND_MAX_FAILURES attempts; otherwise left to the job's
 * next try. A step done, or already an operator's, is left as it is (null).
 */
export function afterSurplusFailure(
  step: Pick<SurplusRefund, 'status' | 'failures' | 'retries'>,
): { status: SurplusRefund['status']; failures: number } | null {
  if (step.status === 'succeeded' || step.status === 'needs_operator') return null;
  const failures = (step.failures ?? 0) + 1;
  const limit = step.retries ? 1 : SURPLUS_REFUND_MAX_FAILURES;
  const handOver = step.status === 'failed' || failures >= limit;
  return { status: handOver ? 'needs_operator' : step.status, failures };
}

/**
 * A step an operator retries: claimed again, its failures forgotten, asked of Stripe under a new
 * idempotency key only when Stripe made a refund under the last one (its `refundId`) and said it
 * failed; asked under the same key otherwise, so a request that went through unanswered is not
 * refunded twice.
 */
export function retriedSurplusRefund<S extends SurplusRefund>(step: S): S {
  return {
    ...step,
    status: 'claimed',
    refundId: null,
    failures: 0,
    retries: (step.retries ?? 0) + 1,
    keyRound: (step.keyRound ?? 0) + (step.refundId ? 1 : 0),
  };
}
