/**
 * A deal cancelled or lost leaves nothing to pay: its pending payments are closed, each Stripe
 * Checkout Session expired first (so the customer can no longer pay it), then the payment marked
 * failed through the payment store. Run by a durable job enqueued with the cancellation, and by
 * the deal sweeper; repeating it finishes what a stop left undone (an expired session expires
 * again harmlessly, a payment already closed is passed over).
 */
import { logger } from '../common/logger';
import { findDealDoc } from '../deals/deal.store';
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
    const sessionId = payment.stripe?.checkoutSessionId;
    if (sessionId && deps.providers.stripe) {
      // Stripe unreachable: thrown, so the job is retried with back-off.
      const outcome = await deps.providers.stripe.expireCheckoutSession(sessionId);
      if (outcome === 'completed') {
        // Paid before it could be closed: its webhook records it and an operator refunds it.
        logger.warn({ dealId, paymentId: String(payment._id) }, 'a cancelled deal’s checkout was paid');
        open++;
        continue;
      }
    }
    await applyEventToPayment(payment._id, 'expired', {
      source: 'system',
      note: `the deal is ${deal.status}`,
    });
  }
  return open;
}
