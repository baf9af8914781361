import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { APPRAISAL_TYPES, CURRENCIES } from '../api-contract/enums';
import { appraisalFeeList } from '../fees';
import { startedPaymentResponse } from '../payments';
import type { AppContext } from '../context';
import { idParams } from '../common/ids';
import {
  appraisalListResponse,
  appraisalResponse,
  assignBody,
  declineBody,
  listQuery,
  payBody,
  reportBody,
  requestBody,
} from './appraisal.schemas';
import {
  acceptAppraisal,
  assignExperts,
  declineAppraisal,
  myAppraisals,
  operatorAppraisals,
  payAppraisalFee,
  publishAppraisal,
  readAppraisal,
  reportAppraisal,
  requestAppraisal,
} from './appraisal.service';

export function registerAppraisalRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'appraisals';
  api.add({
    method: 'post',
    path: '/appraisals',
    tag,
    summary:
      "Request a technology appraisal or a valuation of a listing: its owner's members, or those of a party of a live deal on it",
    access: 'user',
    body: requestBody,
    status: 201,
    response: appraisalResponse,
    handler: async ({ user, body }) => ({ appraisal: await requestAppraisal(ctx, user, body) }),
  });
  api.add({
    method: 'get',
    path: '/appraisals/fees',
    tag,
    summary:
      "The appraisal fees the exchange's schedule sets, per type and currency (a type and currency absent is free)",
    access: 'public',
    response: Joi.object({
      fees: Joi.array().items(
        Joi.object({
          type: Joi.string()
            .valid(...APPRAISAL_TYPES)
            .required(),
          currency: Joi.string()
            .valid(...CURRENCIES)
            .required(),
          amount: Joi.number().integer().min(1).required(),
        }),
      ),
    }),
    handler: () => ({ fees: appraisalFeeList(ctx.config.feeSchedule) }),
  });
  api.add({
    method: 'get',
    path: '/appraisals',
    tag,
    summary:
      "Your organization's appraisal requests, reported ones about its listings (to publish), and (experts) those you are assigned to; newest first",
    access: 'user',
    query: listQuery,
    response: appraisalListResponse,
    handler: ({ user, query }) => myAppraisals(user, query),
  });
  api.add({
    method: 'get',
    path: '/appraisals/:id',
    tag,
    summary:
      'One appraisal request with its report: to the requesting organization, its assigned experts and operators',
    access: 'user',
    params: idParams,
    response: appraisalResponse,
    handler: async ({ user, params }) => ({ appraisal: await readAppraisal(user, params.id) }),
  });
  api.add({
    method: 'post',
    path: '/appraisals/:id/accept',
    tag,
    summary:
      "The assigned expert takes the request on: it is under way, and the expert may read the listing's confidential documents (recorded)",
    access: 'user',
    params: idParams,
    response: appraisalResponse,
    handler: async ({ user, params }) => ({ appraisal: await acceptAppraisal(ctx, user, params.id) }),
  });
  api.add({
    method: 'post',
    path: '/appraisals/:id/decline',
    tag,
    summary: "The assigned expert declines; with no expert left the request returns to the operators' queue",
    access: 'user',
    params: idParams,
    body: declineBody,
    response: appraisalResponse,
    handler: async ({ user, params, body }) => ({
      appraisal: await declineAppraisal(ctx, user, params.id, body.reason || undefined),
    }),
  });
  api.add({
    method: 'post',
    path: '/appraisals/:id/report',
    tag,
    summary:
      'The expert who accepted files the structured report (a valuation gives a value range and its method)',
    access: 'user',
    params: idParams,
    body: reportBody,
    response: appraisalResponse,
    handler: async ({ user, params, body }) => ({
      appraisal: await reportAppraisal(ctx, user, params.id, body),
    }),
  });
  api.add({
    method: 'post',
    path: '/appraisals/:id/payments',
    tag,
    summary:
      "The requesting organization pays the appraisal's fee once an expert has taken it on: a Stripe Checkout URL, or bank-transfer instructions. Retrying resumes the same payment.",
    access: 'verified',
    params: idParams,
    body: payBody,
    status: 201,
    response: startedPaymentResponse,
    handler: ({ user, params, body }) => payAppraisalFee(ctx, user, params.id, body.provider),
  });
  api.add({
    method: 'post',
    path: '/appraisals/:id/publish',
    tag,
    summary:
      'The listing\'s owner publishes a reported appraisal\'s summary on the listing: its "appraised" badge with the assessed TRL and date',
    access: 'user',
    params: idParams,
    response: appraisalResponse,
    handler: async ({ user, params }) => ({ appraisal: await publishAppraisal(user, params.id) }),
  });
  api.add({
    method: 'get',
    path: '/admin/appraisals',
    tag: 'admin',
    summary: 'The appraisal desk: every request, by status, newest first',
    access: ['admin'],
    query: listQuery,
    response: appraisalListResponse,
    handler: ({ user, query }) => operatorAppraisals(user, query),
  });
  api.add({
    method: 'post',
    path: '/admin/appraisals/:id/assign',
    tag: 'admin',
    summary:
      "Assign experts of the directory to a request (409 for one with a conflict of interest with the listing's owner or the requester)",
    access: ['admin'],
    params: idParams,
    body: assignBody,
    response: appraisalResponse,
    handler: async ({ user, params, body }) => ({
      appraisal: await assignExperts(ctx, user, params.id, body.expertIds),
    }),
  });
}
