/**
 * Listing fees (the rules: listing-fee-rules.ts). Where the fee schedule sets one for a listing's
 * kind and currency, its organization pays it before submitting the listing for review, through
 * the same payments as every fee (a payment with `listingId`, purpose `listing_fee`, one live one
 * per listing: bank transfer confirmed by an operator, or Stripe Checkout). The submission route
 * asks `listingFeeGate` first; an operator's rejection refunds the paid fee through a durable job
 * (`settleRejectedListingFee`), and the organization's members are told.
 */
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import type { SessionUser } from '../common/session-user';
import type { ListingKind, PaymentProvider } from '../api-contract/enums';
import type { AppContext } from '../context';
import {
  findListingDoc,
  holdListing,
  listingLabel,
  canViewListing,
  isListingOwner,
  type ListingDoc,
} from '../listings';
import { enqueueJob, LISTING_FEE_REFUND, listingFeeRefundKey, type JobResult } from '../scheduler';
import { checkoutUrlFor } from './checkout-visibility';
import { paymentsOfListing } from './deal-payments';
import { closePendingPayment } from './ended-deal-payments';
import type { FeeSchedule } from '../fees';
import { ledgerOfPayments } from './ledger.store';
import {
  chargesListingFees,
  listingFeeDue,
  listingFeeOwed,
  listingFeeStatus,
  paymentsToRefundOnRejection,
  rejectionRefundsFee,
  submissionBlocker,
  type ListingFeePaymentFacts,
} from './listing-fee-rules';
import { notifyListingFeeRefunded } from './listing-fee-notices';
import type { PaymentDoc } from './payment.model';
import { paymentStore } from './payment.store';
import { paymentDeps, type PaymentDeps } from './payment-deps';
import { startSubjectPayment } from './payment.service';
import { paymentView } from './payment.view';
import { refundBySystem } from './refund.service';

/** How long a pending Stripe refund is left before the refund job looks again. */
const REFUND_RECHECK_MS = 10 * 60_000;

function factsOf(p: PaymentDoc): ListingFeePaymentFacts {
  return {
    status: p.status,
    provider: p.provider,
    reference: p.reference,
    refundRequested: !!p.refundReason || !!p.stripe?.refundId,
  };
}

/** The listing's fee payments, newest first. */
async function feePaymentsOf(listingId: string): Promise<PaymentDoc[]> {
  return (await paymentsOfListing(listingId)).filter((p) => p.purpose === 'listing_fee');
}

/** The listing if `user` may see it; 404 otherwise (a draft is its organization's and the operators'). */
async function visibleListing(user: SessionUser, kind: ListingKind, id: string): Promise<ListingDoc> {
  const listing = await findListingDoc(kind, id);
  if (!listing || !canViewListing(user, listing)) throw AppError.notFound(listingLabel(kind));
  return listing;
}

/** Starts (or resumes) the payment of the listing's fee by its organization, before it is submitted. */
export async function startListingFee(
  user: SessionUser,
  kind: ListingKind,
  id: string,
  provider: PaymentProvider,
  deps: PaymentDeps,
) {
  const listing = await visibleListing(user, kind, id);
  if (!isListingOwner(user, listing))
    throw AppError.forbidden(`Only a member of the ${kind}'s organization may pay its listing fee`);
  const owed = listingFeeOwed(kind, listing, deps.schedule);
  if (!owed) throw AppError.conflict(`No listing fee applies to this ${kind}: submit it for review`);
  if (listing.status !== 'draft')
    throw AppError.conflict(
      `The ${kind} is ${listing.status.replaceAll('_', ' ')}: a listing fee is paid before a draft is submitted for review`,
    );
  const payments = await feePaymentsOf(id);
  const status = listingFeeStatus(payments.map(factsOf));
  if (status === 'paid')
    throw AppError.conflict(`The listing fee of this ${kind} is already paid: submit it for review`);
  if (status === 'refunding')
    throw AppError.conflict(
      `The listing fee paid for this ${kind} is being refunded after its rejection: pay it again once the refund is done`,
    );
  // A payment started for another amount (the listing's currency or the schedule changed since) is closed first.
  for (const stale of payments.filter(
    (p) => p.status === 'pending' && (p.amount !== owed.amount || p.currency !== owed.currency),
  )) {
    if (!(await closePendingPayment(stale, 'the listing fee changed', deps)))
      throw AppError.conflict('The card payment of this fee was completed; its confirmation is on its way');
  }
  const subject = {
    kind: 'listing' as const,
    id: String(listing._id),
    listingKind: kind,
    title: String(listing.title ?? ''),
    payerOrgId: String(listing.organizationId),
  };
  const line = {
    purpose: 'listing_fee' as const,
    payer: owed.payer,
    amount: owed.amount,
    currency: owed.currency,
  };
  return startSubjectPayment(user, subject, line, provider, deps);
}

