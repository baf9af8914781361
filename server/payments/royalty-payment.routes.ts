import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { royaltyPaymentBody, royaltyReportParams } from '../deals';
import { paymentDeps } from './payment-deps';
import { startedPaymentResponse } from './payment.schemas';
import { payRoyaltyFee } from './royalty-fee-payment';

/** Paying the exchange's fee on a deal's royalty report (the reports themselves are deals' routes). */
export function registerRoyaltyPaymentRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'deals';
  const deps = paymentDeps(ctx);
  api.add({
    method: 'post',
    path: '/deals/:id/royalty-reports/:reportId/payments',
    tag,
    summary:
      "A party pays its share of the exchange's fee on a royalty: a Stripe Checkout URL, or bank-transfer instructions. Retrying resumes the same payment.",
    access: 'verified',
    params: royaltyReportParams,
    body: royaltyPaymentBody,
    status: 201,
    response: startedPaymentResponse,
    handler: ({ user, params, body }) => payRoyaltyFee(user, params.id, params.reportId, body.provider, deps),
  });
}
