import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import type { AppContext } from '../context';
import {
  royaltyReportBody,
  royaltyReportListResponse,
  royaltyReportParams,
  royaltyReportResponse,
} from './royalty.schemas';
import {
  confirmRoyaltyReport,
  fileRoyaltyReport,
  listRoyaltyReports,
  type RoyaltyPayments,
} from './royalty.service';

/**
 * `payments` is the payments component's, passed in by app.ts (deals do not import it); paying the
 * fee on a report is a payments route (payments/royalty-payment.routes.ts).
 */
export function registerRoyaltyRoutes(
  api: ApiRouter,
  ctx: AppContext,
  { payments }: { payments: RoyaltyPayments },
): void {
  const tag = 'deals';
  const schedule = ctx.config.feeSchedule;
  api.add({
    method: 'get',
    path: '/deals/:id/royalty-reports',
    tag,
    summary: "A royalty deal's reports, each with its royalty, the exchange's fee on it and their state",
    access: 'user',
    params: idParams,
    response: royaltyReportListResponse,
    handler: ({ user, params }) => listRoyaltyReports(user, params.id, payments),
  });
  api.add({
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
    handler: ({ user, params, body }) => fileRoyaltyReport(user, params.id, body, schedule),
  });
  api.add({
    method: 'post',
    path: '/deals/:id/royalty-reports/:reportId/confirm',
    tag,
    summary: 'The licensor (seller) confirms receiving the royalty of a report, once',
    access: 'user',
    params: royaltyReportParams,
    response: royaltyReportResponse,
    handler: ({ user, params }) => confirmRoyaltyReport(user, params.id, params.reportId, payments),
  });
}
