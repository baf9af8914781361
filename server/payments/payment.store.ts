/**
 * The payment store: the only code that writes payments (and, in stripe-event.store.ts and
 * ledger.store.ts, Stripe's events and the ledger). Each change is planned on the payment as it
 * is under its lock (see common/store.ts).
 */
import { RecordStore, holdLocks, type ModelReads } from '../common/store';
import { PaymentModel, type PaymentDoc } from './payment.model';

export const paymentStore = new RecordStore<PaymentDoc>({
  label: 'Payment',
  model: PaymentModel,
  lockKey: (id) => `payment:${id}`,
  recordType: 'payment',
  onlyWriter: true,
});

/** Reads of payments for code outside the store. */
export const paymentReads: ModelReads<typeof PaymentModel> = PaymentModel;

/** A new payment; a unique-key clash (the fee line's `openKey`, or the reference) is thrown to the caller. */
export async function createPaymentDoc(fields: Record<string, unknown>): Promise<PaymentDoc> {
  return paymentStore.create(fields);
}

/** The payments of `ids` that exist, by `_id`. */
export function findPaymentDocs(ids: string[]): Promise<Map<string, PaymentDoc>> {
  return paymentStore.getMany(ids);
}

export async function findPaymentDoc(paymentId: string | { toString(): string }): Promise<PaymentDoc | null> {
  return paymentStore.get(paymentId);
}

/**
 * Holds a deal's and one of its payments' locks (LOCK_ORDER: deal, then payment) for a flow
 * that settles the payment and may then complete the deal.
 */
export function holdDealAndPayment<T>(dealId: string, paymentId: string, fn: () => Promise<T>): Promise<T> {
  return holdLocks([`deal:${dealId}`, paymentStore.lockKey(paymentId)], fn);
}
