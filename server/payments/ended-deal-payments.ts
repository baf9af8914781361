/**
 * A deal cancelled or lost leaves nothing to pay: its pending payments are closed, each Stripe
 * Checkout Session expired first (so the customer can no longer pay it), then the payment marked
 * failed through the payment store. Run by a durable job enqueued with the cancellation, and by
 * the deal sweeper; repeating it finishes what a stop left undone (an expired session expires
 * again harmlessly, a payment already closed is passed over).
 */
import { logger } from '../common/logger';
import { findDealDoc } from '../deals';
import type { PaymentDoc } from './payment.model';
import { paymentsOfDeal } from './deal-payments';
import { applyEventToPayment } from './payment-transitions';
import type { PaymentDeps } from './payment-deps';

export const ENDED_DEAL_STATUSES = ['cancelled', 'closed_lost'];

/** The pending payments of the deal. */
export async function pendingPaymentsOf(dealId: string): Promise<PaymentDoc[]> {
  return paymentsOfDeal(dealId, 'pending');
}

/** Closes the ended deal's pending payments; how many are left open (paid at Stripe meanwhile). */
export async function closePaymentsOfEndedDeal(
  dealId: string,
  deps: Pick<PaymentDeps, 'providers'>,
): Promise<number> {
  const deal = await findDealDoc(dealId);
  if (!deal || !ENDED_DEAL_STATUSES.includes(deal.status)) return 0;
  let open = 0;
  for (const payment of await pendingPaymentsOf(dealId)) {
    if (!(await closePendingPayment(payment, `the deal is ${deal.status}`, deps))) open++;
  }
  return open;
}

/**
 * Closes a pending payment nobody should pay any more: its Checkout Session expired first, then
 * the payment marked failed. False when Stripe says it was paid meanwhile (its webhook records
 * it, and an operator refunds it). Stripe unreachable: thrown, so the job is retried.
 */
export async function closePendingPayment(
  payment: PaymentDoc,
  why: string,
  deps: Pick<PaymentDeps, 'providers'>,
): Promise<boolean> {
  const sessionId = payment.stripe?.checkoutSessionId;
  if (sessionId && deps.providers.stripe) {
    const outcome = await deps.providers.stripe.expireCheckoutSession(sessionId);
    if (outcome === 'completed') {
      logger.warn({ paymentId: String(payment._id), why }, 'a closed payment’s checkout was paid');
      return false;
    }
  }
  await applyEventToPayment(payment._id, 'expired', { source: 'system', note: why });
  return true;
}
