/**
 * Refunds, by an operator, of the paid fees of a cancelled deal (or of a fee paid twice), and by
 * the exchange itself of a rejected listing's fee. Stripe refunds are created under an idempotency
 * key derived from the payment, so asking twice makes one refund; a bank refund is recorded as
 * made by the operator (or, for the exchange's own, as returned to the payer by transfer).
 */
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
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

/**
 * A refund the exchange decides by itself (the fee of a listing an operator rejected): the same
 * refund an operator's would be. The reason is recorded on the payment first (so it stops counting
 * as paid at once); a card payment is refunded through Stripe under the same idempotency key
 * (`refund-<payment>`), so however often this runs, and whoever else asks, Stripe makes one
 * refund; a bank transfer is recorded as returned to the payer by transfer. The payment once
 * refunded, or null while Stripe's refund is pending (its `refund.updated` webhook completes it).
 * Throws, for the caller's job to retry, while Stripe cannot be asked yet.
 */
export async function refundBySystem(
  payment: PaymentDoc,
  reason: string,
  deps: Pick<PaymentDeps, 'providers'>,
): Promise<PaymentDoc | null> {
  if (payment.status === 'refunded') return payment;
  if (!canRequestRefund(payment.status as PaymentStatus)) return null;
  await paymentStore.mutate(payment._id, (current) => ({
    change: current.refundReason ? null : { $set: { refundReason: reason } },
    result: null,
  }));
  if (payment.provider === 'stripe') {
    const stripe = deps.providers.stripe;
    const paymentIntentId = payment.stripe?.paymentIntentId;
    if (!stripe || !paymentIntentId)
      throw new Error(`payment ${payment._id} cannot be refunded through Stripe yet`);
    const refund = await callStripe(() =>
      stripe.createRefund({
        paymentIntentId,
        idempotencyKey: `refund-${payment._id}`,
        paymentId: String(payment._id),
      }),
    );
    await paymentStore.mutate(payment._id, () => ({
      change: { $set: { 'stripe.refundId': refund.id, 'stripe.refundStatus': refund.status } },
      result: null,
    }));
    if (refund.status !== 'succeeded') return null;
  }
  const { payment: after } = await applyEventToPayment(payment._id, 'refunded', {
    source: 'system',
    note: payment.provider === 'stripe' ? reason : `${reason}; returned by bank transfer to the payer`,
    set: { refundReason: reason },
  });
  return after.status === 'refunded' ? after : null;
}
