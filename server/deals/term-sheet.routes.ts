import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import type { AppContext } from '../context';
import {
  contractQuery,
  dealResponse,
  termSheetBody,
  termSheetListResponse,
  termSheetResponse,
  termVersionParams,
} from './deal.schemas';
import { acceptTermSheet, listTermSheets, proposeTermSheet } from './term-sheet.service';
import { describeDeal } from './deal-description';
import { acceptNda } from './nda.service';
import { agreementDraftHtml, type BidTransferModeOf } from './agreement-draft.service';
import type { DealPayments } from './deal-payments-port';

/**
 * `bidTransferModeOf` is the bids component's and `payments` the payments component's, passed in
 * by app.ts (deals import neither).
 */
export function registerTermSheetRoutes(
  api: ApiRouter,
  ctx: AppContext,
  { bidTransferModeOf, payments }: { bidTransferModeOf: BidTransferModeOf; payments: DealPayments },
): void {
  const tag = 'deals';
  const { bus } = ctx;
  api.add({
    method: 'get',
    path: '/deals/:id/terms',
    tag,
    summary: 'Every term-sheet version of a deal',
    access: 'user',
    params: idParams,
    response: termSheetListResponse,
    handler: ({ user, params }) => listTermSheets(user, params.id),
  });
  api.add({
    method: 'post',
    path: '/deals/:id/terms',
    tag,
    summary: 'Propose a new term-sheet version (parties or broker, while negotiating)',
    access: 'user',
    params: idParams,
    body: termSheetBody,
    status: 201,
    response: termSheetResponse,
    handler: async ({ user, params, body }) => ({
      termSheet: await proposeTermSheet(user, params.id, body, bus),
    }),
  });
  api.add({
    method: 'post',
    path: '/deals/:id/terms/:version/accept',
    tag,
    summary: 'Accept the latest term-sheet version (seller or buyer); both accepting agrees the deal',
    access: 'user',
    params: termVersionParams,
    response: dealResponse,
    handler: async ({ user, params }) => {
      const deal = await acceptTermSheet(user, params.id, params.version, {
        bus,
        feeSchedule: ctx.config.feeSchedule,
        payments,
      });
      return { deal: await describeDeal(deal, user) };
    },
  });
  api.add({
    method: 'post',
    path: '/deals/:id/nda/accept',
    tag,
    summary: 'Accept the listing’s NDA in this deal: opens its confidential documents to your organization',
    access: 'user',
    params: idParams,
    response: dealResponse,
    handler: async ({ user, params }) => ({
      deal: await describeDeal(await acceptNda(user, params.id, bus), user),
    }),
  });
  api.add({
    method: 'get',
    path: '/deals/:id/contract',
    tag,
    summary: 'The agreed terms as a printable contract draft (HTML, Vietnamese or English)',
    access: 'user',
    params: idParams,
    query: contractQuery,
    answers: 'text/html',
    handler: async ({ user, params, query, res }) => {
      const html = await agreementDraftHtml(user, params.id, query.lang ?? user.locale, bidTransferModeOf);
      res.type('html').setHeader('Cache-Control', 'private, no-store');
      res.send(html);
    },
  });
}
