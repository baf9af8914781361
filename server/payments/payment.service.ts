/**
 * Starting a payment of a fee line: one live payment per line (its `openKey`), so a retried or
 * doubled request resumes the same payment, and a Stripe Checkout Session created under an
 * idempotency key derived from the payment, so no second session or charge is ever made.
 */
import mongoose from 'mongoose';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { PAYMENT_PURPOSE_LABELS, labelOf } from '../api-contract/labels';
import { loadDealForUser } from '../deals';
import { dealFeeLinesWithBrokerShares, fullyCredited, type FeeLine, type Payee } from '../fees';
import { recordLedgerEntry } from './ledger.store';
import { dealLineOpenKey, depositOpenKey, openKeyOf, type PaymentDoc } from './payment.model';
import { createPaymentDoc, paymentReads, paymentStore } from './payment.store';
import { applyEventToPayment } from './payment-transitions';
import type { PaymentDeps } from './payment-deps';
import { loadPaymentForUser } from './payment-access';
import { newPaymentReference } from './reference';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { paymentView } from './payment.view';
import type { StartPaymentBody } from './payment.schemas';
import { depositsOfListing, paymentsOfAppraisal, paymentsOfDeal, paymentsOfListing } from './deal-payments';
import type { ListingKind, PaymentProvider } from '../api-contract/enums';

/**
 * What a payment pays for: a deal's fee line or an appraisal's fee, with the organization that
 * pays it and the shares of it the exchange will owe once it is paid.
 */
export interface PaymentSubject {
  /**
   * A deposit's id is its offer's (a call's deposit, `call_deposit`, its demand's); a listing
   * fee's its listing's (of `listingKind`).
   */
  kind: 'deal' | 'appraisal' | 'deposit' | 'call_deposit' | 'listing';
  id: string;
  listingKind?: ListingKind;
  title: string;
  payerOrgId: string;
  payees?: readonly Payee[];
  /** A deal's fee on one of its royalty reports: one live payment per report and payer. */
  royaltyReportId?: string;
  /** A deal's fee on one of its milestones: one live payment per milestone and payer. */
  milestone?: number;
}

export async function startPayment(
  user: SessionUser,
  dealId: string,
  input: StartPaymentBody,
  deps: PaymentDeps,
) {
  const { deal, role } = await loadDealForUser(user, dealId);
  if (role !== 'buyer' && role !== 'seller') {
    throw AppError.forbidden("Only a member of the paying organization may pay a deal's fees");
  }
  if (input.payer && input.payer !== role)
    throw AppError.forbidden("You may pay only your own organization's fees");
  assertProviderOffered(input.provider, deps);
  if (deal.status !== 'awaiting_payment' && deal.status !== 'delivering') {
    throw AppError.conflict(`The deal is ${deal.status.replaceAll('_', ' ')}; no fees can be paid now`);
  }
  const lines = dealFeeLinesWithBrokerShares(deal, deps.schedule).lines.filter(
    ({ line }) =>
      line.payer === role &&
      !fullyCredited(line) &&
      (!input.purpose || line.purpose === input.purpose) &&
      (input.milestone === undefined || line.milestone === input.milestone),
  );
  if (!lines.length) throw AppError.conflict('Your organization owes no such fee on this deal');
  const dealPayments = await paymentsOfDeal(dealId);
  for (const { line, brokerShare } of lines) {
    const key = dealLineOpenKey(dealId, line);
    const live = dealPayments.find((p) => p.openKey === key) ?? null;
    if (live?.status === 'paid') continue;
    const subject: PaymentSubject = {
      kind: 'deal',
      id: deal.id,
      title: line.milestone ? `${deal.listingTitle} · #${line.milestone}` : deal.listingTitle,
      ...(line.milestone ? { milestone: line.milestone } : {}),
      payerOrgId: line.payer === 'buyer' ? deal.buyerOrgId : deal.sellerOrgId,
      payees:
        deal.brokerUserId && brokerShare > 0
          ? [{ userId: deal.brokerUserId, purpose: 'broker_commission', amount: brokerShare }]
          : [],
    };
    const payment = await paymentOfLine(user, subject, line, input.provider, live, deps);
    return paymentResponse(payment, subject, user, deps);
  }
  throw AppError.conflict('Your organization has already paid its fees on this deal');
}

/**
 * Starts (or resumes) the payment of one fee line of a subject other than a deal (an appraisal):
 * its service has checked who may pay and what is owed.
 */
export async function startSubjectPayment(
  user: SessionUser,
  subject: PaymentSubject,
  line: PayableLine,
  provider: PaymentProvider,
  deps: PaymentDeps,
) {
  assertProviderOffered(provider, deps);
  const live = await listedLivePayment(subject, openKeyFor(subject, line));
  if (live?.status === 'paid') throw AppError.conflict('This fee is already paid');
  const payment = await paymentOfLine(user, subject, line, provider, live, deps);
  return paymentResponse(payment, subject, user, deps);
}

