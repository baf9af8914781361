/**
 * Stripe's webhook: verify the signature over the raw bytes, store the event id once (the
 * insert is the lock: a redelivery finds it and does nothing), then apply it to its payment with
 * a conditional update. Answered as soon as those one or two small writes are done.
 */
import { AppError } from '../common/errors';
import { isObjectId } from '../common/ids';
import { logger } from '../common/logger';
import type { PaymentDoc } from './payment.model';
import { findPaymentDoc, paymentReads, paymentStore } from './payment.store';
import type { PaymentEvent } from './payment-lifecycle';
import { applyEventToPayment } from './payment-transitions';
import { followSettlement, holdForSettlement } from './payment-settlement';
import { markStripeEventApplied, storeStripeEventOnce, waitingStripeEvents } from './stripe-event.store';
import { readStripeEvent, type StripePaymentNotice } from './stripe-event-mapping';
import { markSurplusRefund } from './deposit-surplus.service';
import { surplusStatusOf } from './deposit-surplus-rules';
import type { PaymentDeps } from './payment-deps';
import type { VerifiedEvent } from './providers/payment-provider';

type Outcome =
  'applied' | 'duplicate' | 'superseded' | 'recorded' | 'ignored' | 'unknown_payment' | 'waiting';

export async function handleStripeWebhook(
  rawBody: unknown,
  signature: string | undefined,
  deps: PaymentDeps,
) {
  const event = verify(rawBody, signature, deps);
  const notice = readStripeEvent(event);
  const firstDelivery = await storeEventOnce(event, notice);
  if (!firstDelivery) return { received: true, duplicate: true };
  const outcome = notice ? await applyNotice(notice, event.id, deps) : 'ignored';
  if (outcome !== 'waiting') {
    await markStripeEventApplied(event.id, outcome);
  }
  logger.info({ stripeEventId: event.id, type: event.type, outcome }, 'stripe event');
  return { received: true };
}

function verify(rawBody: unknown, signature: string | undefined, deps: PaymentDeps): VerifiedEvent {
  const stripe = deps.providers.stripe;
  const refuse = (message: string) => AppError.validation([{ field: 'Stripe-Signature', message }], message);
  if (!stripe) throw refuse('Stripe is not configured on this exchange');
  if (!Buffer.isBuffer(rawBody) || !signature) throw refuse('A signed Stripe event is required');
  try {
    return stripe.verifyWebhook(rawBody, signature);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse('The Stripe signature does not match this event or is too old');
  }
}

/** False when the event was already applied; an event stored but not applied yet is tried again. */
async function storeEventOnce(event: VerifiedEvent, notice: StripePaymentNotice | null): Promise<boolean> {
  return storeStripeEventOnce({
    _id: event.id,
    type: event.type,
    paymentId: notice?.paymentId && isObjectId(notice.paymentId) ? notice.paymentId : undefined,
    paymentIntentId: notice?.paymentIntentId,
    paymentEvent: notice?.paymentEvent,
    refundId: notice?.refundId,
  });
}

async function applyNotice(
  notice: StripePaymentNotice,
  eventId: string,
  deps: PaymentDeps,
): Promise<Outcome> {
  const payment = await findPayment(notice);
  if (!payment) {
    // A refund notice can outrun the checkout notice that links its PaymentIntent to a payment.
    return notice.paymentId || !notice.paymentIntentId ? 'unknown_payment' : 'waiting';
  }
  if (payment.provider !== 'stripe') return 'ignored';
  if (notice.part === 'surplus') {
    if (notice.refundId && notice.refundStatus)
      await markSurplusRefund(
        payment._id,
        { refundId: notice.refundId },
        {
          status: surplusStatusOf(notice.refundStatus),
        },
      );
    return 'recorded';
  }
  // A deposit's partial refunds add up to a charge refunded whole only when the surplus was all of it.
  if (notice.paymentEvent === 'refunded' && !notice.refundId && payment.deposit?.refunds?.length)
    return 'ignored';
  const linked = await linkProviderIds(payment, notice);
  const outcome = notice.paymentEvent
    ? await settle(payment, notice.paymentEvent, eventId, deps)
    : 'recorded';
  if (linked) await replayWaitingEvents(payment, eventId, deps);
  return outcome;
}

async function findPayment(notice: StripePaymentNotice): Promise<PaymentDoc | null> {
  if (notice.paymentId && isObjectId(notice.paymentId)) {
    return findPaymentDoc(notice.paymentId);
  }
  if (notice.checkoutSessionId) {
    const bySession = await paymentReads
      .findOne({
        'stripe.checkoutSessionId': notice.checkoutSessionId,
      })
      .lean();
    if (bySession) return bySession as PaymentDoc;
  }
  if (notice.paymentIntentId) {
    return (await paymentReads
      .findOne({
        'stripe.paymentIntentId': notice.paymentIntentId,
      })
      .lean()) as PaymentDoc | null;
  }
  return null;
}

/** Records the PaymentIntent and refund ids the event tells; true when the PaymentIntent is new to us. */
async function linkProviderIds(payment: PaymentDoc, notice: StripePaymentNotice): Promise<boolean> {
  const set: Record<string, string> = {};
  const newIntent =
    Boolean(notice.paymentIntentId) && payment.stripe?.paymentIntentId !== notice.paymentIntentId;
  if (newIntent) set['stripe.paymentIntentId'] = notice.paymentIntentId!;
  if (notice.refundId) set['stripe.refundId'] = notice.refundId;
  if (notice.refundStatus) set['stripe.refundStatus'] = notice.refundStatus;
  if (Object.keys(set).length) {
    await paymentStore.mutate(payment._id, () => ({ change: { $set: set }, result: null }));
  }
  return newIntent;
}

/**
 * Applies the event and, once paid, closes the deal if every fee is paid: one flow holding the
 * deal's and the payment's locks, so of two fees paid at once the later sees both. A redelivered
 * event repeats the completion check, so a deal left awaiting payment by a crash completes.
 */
function settle(payment: PaymentDoc, event: PaymentEvent, eventId: string, deps: PaymentDeps) {
  return holdForSettlement(payment, async () => {
    const outcome = await applyEventToPayment(payment._id, event, {
      source: 'stripe',
      stripeEventId: eventId,
    });
    await followSettlement(outcome, deps);
    return outcome.effect;
  });
}

/** Applies the events that waited for this payment's PaymentIntent to become known. */
async function replayWaitingEvents(
  payment: PaymentDoc,
  currentEventId: string,
  deps: PaymentDeps,
): Promise<void> {
  const intent = (await findPaymentDoc(payment._id))?.stripe?.paymentIntentId;
  if (!intent) return;
  const waiting = await waitingStripeEvents(intent);
  for (const stored of waiting.filter((e) => e._id !== currentEventId)) {
    if (stored.refundId || stored.paymentEvent === 'refunded') {
      await linkProviderIds(payment, { refundId: stored.refundId ?? undefined });
    }
    const outcome = stored.paymentEvent
      ? await settle(payment, stored.paymentEvent as PaymentEvent, String(stored._id), deps)
      : 'recorded';
    await markStripeEventApplied(String(stored._id), outcome);
  }
}
