/** The ledger store: the only code that writes ledger entries, each once (its unique `entryKey`). */
import mongoose from 'mongoose';
import { logger } from '../common/logger';
import { LedgerEntryModel, type LedgerEntryDoc, type LedgerKind } from './ledger.model';
import type { PaymentDoc } from './payment.model';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { groupedInsert } from '../common/grouped-insert';
import { ledgerEntryView } from './payment.view';

const PAYOUT_KINDS: LedgerKind[] = ['payout_due', 'payout_paid', 'payout_cancelled'];

export type LedgerSource = 'member' | 'operator' | 'stripe' | 'system';

export interface LedgerMeta {
  source: LedgerSource;
  actorId?: string;
  stripeEventId?: string;
  note?: string;
  /** Less than the payment's amount: what a forfeit took of a deposit partly refunded. */
  amount?: number;
}

/** Entries appended at the same moment (several payments confirmed at once) go in one command. */
const insertEntry = groupedInsert(() => LedgerEntryModel as unknown as mongoose.Model<unknown>);

/** Appends one entry under its unique `entryKey`; false when it was already there (a repeated step). */
async function appendOnce(fields: Record<string, unknown>): Promise<boolean> {
  try {
    await insertEntry(fields);
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    logger.error({ err, entryKey: fields.entryKey }, 'ledger entry not recorded');
    throw err;
  }
}

/** What every entry about a payment repeats of it. */
function ofPayment(payment: PaymentDoc) {
  return {
    paymentId: payment._id,
    payerOrgId: payment.payerOrgId,
    currency: payment.currency,
    provider: payment.provider,
    reference: payment.reference,
  };
}

/** Appends the entry of `kind` for this payment, once: a repeated step adds nothing. */
export async function recordLedgerEntry(
  payment: PaymentDoc,
  kind: LedgerKind,
  meta: LedgerMeta,
): Promise<void> {
  await appendOnce({
    entryKey: `${payment._id}:${kind}`,
    kind,
    dealId: payment.dealId ?? undefined,
    appraisalId: payment.appraisalId ?? undefined,
    offerId: payment.offerId ?? undefined,
    demandId: payment.demandId ?? undefined,
    listingId: payment.listingId ?? undefined,
    ...ofPayment(payment),
    purpose: payment.purpose,
    payer: payment.payer,
    amount: meta.amount ?? payment.amount,
    providerIds: {
      checkoutSessionId: payment.stripe?.checkoutSessionId ?? undefined,
      paymentIntentId: payment.stripe?.paymentIntentId ?? undefined,
      refundId: kind === 'refund' ? (payment.stripe?.refundId ?? undefined) : undefined,
      stripeEventId: meta.stripeEventId,
    },
    actorId: meta.actorId,
    source: meta.source,
    note: meta.note,
  });
}

/**
 * The shares of a received fee the exchange now owes (`payout_due`), or no longer owes after its
 * refund (`payout_cancelled`): one entry per payee, once.
 */
export async function recordPayouts(
  payment: PaymentDoc,
  kind: 'payout_due' | 'payout_cancelled',
  meta: LedgerMeta,
): Promise<void> {
  for (const payee of payment.payees ?? []) {
    await appendOnce({
      entryKey: `${payment._id}:${kind}:${payee.userId}`,
      kind,
      dealId: payment.dealId ?? undefined,
      appraisalId: payment.appraisalId ?? undefined,
      ...ofPayment(payment),
      purpose: payee.purpose,
      payer: 'exchange',
      payeeUserId: payee.userId,
      amount: payee.amount,
      actorId: meta.actorId,
      source: meta.source,
      note: meta.note,
    });
  }
}

/**
 * The broker's share of a fee line the winner's deposit covered whole (no payment pays it), owed
 * against that deposit when the line falls due; once per line.
 */