/** What the listing owes and has paid, with the fee's money record: its organization and operators. */
export async function listingFeeOf(user: SessionUser, kind: ListingKind, id: string, schedule: FeeSchedule) {
  const listing = await visibleListing(user, kind, id);
  if (user.role !== 'admin' && !isListingOwner(user, listing))
    throw AppError.forbidden(`Only the ${kind}'s organization and operators see its listing fee`);
  const owed = listingFeeOwed(kind, listing, schedule);
  const payments = await feePaymentsOf(id);
  const status = listingFeeStatus(payments.map(factsOf));
  const views = payments.map((p) => checkoutUrlFor(paymentView(p), user));
  return {
    required: !!owed,
    ...(owed
      ? { amount: owed.amount, currency: owed.currency, payer: owed.payer as 'seller' | 'buyer' }
      : {}),
    status,
    due: listingFeeDue(owed, listing.status, status),
    ...(views[0] ? { payment: views[0] } : {}),
    payments: views,
    ledger: await ledgerOfPayments(payments.map((p) => p._id)),
  };
}

/**
 * What the submission of a listing asks first, holding the listing's lock with the submission's
 * write (so a rejection's refund decided meanwhile is seen): a 409 naming the fee to pay when the
 * schedule sets one and no paid fee covers the listing. Writes nothing.
 */
export function listingFeeGate(schedule: FeeSchedule) {
  // An exchange charging no listing fee submits as before: no gate, no lock held for it.
  if (!chargesListingFees(schedule)) return undefined;
  return async (kind: ListingKind, listing: ListingDoc): Promise<void> => {
    const owed = listingFeeOwed(kind, listing, schedule);
    if (!owed) return;
    const payments = await feePaymentsOf(String(listing._id));
    const blocker = submissionBlocker(kind, owed, payments.map(factsOf));
    if (blocker) throw AppError.conflict(blocker);
  };
}

/**
 * After an operator rejected the listing: when it had a paid fee, the refund is made durable (a
 * job, retried until it succeeds), then tried at once; a failure here leaves it to the job.
 */
export async function refundFeeOfRejectedListing(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  kind: ListingKind,
  id: string,
): Promise<void> {
  const paid = (await feePaymentsOf(id)).filter((p) => p.status === 'paid');
  if (paid.length === 0) return;
  await enqueueJob({
    type: LISTING_FEE_REFUND,
    runAt: new Date(),
    payload: { kind, listingId: id },
    dedupeKey: listingFeeRefundKey(
      id,
      paid.map((p) => String(p._id)),
    ),
  });
  try {
    await settleRejectedListingFee(ctx, kind, id);
  } catch (err) {
    logger.warn(
      { err, kind, listingId: id },
      'a rejected listing’s fee was not refunded yet; its job retries',
    );
  }
}

/**
 * The refund job's step, safe to repeat: while the listing is still rejected (a draft, or
 * withdrawn since), each received fee payment is marked for refund under the listing's lock (so a
 * submission cannot count it any more) and refunded (Stripe under one idempotency key per payment,
 * a bank transfer recorded as returned); every refunded fee is told to the organization once. A
 * listing submitted again before the refund was decided keeps its fee for that submission.
 * Rescheduled while a Stripe refund is pending; throws (the job retries) while one cannot be made.
 */
export async function settleRejectedListingFee(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  kind: ListingKind,
  id: string,
): Promise<JobResult> {
  const deps = paymentDeps(ctx);
  const decided = await holdListing(kind, id, async () => {
    const listing = await findListingDoc(kind, id);
    if (!listing) return null;
    const payments = await feePaymentsOf(id);
    const reason = `The ${kind} was rejected by an operator${listing.rejectionReason ? `: ${listing.rejectionReason}` : ''}`;
    // A refund once decided (its mark) is carried through whatever the listing does since.
    const toRefund = rejectionRefundsFee(listing.status)
      ? paymentsToRefundOnRejection(payments.map((p) => ({ ...factsOf(p), doc: p })))
      : payments.filter((p) => p.status === 'paid' && factsOf(p).refundRequested).map((doc) => ({ doc }));
    for (const { doc } of toRefund)
      await paymentStore.mutate(doc._id, (current) => ({
        change:
          current.status === 'paid' && !current.refundReason ? { $set: { refundReason: reason } } : null,
        result: null,
      }));
    return { listing, reason, toRefund: toRefund.map((p) => p.doc) };
  });
  if (!decided) return undefined;
  for (const payment of decided.toRefund) await refundBySystem(payment, decided.reason, deps);
  const now = await feePaymentsOf(id);
  for (const refunded of now.filter((p) => p.status === 'refunded'))
    await notifyListingFeeRefunded(ctx, refunded, kind, decided.listing);
  const waiting = now.filter(
    (p) =>
      p.status === 'paid' &&
      factsOf(p).refundRequested &&
      !['failed', 'canceled'].includes(p.stripe?.refundStatus ?? ''),
  );
  return waiting.length > 0 ? { rescheduleAt: new Date(Date.now() + REFUND_RECHECK_MS) } : undefined;
}
