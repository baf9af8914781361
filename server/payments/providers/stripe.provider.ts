import Stripe from 'stripe';
import { AppError } from '../../common/errors';
import type { CheckoutRequest, StripeProvider, VerifiedEvent } from './payment-provider';

export interface StripeSettings {
  secretKey: string;
  webhookSecret?: string;
  /** e.g. http://127.0.0.1:12111 for stripe-mock; unset for Stripe itself. */
  apiBase?: string;
}

export function createStripeClient(settings: StripeSettings): Stripe {
  const base = settings.apiBase ? new URL(settings.apiBase) : undefined;
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === 'https:' ? 443 : 80),
          protocol: base.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
}

export function createStripeProvider(
  settings: StripeSettings,
  client = createStripeClient(settings),
): StripeProvider {
  return {
    async createCheckoutSession(req: CheckoutRequest) {
      const metadata = {
        paymentId: req.paymentId,
        ...(req.dealId ? { dealId: req.dealId } : {}),
        ...(req.appraisalId ? { appraisalId: req.appraisalId } : {}),
        ...(req.offerId ? { offerId: req.offerId } : {}),
        ...(req.demandId ? { demandId: req.demandId } : {}),
        ...(req.listingId ? { listingId: req.listingId } : {}),
        purpose: req.purpose,
      };
      const session = await client.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: req.currency.toLowerCase(),
                unit_amount: req.amount,
                product_data: { name: req.description },
              },
            },
          ],
          metadata,
          payment_intent_data: { metadata },
          client_reference_id: req.paymentId,
          success_url: req.successUrl,
          cancel_url: req.cancelUrl,
          locale: req.locale,
        },
        { idempotencyKey: req.idempotencyKey },
      );
      if (!session.url) throw AppError.unavailable('Stripe returned a Checkout Session without a URL');
      return { id: session.id, url: session.url, paymentIntentId: idOf(session.payment_intent) };
    },

    async expireCheckoutSession(sessionId: string) {
      try {
        await client.checkout.sessions.expire(sessionId);
        return 'expired';
      } catch (err) {
        if (!(err instanceof Stripe.errors.StripeInvalidRequestError)) throw err;
        const session = await client.checkout.sessions.retrieve(sessionId);
        if (session.status === 'complete') return 'completed';
        if (session.status === 'expired') return 'expired';
        throw err;
      }
    },

    async createRefund(req) {
      const refund = await client.refunds.create(
        {
          payment_intent: req.paymentIntentId,
          ...(req.amount ? { amount: req.amount } : {}),
          metadata: { paymentId: req.paymentId, ...(req.part ? { part: req.part } : {}) },
        },
        { idempotencyKey: req.idempotencyKey },
      );
      return { id: refund.id, status: refund.status ?? 'pending' };
    },

    verifyWebhook(rawBody: Buffer, signature: string): VerifiedEvent {
      if (!settings.webhookSecret) {
        throw AppError.validation([
          { field: 'Stripe-Signature', message: 'Stripe webhooks are not configured' },
        ]);
      }
      const event = client.webhooks.constructEvent(rawBody, signature, settings.webhookSecret);
      return event as unknown as VerifiedEvent;
    },
  };
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id);
  return undefined;
}
