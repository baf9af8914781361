/**
 * Listing fees, as pure rules: what a listing owes under the fee schedule, how its fee stands
 * from its payments, whether it may be submitted for review, and which payments its rejection
 * refunds.
 *
 * - The fee is the schedule's `listingFee[kind][currency]` (the offer's price currency, the
 *   demand's budget currency, VND when it names none), owed by the listing's organization
 *   (`seller` for an offer, `buyer` for a demand). No amount set: no fee, submission as before.
 * - It is paid before the listing is submitted for review, once per listing: a paid fee that was
 *   not refunded covers every later submission of that listing (the owner's edit of a listing
 *   awaiting review takes it back to draft, and resubmitting it is not charged again), whatever
 *   the schedule says since.
 * - An operator's rejection refunds it: a refunded fee (or one whose refund is under way) covers
 *   nothing, so the rejected listing is paid for again when it is submitted again.
 */
import type { Currency, ListingKind, ListingStatus, PaymentProvider } from '../api-contract/enums';
import { computeListingFee, formatMoney, type FeeLine, type FeeSchedule } from '../fees';

/** What the rules read of one of the listing's fee payments. */
export interface ListingFeePaymentFacts {
  status: string;
  provider?: PaymentProvider | string;
  reference?: string;
  /** A refund was asked of the provider (Stripe's may complete later) or recorded. */
  refundRequested: boolean;
}

/**
 * How the listing's fee stands: `paid` (a paid payment covers it), `refunding` (paid, its refund
 * under way), `pending` (a payment started, not yet received), `refunded` / `failed` (the latest
 * attempt), or `none` (nothing started).
 */
export type ListingFeeStatus = 'none' | 'pending' | 'paid' | 'refunding' | 'refunded' | 'failed';

/** The currency a listing's fee is owed in: its price's or budget's, VND when it names none. */
export function listingFeeCurrency(kind: ListingKind, listing: Record<string, any>): Currency {
  const named: unknown = kind === 'offer' ? listing.pricing?.currency : listing.budget?.currency;
  return named === 'USD' || named === 'VND' ? named : 'VND';
}

/** The fee the schedule asks of this listing; null when it asks none. */
export function listingFeeOwed(
  kind: ListingKind,
  listing: Record<string, any>,
  schedule: FeeSchedule,
): FeeLine | null {
  return computeListingFee(kind, listingFeeCurrency(kind, listing), schedule);
}

/** The schedule asks a listing fee of some kind and currency. */
export function chargesListingFees(schedule: FeeSchedule): boolean {
  return Object.values(schedule.listingFee ?? {}).some((byCurrency) =>
    Object.values(byCurrency ?? {}).some((amount) => !!amount),
  );
}

/** A payment that pays the listing's fee: received, and no refund asked. */
export function coversListing(p: ListingFeePaymentFacts): boolean {
  return p.status === 'paid' && !p.refundRequested;
}

/** The fee's standing from the listing's fee payments, newest first. */
export function listingFeeStatus(payments: readonly ListingFeePaymentFacts[]): ListingFeeStatus {
  if (payments.some(coversListing)) return 'paid';
  if (payments.some((p) => p.status === 'paid' && p.refundRequested)) return 'refunding';
  if (payments.some((p) => p.status === 'pending')) return 'pending';
  const latest = payments[0];
  if (latest?.status === 'refunded') return 'refunded';
  if (latest?.status === 'failed') return 'failed';
  return 'none';
}

/** The listing owes its fee now: the schedule sets one, it is a draft, and nothing covers it. */
export function listingFeeDue(
  owed: FeeLine | null,
  listingStatus: ListingStatus,
  status: ListingFeeStatus,
): boolean {
  return !!owed && listingStatus === 'draft' && status !== 'paid';
}

/**
 * Why the listing may not be submitted for review yet, naming what to pay; null when nothing
 * stands in the way (no fee, or a paid one covers it).
 */
export function submissionBlocker(
  kind: ListingKind,
  owed: FeeLine | null,
  payments: readonly ListingFeePaymentFacts[],
): string | null {
  if (!owed) return null;
  const status = listingFeeStatus(payments);
  if (status === 'paid') return null;
  const fee = `${formatMoney(owed.amount, owed.currency, 'en')} (${owed.currency})`;
  if (status === 'refunding')
    return `The listing fee paid for this ${kind} is being refunded after its rejection: pay the listing fee of ${fee} again once the refund is done, then submit it for review`;
  const pending = payments.find((p) => p.status === 'pending');
  if (pending) {
    const how =
      pending.provider === 'bank_transfer'
        ? `your bank transfer ${pending.reference ?? ''} awaits an operator's confirmation`
        : 'your card payment is not confirmed yet';
    return `The listing fee of ${fee} is not paid yet: ${how.replace(/\s+/g, ' ')}; submit this ${kind} for review once it is`;
  }
  return `A listing fee of ${fee} must be paid before this ${kind} is submitted for review: pay it by card or bank transfer first`;
}

/** Listings whose paid fee a rejection refunds: still rejected (a draft) or withdrawn since. */
export function rejectionRefundsFee(listingStatus: ListingStatus): boolean {
  return listingStatus === 'draft' || listingStatus === 'withdrawn';
}

/**
 * The payments a rejection refunds: every received one (a duplicate too), including one whose
 * refund was asked but not finished (asking again is safe: the provider's refund is made under
 * one idempotency key per payment).
 */
export function paymentsToRefundOnRejection<T extends ListingFeePaymentFacts>(payments: readonly T[]): T[] {
  return payments.filter((p) => p.status === 'paid');
}
