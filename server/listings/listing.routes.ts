/** The routes of one listing kind (`/offers…` or `/demands…`), declared once for both kinds. */
import type Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import type { AppContext } from '../context';
import { createListing, editListing, transitionListing, type ListingDeps } from './listing-commands.service';
import { withdrawRevision } from './listing-revision.service';
import { listListings, readVisibleListing, viewListing } from './listing-queries.service';
import { listingListQuery, type ListingInput } from './listing.schemas';
import type { ListingSpec } from './listing-spec';

export interface ListingRouteSchemas {
  create: Joi.ObjectSchema<ListingInput>;
  patch: Joi.ObjectSchema<Partial<ListingInput>>;
  response: Joi.ObjectSchema;
  listResponse: Joi.ObjectSchema;
}

/** The gate a submission passes for a fee schedule (payments' listingFeeGate, passed in by app.ts). */
export type ListingFeeGate = (schedule: AppContext['config']['feeSchedule']) => ListingDeps['submitGate'];

export function addListingRoutes(
  api: ApiRouter,
  ctx: AppContext,
  spec: ListingSpec<unknown>,
  schemas: ListingRouteSchemas,
  listingFeeGate: ListingFeeGate,
) {
  const tag = spec.plural;
  const base = `/${spec.plural}`;
  const one = spec.kind;
  const name = spec.label.toLowerCase();
  // A submission asks first that a listing fee the schedule sets is paid.
  const deps = { bus: ctx.bus, submitGate: listingFeeGate(ctx.config.feeSchedule) };
  const wrap = async (doc: Parameters<typeof viewListing>[2], viewer: Parameters<typeof viewListing>[1]) => ({
    [one]: await viewListing(spec, viewer, doc),
  });

  api.add({
    method: 'post',
    path: base,
    tag,
    summary: `Draft a technology ${name} (any active member of an organization, verified or not)`,
    access: 'user',
    body: schemas.create,
    status: 201,
    response: schemas.response,
    handler: async ({ user, body }) => wrap(await createListing(spec, deps, user, body), user),
  });
  api.add({
    method: 'get',
    path: base,
    tag,
    summary: `Published ${spec.plural}, newest first; with organizationId those of one organization; with mine=true your organization's ${spec.plural} in any status`,
    access: 'public',
    apiKeyScope: 'listings',
    query: listingListQuery,
    response: schemas.listResponse,
    // The lists kept per organisation (mine, one organisation's); the public list comes from the search index.
    cacheAnswers: {
      clearOn: [spec.kind, 'organization', 'owner-list'],
      when: ({ query }) => query.mine === true || !!query.organizationId,
    },
    handler: ({ maybeUser, query }) => listListings(spec, ctx, maybeUser, query),
  });
  api.add({
    method: 'get',
    path: `${base}/:id`,
    tag,
    summary: `One ${name}; drafts and listings awaiting review only for their organization and operators`,
    access: 'public',
    apiKeyScope: 'listings',
    params: idParams,
    response: schemas.response,
    cacheAnswers: { clearOn: [spec.kind, 'organization'] },
    handler: async ({ maybeUser, params }) =>
      wrap(await readVisibleListing(spec, maybeUser, params.id), maybeUser),
  });
  api.add({
    method: 'patch',
    path: `${base}/:id`,
    tag,
    summary: `Edit your ${name} while a draft or awaiting review (which takes it back to draft); on a published ${name} the change becomes its pending revision, reviewed by an operator while the published version stays (409 naming a field a published ${name} keeps: ndaText, confidentialAccess, an auction's pricing, a demand's mode and deadline)`,
    access: 'user',
    params: idParams,
    body: schemas.patch,
    response: schemas.response,
    handler: async ({ user, params, body }) =>
      wrap(await editListing(spec, deps, user, params.id, body), user),
  });
  api.add({
    method: 'delete',
    path: `${base}/:id`,
    tag,
    summary: `Withdraw your ${name} (published, awaiting review or draft)`,
    access: 'user',
    params: idParams,
    response: schemas.response,
    handler: async ({ user, params }) =>
      wrap(await transitionListing(spec, deps, user, params.id, 'withdraw'), user),
  });
  api.add({
    method: 'delete',
    path: `${base}/:id/revision`,
    tag,
    summary: `Withdraw the changes of your published ${name} awaiting review; the published version stays`,
    access: 'user',
    params: idParams,
    response: schemas.response,
    handler: async ({ user, params }) => wrap(await withdrawRevision(spec, deps, user, params.id), user),
  });
  api.add({
    method: 'post',
    path: `${base}/:id/submit`,
    tag,
    summary: `Submit your ${name} for review by an operator (verified organizations only); where the fee schedule sets a listing fee for it, 409 naming the fee until it is paid (POST ${base}/{id}/listing-fee)`,
    access: 'user',
    params: idParams,
    response: schemas.response,
    handler: async ({ user, params }) =>
      wrap(await transitionListing(spec, deps, user, params.id, 'submit'), user),
  });
  api.add({
    method: 'post',
    path: `${base}/:id/close`,
    tag,
    summary: `Close your published ${name}: it leaves search and takes no more bids`,
    access: 'user',
    params: idParams,
    response: schemas.response,
    handler: async ({ user, params }) =>
      wrap(await transitionListing(spec, deps, user, params.id, 'close'), user),
  });
}