function assertProviderOffered(provider: PaymentProvider, deps: PaymentDeps): void {
  if (provider === 'stripe' && !deps.providers.stripe) {
    const message = 'Card payments are not available on this exchange; pay by bank transfer';
    throw AppError.validation([{ field: 'provider', message }], message);
  }
}

/** A fee line as a payment pays it. */
export interface PayableLine {
  purpose: FeeLine['purpose'] | 'appraisal_fee' | 'bid_deposit' | 'royalty_fee';
  amount: number;
  currency: FeeLine['currency'];
  payer: FeeLine['payer'] | 'requester' | 'bidder';
}

/** The key of the subject's line's live payment: one per fee line, one deposit per bidder and offer. */
function openKeyFor(subject: PaymentSubject, line: PayableLine): string {
  if (subject.kind === 'deposit' || subject.kind === 'call_deposit')
    return depositOpenKey(subject.id, subject.payerOrgId);
  if (subject.royaltyReportId)
    return openKeyOf(`${subject.id}.${subject.royaltyReportId}`, line.purpose, line.payer);
  if (subject.milestone) return dealLineOpenKey(subject.id, { ...line, milestone: subject.milestone });
  return openKeyOf(subject.id, line.purpose, line.payer);
}

/**
 * The live payment holding `openKey`, among the subject's payments as its owner list names them
 * (read by `_id`). A payment another request has just made may not be listed yet: its creation
 * clash (the unique `openKey`) sends the caller to `livePayment`, which asks the collection.
 */
async function listedLivePayment(subject: PaymentSubject, openKey: string): Promise<PaymentDoc | null> {
  const payments = await paymentsOfSubject(subject);
  return payments.find((p) => p.openKey === openKey) ?? null;
}

function paymentsOfSubject(subject: PaymentSubject): Promise<PaymentDoc[]> {
  switch (subject.kind) {
    case 'deal':
      return paymentsOfDeal(subject.id);
    case 'appraisal':
      return paymentsOfAppraisal(subject.id);
    case 'deposit':
    case 'call_deposit':
      return depositsOfListing(subject.id);
    case 'listing':
      return paymentsOfListing(subject.id);
  }
}

/** The slow, certain way (a filter on the payments collection), for a clash only. */
function livePayment(openKey: string): Promise<PaymentDoc | null> {
  return paymentReads.findOne({ openKey }).lean() as Promise<PaymentDoc | null>;
}

/** The line's pending payment through `provider`: the existing one, or a new one replacing any other. */
async function paymentOfLine(
  user: SessionUser,
  subject: PaymentSubject,
  line: PayableLine,
  provider: PaymentProvider,
  live: PaymentDoc | null,
  deps: PaymentDeps,
): Promise<PaymentDoc> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (live?.provider === provider) return live;
    if (live) await abandon(live, provider, user, deps);
    const created = await createPayment(user, subject, line, provider);
    if (created) return created;
    live = await livePayment(openKeyFor(subject, line));
    if (live?.status === 'paid') throw AppError.conflict('This fee has just been paid');
  }
  throw AppError.conflict('Another payment of this fee is being started; try again.');
}

/** Gives up a pending payment for one through another provider (its Checkout Session closed first). */
async function abandon(
  payment: PaymentDoc,
  replacement: PaymentProvider,
  user: SessionUser,
  deps: PaymentDeps,
) {
  const sessionId = payment.stripe?.checkoutSessionId;
  if (sessionId && deps.providers.stripe) {
    const outcome = await callStripe(() => deps.providers.stripe!.expireCheckoutSession(sessionId));
    if (outcome === 'completed') {
      throw AppError.conflict('The card payment of this fee was completed; its confirmation is on its way');
    }
  }
  await applyEventToPayment(payment._id, 'expired', {
    source: 'member',
    actorId: user.id,
    note: `replaced by a ${replacement.replaceAll('_', ' ')} payment`,
  });
}

/** The payment's field that names its subject. */
const SUBJECT_FIELD = {
  deal: 'dealId',
  appraisal: 'appraisalId',
  deposit: 'offerId',
  call_deposit: 'demandId',
  listing: 'listingId',
} as const;

