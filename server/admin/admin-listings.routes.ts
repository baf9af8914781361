/** Operators moderating listings: the review queue, approving and rejecting offers and demands. */
import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import { pageAnswerKeys } from '../common/page-schema';
import type { AppContext } from '../context';
import {
  transitionListing,
  viewListing,
  rejectBody,
  revisionDecisionBody,
  revisionRefusalBody,
  approveRevision,
  refuseRevision,
  revisionQueue,
  type ListingSpec,
} from '../listings';
import { OFFER_SPEC, offerResponse, offerViewSchema } from '../offers';
import { DEMAND_SPEC, demandResponse, demandViewSchema } from '../demands';
import { reviewQueue } from './admin-queue.service';
import { refundFeeOfRejectedListing } from '../payments';
import { notifyRevisionDecision } from '../notifications';

export interface QueuePageQuery {
  page: number;
  limit: number;
}

export function registerAdminListingRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'admin';
  api.add({
    method: 'get',
    path: '/admin/queue',
    tag,
    summary: 'Offers and demands awaiting review, oldest submitted first',
    access: ['admin'],
    query: Joi.object<QueuePageQuery>({
      page: Joi.number().integer().min(1).max(10_000).default(1),
      limit: Joi.number().integer().min(1).max(100).default(50),
    }),
    response: Joi.object({
      queue: Joi.array().items(Joi.alternatives().try(offerViewSchema, demandViewSchema)).required(),
      ...pageAnswerKeys,
    }),
    handler: ({ user, query }) => reviewQueue(user, query.page, query.limit),
  });
  api.add({
    method: 'get',
    path: '/admin/revisions',
    tag,
    summary:
      'Published offers and demands with changes awaiting review, oldest first; each carries its revision (the changed fields and the listing as it would read)',
    access: ['admin'],
    query: Joi.object<QueuePageQuery>({
      page: Joi.number().integer().min(1).max(10_000).default(1),
      limit: Joi.number().integer().min(1).max(100).default(50),
    }),
    response: Joi.object({
      revisions: Joi.array().items(Joi.alternatives().try(offerViewSchema, demandViewSchema)).required(),
      ...pageAnswerKeys,
    }),
    handler: ({ user, query }) => revisionQueue([OFFER_SPEC, DEMAND_SPEC], user, query.page, query.limit),
  });
  addModerationRoutes(api, ctx, OFFER_SPEC, offerResponse);
  addModerationRoutes(api, ctx, DEMAND_SPEC, demandResponse);
}

function addModerationRoutes(
  api: ApiRouter,
  ctx: AppContext,
  spec: ListingSpec<unknown>,
  response: Joi.ObjectSchema,
) {
  const deps = { bus: ctx.bus };
  const revisionDeps = { bus: ctx.bus, config: ctx.config, notifyRevisionDecision };
  const name = spec.label.toLowerCase();
  api.add({
    method: 'post',
    path: `/admin/${spec.plural}/:id/revision/approve`,
    tag: 'admin',
    summary: `Apply the changes of a published ${name} awaiting review (with submittedAt, only the revision read)`,
    access: ['admin'],
    params: idParams,
    body: revisionDecisionBody,
    response,
    handler: async ({ user, params, body }) => ({
      [spec.kind]: await viewListing(
        spec,
        user,
        await approveRevision(spec, revisionDeps, user, params.id, body ?? {}),
      ),
    }),
  });
  api.add({
    method: 'post',
    path: `/admin/${spec.plural}/:id/revision/refuse`,
    tag: 'admin',
    summary: `Refuse the changes of a published ${name} with the reason (told to its owner); the published version stays`,
    access: ['admin'],
    params: idParams,
    body: revisionRefusalBody,
    response,
    handler: async ({ user, params, body }) => ({
      [spec.kind]: await viewListing(
        spec,
        user,
        await refuseRevision(spec, revisionDeps, user, params.id, body),
      ),
    }),
  });
  api.add({
    method: 'post',
    path: `/admin/${spec.plural}/:id/approve`,
    tag: 'admin',
    summary: `Publish a ${name} awaiting review`,
    access: ['admin'],
    params: idParams,
    response,
    handler: async ({ user, params }) => ({
      [spec.kind]: await viewListing(
        spec,
        user,
        await transitionListing(spec, deps, user, params.id, 'approve'),
      ),
    }),
  });
  api.add({
    method: 'post',
    path: `/admin/${spec.plural}/:id/reject`,
    tag: 'admin',
    summary: `Send a ${name} awaiting review back to its owner as a draft, with the reason; its paid listing fee is refunded (and its owner told)`,
    access: ['admin'],
    params: idParams,
    body: rejectBody,
    response,
    handler: async ({ user, params, body }) => {
      const rejected = await transitionListing(spec, deps, user, params.id, 'reject', body);
      await refundFeeOfRejectedListing(ctx, spec.kind, params.id);
      return { [spec.kind]: await viewListing(spec, user, rejected) };
    },
  });
}
