/**
 * Data and Stripe plumbing for the payment tests: deals written straight through DealModel in
 * the state the deals service leaves them in once agreed, a Stripe provider whose calls are
 * recorded (it still talks to stripe-mock), and webhook events signed as Stripe signs them.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import Stripe from 'stripe';
import type { Express } from 'express';
import mongoose from 'mongoose';
import { DealModel } from '../../server/deals/deal.model';
import type { AppContext } from '../../server/context';
import { paymentProvidersFor } from '../../server/payments/providers';
import { createStripeClient, createStripeProvider } from '../../server/payments/providers/stripe.provider';
import type { CheckoutRequest, RefundRequest } from '../../server/payments/providers/payment-provider';
import type { Member } from '../helpers/factories';
import type { DealStatus } from '../../server/api-contract/enums';

export const WEBHOOK_SECRET = 'whsec_test_secret';

export async function agreedDeal(
  seller: Member,
  buyer: Member,
  opts: {
    price?: number;
    currency?: 'VND' | 'USD';
    status?: DealStatus;
    title?: string;
    brokerUserId?: string;
    /** The offer the deal is on; by default one that does not exist. */
    offerId?: string;
  } = {},
): Promise<string> {
  const price = opts.price ?? 500_000_000;
  const agreed = opts.status !== 'negotiating';
  const deal = await DealModel.create({
    listingKind: 'offer',
    offerId: opts.offerId ? new mongoose.Types.ObjectId(opts.offerId) : new mongoose.Types.ObjectId(),
    listingTitle: opts.title ?? 'Công nghệ xử lý nước thải bằng màng sinh học',
    sellerOrgId: seller.orgId,
    buyerOrgId: buyer.orgId,
    brokerUserId: opts.brokerUserId,
    status: opts.status ?? 'awaiting_payment',
    createdBy: buyer.user.id,
    termSheets: [
      {
        version: 1,
        price,
        currency: opts.currency ?? 'VND',
        exclusivity: false,
        proposedBy: seller.user.id,
        proposedByRole: 'seller',
        acceptedBy: agreed
          ? [
              { role: 'seller', userId: seller.user.id, at: new Date() },
              { role: 'buyer', userId: buyer.user.id, at: new Date() },
            ]
          : [],
      },
    ],
    latestVersion: 1,
    ...(agreed ? { agreedVersion: 1 } : {}),
  });
  return String(deal._id);
}

export interface StripeCalls {
  checkoutParams: Stripe.Checkout.SessionCreateParams[];
  checkoutOptions: Stripe.RequestOptions[];
  checkouts: CheckoutRequest[];
  expired: string[];
  refunds: RefundRequest[];
  refundParams: Stripe.RefundCreateParams[];
  reset(): void;
}

/**
 * Replaces the exchange's Stripe provider with one built on a Stripe client whose requests are
 * recorded before they go to stripe-mock (which does not echo every parameter back).
 */
export function recordStripeCalls(ctx: AppContext): StripeCalls {
  const settings = {
    secretKey: ctx.config.stripeSecretKey!,
    webhookSecret: ctx.config.stripeWebhookSecret,
    apiBase: ctx.config.stripeApiBase,
  };
  const client = createStripeClient(settings);
  const calls: StripeCalls = {
    checkoutParams: [],
    checkoutOptions: [],
    checkouts: [],
    expired: [],
    refunds: [],
    refundParams: [],
    reset() {
      for (const list of [
        this.checkoutParams,
        this.checkoutOptions,
        this.checkouts,
        this.expired,
        this.refunds,
        this.refundParams,
      ])
        list.length = 0;
    },
  };
  const createSession = client.checkout.sessions.create.bind(client.checkout.sessions);
  client.checkout.sessions.create = ((
    params: Stripe.Checkout.SessionCreateParams,
    options: Stripe.RequestOptions,
  ) => {
    calls.checkoutParams.push(params);
    calls.checkoutOptions.push(options);
    return createSession(params, options);
  }) as typeof client.checkout.sessions.create;
  const createRefund = client.refunds.create.bind(client.refunds);
  client.refunds.create = ((params: Stripe.RefundCreateParams, options: Stripe.RequestOptions) => {
    calls.refundParams.push(params);
    return createRefund(params, options);
  }) as typeof client.refunds.create;
  const real = createStripeProvider(settings, client);
  paymentProvidersFor(ctx.config).stripe = {
    ...real,
    createCheckoutSession: (req) => {
      calls.checkouts.push(req);
      return real.createCheckoutSession(req);
    },
    expireCheckoutSession: (id) => {
      calls.expired.push(id);
      return real.expireCheckoutSession(id);
    },
    createRefund: (req) => {
      calls.refunds.push(req);
      return real.createRefund(req);
    },
  };
  return calls;
}

const signer = new Stripe('sk_test_123');

export interface SignedEvent {
  id: string;
  payload: string;
  header: string;
}

export function signedEvent(
  type: string,
  object: Record<string, unknown>,
  opts: { id?: string; timestamp?: number; secret?: string } = {},
): SignedEvent {
  const id = opts.id ?? `evt_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  const payload = JSON.stringify({
    id,
    object: 'event',
    api_version: '2025-01-27.acacia',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object },
  });
  const header = signer.webhooks.generateTestHeaderString({
    payload,
    secret: opts.secret ?? WEBHOOK_SECRET,
    ...(opts.timestamp ? { timestamp: opts.timestamp } : {}),
  });
  return { id, payload, header };
}

export function deliver(app: Express, event: SignedEvent) {
  return request(app)
    .post('/api/payments/stripe/webhook')
    .set('Content-Type', 'application/json')
    .set('Stripe-Signature', event.header)
    .send(event.payload);
}

/** The Checkout Session object Stripe sends with checkout.session.* events for a payment of ours. */
export function sessionObject(
  payment: { id: string; dealId: string; purpose: string; stripe?: { checkoutSessionId?: string } },
  overrides: Record<string, unknown> = {},
) {
  return {
    id: payment.stripe?.checkoutSessionId ?? 'cs_test_unknown',
    object: 'checkout.session',
    mode: 'payment',
    client_reference_id: payment.id,
    metadata: { paymentId: payment.id, dealId: payment.dealId, purpose: payment.purpose },
    payment_intent: `pi_${payment.id}`,
    payment_status: 'paid',
    status: 'complete',
    ...overrides,
  };
}