/** A new pending payment; null when another request took the line first. */
async function createPayment(
  user: SessionUser,
  subject: PaymentSubject,
  line: PayableLine,
  provider: PaymentProvider,
): Promise<PaymentDoc | null> {
  const openKey = openKeyFor(subject, line);
  for (let attempt = 0; attempt < 5; attempt++) {
    const _id = new mongoose.Types.ObjectId();
    try {
      const payment = await createPaymentDoc({
        _id,
        [SUBJECT_FIELD[subject.kind]]: subject.id,
        ...(subject.royaltyReportId ? { royaltyReportId: subject.royaltyReportId } : {}),
        ...(subject.listingKind ? { listingKind: subject.listingKind } : {}),
        ...(subject.milestone ? { milestone: subject.milestone } : {}),
        title: subject.title,
        purpose: line.purpose,
        payer: line.payer,
        payerOrgId: subject.payerOrgId,
        amount: line.amount,
        currency: line.currency,
        provider,
        status: 'pending',
        reference: newPaymentReference(),
        openKey,
        idempotencyKey: `checkout-${_id}`,
        createdBy: user.id,
        ...(subject.payees?.length ? { payees: subject.payees } : {}),
        history: [{ event: 'created', to: 'pending', actorId: user.id, source: 'member' }],
      });
      await recordLedgerEntry(payment, 'payment_started', { source: 'member', actorId: user.id });
      return payment;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // FerretDB does not say which unique key clashed: the line's, or (rarely) the reference.
      if (await paymentReads.exists({ openKey })) return null;
    }
  }
  throw AppError.conflict('Could not allocate a payment reference; try again.');
}

async function paymentResponse(
  payment: PaymentDoc,
  subject: PaymentSubject,
  user: SessionUser,
  deps: PaymentDeps,
) {
  if (payment.provider === 'bank_transfer') {
    return { payment: paymentView(payment), instructions: deps.providers.bankTransfer.instructions(payment) };
  }
  const withSession = await ensureCheckoutSession(payment, subject, user, deps);
  return { payment: paymentView(withSession), checkoutUrl: withSession.stripe!.checkoutUrl! };
}

/**
 * The payment's Checkout Session, created once. Two racing requests both asking Stripe use the
 * same idempotency key and get the same session back.
 */
async function ensureCheckoutSession(
  payment: PaymentDoc,
  subject: PaymentSubject,
  user: SessionUser,
  deps: PaymentDeps,
): Promise<PaymentDoc> {
  if (payment.stripe?.checkoutUrl) return payment;
  const stripe = deps.providers.stripe!;
  const id = String(payment._id);
  const resultUrl = `${deps.publicUrl}/payments/${id}/result`;
  const session = await callStripe(() =>
    stripe.createCheckoutSession({
      paymentId: id,
      [SUBJECT_FIELD[subject.kind]]: subject.id,
      purpose: payment.purpose,
      amount: payment.amount,
      currency: payment.currency,
      description:
        `${labelOf(PAYMENT_PURPOSE_LABELS, payment.purpose, user.locale)} — ${subject.title}`.slice(0, 250),
      successUrl: resultUrl,
      cancelUrl: `${resultUrl}?cancelled=1`,
      idempotencyKey: payment.idempotencyKey,
      locale: user.locale,
    }),
  );
  const { doc: updated } = await paymentStore.mutate(payment._id, (current) => {
    if (current.status !== 'pending') throw AppError.conflict('The payment changed meanwhile; reload it.');
    return {
      change: {
        $set: {
          'stripe.checkoutSessionId': session.id,
          'stripe.checkoutUrl': session.url,
          ...(session.paymentIntentId ? { 'stripe.paymentIntentId': session.paymentIntentId } : {}),
        },
        $push: {
          history: { event: 'checkout_created', actorId: user.id, source: 'member', note: session.id },
        },
      },
      result: null,
    };
  });
  return updated;
}

/** Stripe unreachable or refusing: the payment stays pending and a retry resumes it. */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'unavailable',
      'The card payment service did not answer; try again or pay by bank transfer',
      [],
      {
        cause: err,
      },
    );
  }
}

/** A payment as its payer, the other party or an operator sees it, with what to do next. */
export async function getPayment(user: SessionUser, paymentId: string, deps: PaymentDeps) {
  const { payment, deal } = await loadPaymentForUser(user, paymentId);
  const instructions =
    payment.provider === 'bank_transfer' && payment.status === 'pending'
      ? deps.providers.bankTransfer.instructions(payment)
      : undefined;
  return {
    payment: paymentView(payment),
    ...(deal ? { deal: { id: String(deal._id), title: deal.listingTitle, status: deal.status } } : {}),
    ...(payment.appraisalId
      ? { appraisal: { id: String(payment.appraisalId), title: payment.title ?? '' } }
      : {}),
    ...(payment.offerId ? { offer: { id: String(payment.offerId), title: payment.title ?? '' } } : {}),
    ...(payment.demandId ? { demand: { id: String(payment.demandId), title: payment.title ?? '' } } : {}),
    ...(payment.listingId
      ? {
          listing: {
            kind: payment.listingKind as ListingKind,
            id: String(payment.listingId),
            title: payment.title ?? '',
          },
        }
      : {}),
    ...(instructions ? { instructions } : {}),
  };
}
