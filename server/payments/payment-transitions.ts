/**
 * Moves a payment by one event, whatever the order and however often events arrive: the pure
 * lifecycle decides the next status on the payment as it is under its lock, the payment store
 * writes it. The ledger records the step.
 */
import mongoose from 'mongoose';
import type { LedgerKind } from './ledger.model';
import { recordLedgerEntry, recordPayouts, type LedgerMeta } from './ledger.store';
import { openKeyOfPayment, type PaymentDoc } from './payment.model';
import { paymentStore } from './payment.store';
import { applyPaymentEvent, type PaymentEvent, type PaymentEventEffect } from './payment-lifecycle';
import type { Planned } from '../common/store';
import type { PaymentStatus } from '../api-contract/enums';
import type { EventBus } from '../common/events';
import { publishDealEvent } from '../deals';

export interface PaymentEventMeta extends LedgerMeta {
  /** Fields set in the same update as the status (who confirmed, the refund reason…). */
  set?: Record<string, unknown>;
}

export interface PaymentEventOutcome {
  payment: PaymentDoc;
  effect: PaymentEventEffect;
}

const STAMP: Partial<Record<PaymentStatus, string>> = {
  paid: 'paidAt',
  failed: 'failedAt',
  refunded: 'refundedAt',
};
const LEDGER_KIND: Partial<Record<PaymentStatus, LedgerKind>> = {
  paid: 'payment_received',
  failed: 'payment_failed',
  refunded: 'refund',
};

/**
 * Applies `event` to the payment: the lifecycle plans it on the payment as it is under its lock,
 * the store writes it, the ledger records the step (once, however often this runs).
 */
export async function applyEventToPayment(
  paymentId: string | mongoose.Types.ObjectId,
  event: PaymentEvent,
  meta: PaymentEventMeta,
): Promise<PaymentEventOutcome> {
  const { doc, result: effect } = await paymentStore.mutate(
    paymentId,
    (current) => planPaymentEvent(current, event, meta, false),
    { onDuplicateKey: (current) => planPaymentEvent(current, event, meta, true) },
  );
  if (effect === 'applied' || effect === 'duplicate') await recordStep(doc, meta);
  return { payment: doc, effect };
}

/** Tells the deal's parties a fee arrived, once: when `paid` was applied, not when repeated. */
export function announcePaymentReceived(bus: EventBus, outcome: PaymentEventOutcome): void {
  const { payment, effect } = outcome;
  if (effect !== 'applied' || payment.status !== 'paid' || !payment.dealId) return;
  publishDealEvent(bus, String(payment.dealId), 'payment:received', {
    paymentId: String(payment._id),
    amount: payment.amount,
    currency: payment.currency,
    payer: String(payment.payer),
  });
}

/**
 * The change `event` makes to `current`. A late `paid` on a payment given up as failed takes its
 * fee line back (`openKey`), unless a retry holds it (`lineTaken`): then it is marked a duplicate.
 */
function planPaymentEvent(
  current: PaymentDoc,
  event: PaymentEvent,
  meta: PaymentEventMeta,
  lineTaken: boolean,
): Planned<PaymentEventEffect> {
  const decision = applyPaymentEvent(current.status as PaymentStatus, event);
  if (!decision.changed) return { result: decision.effect };
  const next = decision.next;
  const now = new Date();
  const reclaim = next === 'paid' && !current.openKey;
  const note =
    reclaim && lineTaken
      ? [meta.note, 'another payment already covers this fee: refund one of them'].filter(Boolean).join('; ')
      : meta.note;
  const entry = {
    at: now,
    event,
    from: current.status,
    to: next,
    actorId: meta.actorId,
    source: meta.source,
    stripeEventId: meta.stripeEventId,
    note,
  };
  const set: Record<string, unknown> = { ...meta.set, status: next };
  const stamp = STAMP[next];
  if (stamp) set[stamp] = now;
  if (reclaim && !lineTaken) set.openKey = openKeyOfPayment(current);
  if (reclaim && lineTaken) set.duplicate = true;
  const change: Record<string, unknown> = { $set: set, $push: { history: entry } };
  if (next === 'failed' || next === 'refunded') change.$unset = { openKey: 1 };
  return { change, result: 'applied' };
}
/**
 * The ledger entry of the status the payment is in, and the payouts it makes due (paid) or
 * cancels (refunded); each recorded once however often this runs.
 */
async function recordStep(payment: PaymentDoc, meta: LedgerMeta): Promise<void> {
  const kind = LEDGER_KIND[payment.status as PaymentStatus];
  if (kind) await recordLedgerEntry(payment, kind, meta);
  if (payment.status === 'paid' && !payment.duplicate) await recordPayouts(payment, 'payout_due', meta);
  if (payment.status === 'refunded' && !payment.duplicate)
    await recordPayouts(payment, 'payout_cancelled', meta);
}
