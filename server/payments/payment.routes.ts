import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import type { AppContext } from '../context';
import { paymentDeps } from './payment-deps';
import { availableProviders } from './providers';
import { feesOfDeal } from './deal-fees.service';
import { getPayment, startPayment } from './payment.service';
import { ledgerForUser } from './payment-queries.service';
import { receiptHtml } from './receipt.service';
import { handleStripeWebhook } from './stripe-webhook.service';
import { myPayouts } from './payout.service';
import { listingDeposits, myDeposit, startDeposit } from './deposit.service';
import {
  bankInstructionsResponse,
  depositBody,
  myDepositResponse,
  feeLineResponse,
  ledgerEntryResponse,
  paymentResponse,
  startedPaymentResponse,
  payoutListResponse,
  receiptQuery,
  startPaymentBody,
} from './payment.schemas';
import { checkoutUrlFor } from './checkout-visibility';
import { registerListingFeeRoutes } from './listing-fee.routes';
import { PAYMENT_PROVIDERS } from '../api-contract/enums';

export function registerPaymentRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'payments';
  const deps = paymentDeps(ctx);
  api.add({
    method: 'get',
    path: '/payments/providers',
    tag,
    summary:
      'The payment methods this exchange offers (bank transfer always; cards when Stripe is configured)',
    access: 'public',
    response: Joi.object({ providers: Joi.array().items(Joi.string().valid(...PAYMENT_PROVIDERS)) }),
    handler: () => ({ providers: availableProviders(deps.providers) }),
  });
  api.add({
    method: 'get',
    path: '/deals/:id/fees',
    tag,
    summary: "What each party owes on an agreed deal, with the state of each fee's payment",
    access: 'user',
    params: idParams,
    response: Joi.object({ fees: Joi.array().items(feeLineResponse) }),
    handler: ({ user, params }) => feesOfDeal(user, params.id, deps.schedule),
  });
  api.add({
    method: 'post',
    path: '/deals/:id/payments',
    tag,
    summary:
      "Pay your organization's fee: a Stripe Checkout URL, or bank-transfer instructions. Retrying resumes the same payment.",
    access: 'verified',
    params: idParams,
    body: startPaymentBody,
    status: 201,
    response: startedPaymentResponse,
    handler: ({ user, params, body }) => startPayment(user, params.id, body, deps),
  });
  const depositListings = [
    {
      kind: 'offer' as const,
      base: '/offers/:id',
      listing: 'an auction',
      bidding: 'bidding',
      losers: "Losers' deposits are refunded at the close; the winner's is credited to its deal.",
    },
    {
      kind: 'demand' as const,
      base: '/demands/:id',
      listing: 'a call for proposals',
      bidding: 'proposing',
      losers:
        "A proposer's deposit is held while its proposal is in the running, refunded once it is not chosen (or the call ends), credited to the deal of a chosen one.",
    },
  ];
  for (const { kind, base, listing, bidding, losers } of depositListings) {
    api.add({
      method: 'post',
      path: `${base}/deposits`,
      tag,
      summary: `Pay your organization's deposit on ${listing} that asks one, before ${bidding}: a Stripe Checkout URL, or bank-transfer instructions. Retrying resumes the same payment. ${losers}`,
      access: 'verified',
      params: idParams,
      body: depositBody,
      status: 201,
      response: startedPaymentResponse,
      handler: ({ user, params, body }) => startDeposit(user, kind, params.id, body.provider, deps),
    });
    api.add({
      method: 'get',
      path: `${base}/deposits/mine`,
      tag,
      summary: `Whether ${listing} asks a deposit, and your organization's: none, pending, paid or refunded`,
      access: 'user',
      params: idParams,
      response: myDepositResponse,
      handler: ({ user, params }) => myDeposit(user, kind, params.id, ctx.config.runnerUpDepositKeepDays),
    });
    api.add({
      method: 'get',
      path: `${base}/deposits`,
      tag,
      summary: `Every deposit paid on ${listing} (its owner and operators)`,
      access: 'user',
      params: idParams,
      response: Joi.object({ deposits: Joi.array().items(paymentResponse).required() }),
      handler: ({ user, params }) =>
        listingDeposits(user, kind, params.id, ctx.config.runnerUpDepositKeepDays),
    });
  }
  api.add({
    method: 'get',
    path: '/deals/:id/ledger',
    tag,
    summary: "The deal's money record: every payment and refund, with provider ids and who did what when",
    access: 'user',
    params: idParams,
    response: Joi.object({ entries: Joi.array().items(ledgerEntryResponse) }),
    handler: ({ user, params }) => ledgerForUser(user, params.id),
  });
  api.add({
    method: 'get',
    path: '/payouts/mine',
    tag,
    summary:
      "A broker's commissions and an expert's shares of appraisal fees: each due, paid or cancelled, with the totals",
    access: 'user',
    response: payoutListResponse,
    handler: ({ user }) => myPayouts(user),
  });
  api.add({
    method: 'get',
    path: '/payments/:id',
    tag,
    summary: 'A payment, as its payer, the other party or an operator sees it',
    access: 'user',
    params: idParams,
    response: Joi.object({
      payment: paymentResponse,
      deal: Joi.object().description('The deal whose fee this is'),
      appraisal: Joi.object().description('The appraisal whose fee this is'),
      offer: Joi.object().description('The auction a bid deposit is paid on'),
      demand: Joi.object().description('The call for proposals a deposit is paid on'),
      listing: Joi.object({
        kind: Joi.string().valid('offer', 'demand').required(),
        id: Joi.string().required(),
        title: Joi.string().allow('').required(),
      }).description('The offer or demand a listing fee is paid for'),
      instructions: bankInstructionsResponse,
    }),
    handler: async ({ user, params }) => {
      const shown = await getPayment(user, params.id, deps);
      return { ...shown, payment: checkoutUrlFor(shown.payment, user) };
    },
  });
  api.add({
    method: 'get',
    path: '/payments/:id/receipt',
    tag,
    summary: 'The printable receipt (HTML) of a paid fee',
    access: 'user',
    params: idParams,
    query: receiptQuery,
    answers: 'text/html',
    handler: async ({ user, params, query, res }) => {
      const html = await receiptHtml(user, params.id, query.lang);
      res.type('html').send(html);
    },
  });
  api.add({
    method: 'post',
    path: '/payments/stripe/webhook',
    tag,
    summary: "Stripe's events, signed (Stripe-Signature over the raw body); each applied once, in any order",
    access: 'public',
    contentType: 'application/json',
    response: Joi.object({ received: Joi.boolean(), duplicate: Joi.boolean() }),
    handler: ({ req }) => handleStripeWebhook(req.body, req.get('stripe-signature'), deps),
  });
  registerListingFeeRoutes(api, deps);
}
