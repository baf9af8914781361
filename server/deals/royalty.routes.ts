import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import type { AppContext } from '../context';
import type { Currency, PaymentProvider } from '../api-contract/enums';
import { paymentDeps, startedPaymentResponse } from '../payments';
import {
  royaltyPaymentBody,
  royaltyReportBody,
  royaltyReportListResponse,
  royaltyReportParams,
  royaltyReportResponse,
} from './royalty.schemas';
import {
  confirmRoyaltyReport,
  fileRoyaltyReport,
  listRoyaltyReports,
  payRoyaltyFee,
} from './royalty.service';

export function registerRoyaltyRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'deals';
  const deps = paymentDeps(ctx);
  api.add({
    method: 'get',
    path: '/deals/:id/royalty-reports',
    tag,
    summary: "A royalty deal's reports, each with its royalty, the exchange's fee on it and their state",
    access: 'user',
    params: idParams,
    response: royaltyReportListResponse,
    handler: ({ user, params }) => listRoyaltyReports(user, params.id),
  });
  api.add<{ id: string }, unknown, { period: string; netSales: number; currency: Currency; note?: string }>({
    method: 'post',
    path: '/deals/:id/royalty-reports',
    tag,
    summary:
      "The licensee (buyer) reports its net sales for a month or a quarter: the royalty and the exchange's fee on it are computed (one report per period)",
    access: 'user',
    params: idParams,
    body: royaltyReportBody,
    status: 201,
    response: royaltyReportResponse,
    handler: ({ user, params, body }) => fileRoyaltyReport(user, params.id, body, deps.schedule),
  });
  api.add<{ id: string; reportId: string }>({
    method: 'post',
    path: '/deals/:id/royalty-reports/:reportId/confirm',
    tag,
    summary: 'The licensor (seller) confirms receiving the royalty of a report, once',
    access: 'user',
    params: royaltyReportParams,
    response: royaltyReportResponse,
    handler: ({ user, params }) => confirmRoyaltyReport(user, params.id, params.reportId),
  });
  api.add<{ id: string; reportId: string }, unknown, { provider: PaymentProvider }>({
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
