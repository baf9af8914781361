/**
 * What a Stripe event means for the exchange's payments. Pure: the event is already verified.
 * Events of other types, or carrying nothing to change, map to no payment event (they are
 * still stored once, and acknowledged).
 */
import type { PaymentEvent } from './payment-lifecycle';

export interface StripeEventLike {
  id: string;
  type: string;
  data: { object: Record<string, unknown> };
}

export interface StripePaymentNotice {
  paymentEvent?: PaymentEvent;
  /** Our payment id, from the metadata we put on sessions, PaymentIntents and refunds. */
  paymentId?: string;
  checkoutSessionId?: string;
  paymentIntentId?: string;
  refundId?: string;
  refundStatus?: string;
  /** A partial refund (a deposit's surplus): its status is the refund's own, the payment stays paid. */
  part?: 'surplus';
}

export function readStripeEvent(event: StripeEventLike): StripePaymentNotice | null {
  const o = event.data?.object ?? {};
  const metadataPaymentId = stringOf((o.metadata as Record<string, unknown> | undefined)?.paymentId);
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired':
      return {
        paymentEvent: sessionEvent(event.type, o.payment_status),
        paymentId: metadataPaymentId ?? stringOf(o.client_reference_id),
        checkoutSessionId: stringOf(o.id),
        paymentIntentId: idOf(o.payment_intent),
      };
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
      return {
        paymentEvent: event.type === 'payment_intent.succeeded' ? 'paid' : 'failed',
        paymentId: metadataPaymentId,
        paymentIntentId: stringOf(o.id),
      };
    case 'charge.refunded':
      return {
        // A partial refund leaves the fee paid; the exchange only refunds fees in full.
        paymentEvent: o.refunded === true ? 'refunded' : undefined,
        paymentId: metadataPaymentId,
        paymentIntentId: idOf(o.payment_intent),
      };
    case 'refund.created':
    case 'refund.updated':
      if ((o.metadata as Record<string, unknown> | undefined)?.part === 'surplus')
        return {
          part: 'surplus',
          paymentId: metadataPaymentId,
          paymentIntentId: idOf(o.payment_intent),
          refundId: stringOf(o.id),
          refundStatus: stringOf(o.status),
        };
      return {
        paymentEvent: o.status === 'succeeded' ? 'refunded' : undefined,
        paymentId: metadataPaymentId,
        paymentIntentId: idOf(o.payment_intent),
        refundId: stringOf(o.id),
        refundStatus: stringOf(o.status),
      };
    default:
      return null;
  }
}

function sessionEvent(type: string, paymentStatus: unknown): PaymentEvent | undefined {
  if (type === 'checkout.session.expired') return 'expired';
  if (type === 'checkout.session.async_payment_failed') return 'failed';
  if (type === 'checkout.session.async_payment_succeeded') return 'paid';
  // `completed` with an unpaid delayed method (a bank debit) is settled by an async_payment_* event.
  return paymentStatus === 'paid' ? 'paid' : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function idOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') return stringOf((value as { id?: unknown }).id);
  return stringOf(value);
}
