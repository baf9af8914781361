/**
 * Refunds, by an operator, of the paid fees of a cancelled deal (or of a fee paid twice). Stripe
 * refunds are created under an idempotency key derived from the payment, so asking twice makes
 * one refund; a bank refund is recorded as made by the operator.
 */
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit/audit.service';
import type { PaymentDoc } from './payment.model';
import { paymentStore } from './payment.store';
import { canRequestRefund } from './payment-lifecycle';
import { applyEventToPayment } from './payment-transitions';
import { assertOperatorOutside, loadPaymentAndDeal } from './payment-access';
import { callStripe } from './payment.service';
import type { PaymentDeps } from './payment-deps';
import { paymentView } from './payment.view';
import type { PaymentStatus } from '../api-contract/enums';

export async function refundPayment(
  operator: SessionUser,
  paymentId: string,
  reason: string,
  deps: PaymentDeps,
) {
  const { payment, deal } = await loadPaymentAndDeal(paymentId);
  assertOperatorOutside(operator, payment, deal);
  if (!canRequestRefund(payment.status as PaymentStatus)) {
    throw AppError.conflict(`The payment is ${payment.status}; only a paid payment can be refunded`);
  }
  // An appraisal's fee is refunded at the operators' discretion (with the reason recorded).
  if (deal && deal.status !== 'cancelled' && !payment.duplicate) {
    throw AppError.conflict('Only the fees of a cancelled deal, or a fee paid twice, can be refunded');
  }
  const reasonSet = { refundReason: reason, refundedBy: operator.id };
  const after =
    payment.provider === 'stripe'
      ? await refundByStripe(payment, operator, reason, reasonSet, deps)
      : await settleRefund(payment, operator, reason, reasonSet);
  await recordAudit({
    actorId: operator.id,
    action: 'payment.refund',
    targetType: 'payment',
    targetId: paymentId,
    data: {
      ...(payment.dealId ? { dealId: String(payment.dealId) } : {}),
      ...(payment.appraisalId ? { appraisalId: String(payment.appraisalId) } : {}),
      amount: payment.amount,
      currency: payment.currency,
      reason,
      status: after.status,
    },
  });
  return { payment: paymentView(after) };
}

async function refundByStripe(
  payment: PaymentDoc,
  operator: SessionUser,
  reason: string,
  reasonSet: Record<string, unknown>,
  deps: PaymentDeps,
): Promise<PaymentDoc> {
  const stripe = deps.providers.stripe;
  if (!stripe) throw AppError.conflict('Stripe is not configured; this card payment cannot be refunded here');
  const paymentIntentId = payment.stripe?.paymentIntentId;
  if (!paymentIntentId)
    throw AppError.conflict('Stripe has not told us the PaymentIntent of this payment yet');
  const refund = await callStripe(() =>
    stripe.createRefund({
      paymentIntentId,
      idempotencyKey: `refund-${payment._id}`,
      paymentId: String(payment._id),
    }),
  );
  const { doc: recorded } = await paymentStore.mutate(payment._id, () => ({
    change: { $set: { ...reasonSet, 'stripe.refundId': refund.id, 'stripe.refundStatus': refund.status } },
    result: null,
  }));
  // A pending refund completes when Stripe's refund.updated arrives.
  if (refund.status !== 'succeeded') return recorded;
  return settleRefund(recorded, operator, reason, reasonSet);
}

async function settleRefund(
  payment: PaymentDoc,
  operator: SessionUser,
  reason: string,
  reasonSet: Record<string, unknown>,
): Promise<PaymentDoc> {
  const { effect, payment: after } = await applyEventToPayment(payment._id, 'refunded', {
    source: 'operator',
    actorId: operator.id,
    note: reason,
    set: reasonSet,
  });
  if (effect === 'superseded') throw AppError.conflict(`The payment is ${after.status}`);
  return after;
}
