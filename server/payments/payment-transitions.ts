/**
 * Moves a payment by one event, whatever the order and however often events arrive: the pure
 * lifecycle decides the next status, and one update conditional on the current status applies
 * it (a concurrent change makes it re-read and decide again). The ledger records the step.
 */
import mongoose from 'mongoose';
import { AppError } from '../common/errors';
import type { LedgerKind } from './ledger.model';
import { recordLedgerEntry, type LedgerMeta } from './ledger.service';
import { openKeyOf, PaymentModel, type PaymentDoc } from './payment.model';
import {
  applyPaymentEvent,
  type PaymentEvent,
  type PaymentEventEffect,
  type PaymentStatus,
} from './payment-lifecycle';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { withLock } from '../common/locks';

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
 * Every write to a payment runs under its lock: FerretDB applies an update as an unisolated
 * read-modify-write of the whole document, so the status guard alone would let a late `failed`
 * overwrite a concurrent `paid`. Never call this while holding the same payment's lock.
 */
export function withPaymentLock<T>(
  paymentId: string | mongoose.Types.ObjectId,
  fn: () => Promise<T>,
): Promise<T> {
  return withLock(`payment:${String(paymentId)}`, fn);
}

export function applyEventToPayment(
  paymentId: string | mongoose.Types.ObjectId,
  event: PaymentEvent,
  meta: PaymentEventMeta,
): Promise<PaymentEventOutcome> {
  return withPaymentLock(paymentId, () => applyEventUnlocked(paymentId, event, meta));
}

async function applyEventUnlocked(
  paymentId: string | mongoose.Types.ObjectId,
  event: PaymentEvent,
  meta: PaymentEventMeta,
): Promise<PaymentEventOutcome> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = (await PaymentModel.findById(paymentId).lean()) as PaymentDoc | null;
    if (!current) throw AppError.notFound('Payment');
    const decision = applyPaymentEvent(current.status as PaymentStatus, event);
    if (!decision.changed) {
      if (decision.effect === 'duplicate') await recordStep(current, meta);
      return { payment: current, effect: decision.effect };
    }
    const updated = await conditionalUpdate(current, decision.next, event, meta);
    if (!updated) continue;
    await recordStep(updated, meta);
    return { payment: updated, effect: 'applied' };
  }
  throw AppError.conflict('The payment changed meanwhile; try again.');
}

async function conditionalUpdate(
  current: PaymentDoc,
  next: PaymentStatus,
  event: PaymentEvent,
  meta: PaymentEventMeta,
): Promise<PaymentDoc | null> {
  const now = new Date();
  const entry = {
    at: now,
    event,
    from: current.status,
    to: next,
    actorId: meta.actorId,
    source: meta.source,
    stripeEventId: meta.stripeEventId,
    note: meta.note,
  };
  const set: Record<string, unknown> = { ...meta.set, status: next };
  const stamp = STAMP[next];
  if (stamp) set[stamp] = now;
  const update: Record<string, unknown> = { $set: set, $push: { history: entry } };
  if (next === 'failed' || next === 'refunded') update.$unset = { openKey: 1 };
  // A late `paid` on a payment given up as failed: it takes its fee line back, unless a retry holds it.
  const reclaim = next === 'paid' && !current.openKey;
  if (reclaim) set.openKey = openKeyOf(String(current.dealId), current.purpose, current.payer);
  const filter = { _id: current._id, status: current.status };
  try {
    return (await PaymentModel.findOneAndUpdate(filter, update, {
      returnDocument: 'after',
    }).lean()) as PaymentDoc | null;
  } catch (err) {
    if (!reclaim || !isDuplicateKeyError(err)) throw err;
    delete set.openKey;
    set.duplicate = true;
    entry.note = [meta.note, 'another payment already covers this fee: refund one of them']
      .filter(Boolean)
      .join('; ');
    return (await PaymentModel.findOneAndUpdate(filter, update, {
      returnDocument: 'after',
    }).lean()) as PaymentDoc | null;
  }
}

/** The ledger entry of the status the payment is in; recorded once however often this runs. */
async function recordStep(payment: PaymentDoc, meta: LedgerMeta): Promise<void> {
  const kind = LEDGER_KIND[payment.status as PaymentStatus];
  if (kind) await recordLedgerEntry(payment, kind, meta);
}