export async function recordCreditedPayout(
  deposit: PaymentDoc,
  share: { dealId: string; line: string; payeeUserId: string; amount: number },
): Promise<boolean> {
  return appendOnce({
    entryKey: `${deposit._id}:payout_due:${share.payeeUserId}:${share.line}`,
    kind: 'payout_due',
    line: share.line,
    dealId: share.dealId,
    ...ofPayment(deposit),
    purpose: 'broker_commission',
    payer: 'exchange',
    payeeUserId: share.payeeUserId,
    amount: share.amount,
    source: 'system',
    note: `covered by the deposit (${share.line === 'signing' ? 'on signing' : `milestone ${share.line.slice(1)}`})`,
  });
}

/**
 * One step of a deposit's surplus refunded to its payer (`line`: the step's key), once; `by` the
 * operator who recorded it made outside the exchange.
 */
export async function recordSurplusRefund(
  deposit: PaymentDoc,
  refund: { key: string; amount: number; refundId?: string | null },
  note: string,
  by?: string,
): Promise<boolean> {
  return appendOnce({
    entryKey: `${deposit._id}:deposit_surplus_refunded:${refund.key}`,
    kind: 'deposit_surplus_refunded',
    line: refund.key,
    dealId: deposit.deposit?.dealId ?? undefined,
    offerId: deposit.offerId ?? undefined,
    demandId: deposit.demandId ?? undefined,
    ...ofPayment(deposit),
    purpose: deposit.purpose,
    payer: deposit.payer,
    amount: refund.amount,
    providerIds: {
      paymentIntentId: deposit.stripe?.paymentIntentId ?? undefined,
      refundId: refund.refundId ?? undefined,
    },
    source: by ? 'operator' : 'system',
    actorId: by,
    note,
  });
}

/**
 * Records that the exchange paid the payout `due` (a `payout_due` entry), once: false when it was
 * already recorded paid.
 */
export async function recordPayoutPaid(
  due: LedgerEntryDoc,
  meta: { actorId: string; reference: string; at: Date },
): Promise<boolean> {
  return appendOnce({
    entryKey: `${due.paymentId}:payout_paid:${due.payeeUserId}${due.line ? `:${due.line}` : ''}`,
    ...(due.line ? { line: due.line } : {}),
    at: meta.at,
    kind: 'payout_paid',
    dealId: due.dealId ?? undefined,
    appraisalId: due.appraisalId ?? undefined,
    paymentId: due.paymentId,
    purpose: due.purpose,
    payer: 'exchange',
    payerOrgId: due.payerOrgId,
    payeeUserId: due.payeeUserId,
    amount: due.amount,
    currency: due.currency,
    provider: due.provider,
    reference: due.reference,
    actorId: meta.actorId,
    source: 'operator',
    note: meta.reference,
  });
}

export async function findLedgerEntry(id: string): Promise<LedgerEntryDoc | null> {
  return (await LedgerEntryModel.findById(id).lean()) as LedgerEntryDoc | null;
}

/**
 * The payouts the ledger records, newest first, for operators: what each broker and expert has
 * earned and from which payment. Payouts are counted in hundreds a year: the ledger is read whole.
 */
export async function payoutEntries(payeeUserId?: string) {
  const entries = await LedgerEntryModel.find({
    kind: mongoose.trusted({ $in: PAYOUT_KINDS }),
    ...(payeeUserId ? { payeeUserId } : {}),
  })
    .sort({ at: -1, _id: -1 })
    .lean();
  return entries.map(ledgerEntryView);
}

/** The deal's money record as its parties read it: its payments and refunds (the exchange's payouts are the operators'). */
export async function ledgerOfDeal(dealId: string) {
  const entries = await LedgerEntryModel.find({ dealId }).sort({ at: 1, _id: 1 }).lean();
  return entries.filter((e) => !PAYOUT_KINDS.includes(e.kind)).map(ledgerEntryView);
}

/** The money record of some payments (a listing's fee), oldest first. */
export async function ledgerOfPayments(paymentIds: readonly mongoose.Types.ObjectId[]) {
  if (paymentIds.length === 0) return [];
  const entries = await LedgerEntryModel.find({ paymentId: mongoose.trusted({ $in: [...paymentIds] }) })
    .sort({ at: 1, _id: 1 })
    .lean();
  return entries.map(ledgerEntryView);
}
