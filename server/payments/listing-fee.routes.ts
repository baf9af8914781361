/** The listing fee of an offer or a demand: paid by its organization before submitting it for review. */
import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import { LISTING_KINDS } from '../api-contract/enums';
import { listingFeeOf, startListingFee } from './listing-fee.service';
import { listingFeeResponse, startSubjectPaymentBody, startedPaymentResponse } from './payment.schemas';
import type { PaymentDeps } from './payment-deps';

export function registerListingFeeRoutes(api: ApiRouter, deps: PaymentDeps): void {
  for (const kind of LISTING_KINDS) {
    const base = `/${kind}s/:id/listing-fee`;
    api.add({
      method: 'post',
      path: base,
      tag: 'payments',
      summary: `Pay your ${kind}'s listing fee before submitting it for review, where the fee schedule sets one for its kind and currency: a Stripe Checkout URL, or bank-transfer instructions. Retrying resumes the same payment. 409 when no fee applies, it is paid, or the ${kind} is not a draft. Refunded if an operator rejects the ${kind}.`,
      access: 'verified',
      params: idParams,
      body: startSubjectPaymentBody,
      status: 201,
      response: startedPaymentResponse,
      handler: ({ user, params, body }) => startListingFee(user, kind, params.id, body.provider, deps),
    });
    api.add({
      method: 'get',
      path: base,
      tag: 'payments',
      summary: `What your ${kind} owes as its listing fee and how it stands (paid, pending, refunded after a rejection…), with its payments and ledger entries (its organization and operators)`,
      access: 'user',
      params: idParams,
      response: listingFeeResponse,
      handler: ({ user, params }) => listingFeeOf(user, kind, params.id, deps.schedule),
    });
  }
}
