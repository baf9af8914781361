/**
 * What settling a payment holds and what follows it, for a deal's fee and an appraisal's alike:
 * a deal's fee is settled holding the deal's lock and then the payment's (LOCK_ORDER), so of two
 * fees paid at once the later sees both and completes the deal; an appraisal's fee holds its own
 * lock alone, and its appraisal is told through the bus.
 */
import { holdLocks } from '../common/store';
import type { EventBus } from '../common/events';
import type { PaymentDoc } from './payment.model';
import { holdDealAndPayment, paymentStore } from './payment.store';
import { completeDealIfAllPaid } from './deal-completion';
import { announcePaymentReceived, type PaymentEventOutcome } from './payment-transitions';
import type { FeeSchedule } from '../fees';

export function holdForSettlement<T>(payment: PaymentDoc, fn: () => Promise<T>): Promise<T> {
  if (payment.dealId) return holdDealAndPayment(String(payment.dealId), String(payment._id), fn);
  return holdLocks([paymentStore.lockKey(String(payment._id))], fn);
}

/**
 * After an event was applied (or found applied) to a payment: a paid deal fee may complete its
 * deal (checked again on a repeat, so a stop between the steps is finished); a newly paid or
 * refunded appraisal fee is announced to its appraisal.
 */
export async function followSettlement(
  outcome: PaymentEventOutcome,
  deps: { schedule: FeeSchedule; bus: EventBus },
): Promise<void> {
  const { payment } = outcome;
  if (payment.dealId) {
    announcePaymentReceived(deps.bus, outcome);
    if (payment.status === 'paid')
      await completeDealIfAllPaid(String(payment.dealId), deps.schedule, deps.bus);
    return;
  }
  if (payment.appraisalId && outcome.effect === 'applied') {
    deps.bus.publish('payment.settled', {
      paymentId: String(payment._id),
      appraisalId: String(payment.appraisalId),
      status: payment.status,
    });
  }
}
