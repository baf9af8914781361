import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { idParams } from '../common/ids';
import { viewerLocale } from '../notifications/viewer-locale';
import { demandMatchesResponse, matchesQuery, offerMatchesResponse } from './match.schemas';
import { matchesForListing } from './match.service';

const tag = 'Matching';

export function registerMatchRoutes(api: ApiRouter, ctx: AppContext): void {
  api.add({
    method: 'get',
    path: '/demands/:id/matches',
    tag,
    summary: 'Published offers that best answer this demand, with a score and the reasons',
    access: 'public',
    params: idParams,
    query: matchesQuery,
    response: offerMatchesResponse,
    handler: ({ params, query, maybeUser }) =>
      matchesForListing(ctx, maybeUser, 'demand', params.id, {
        limit: query.limit,
        locale: viewerLocale(maybeUser, query.lang),
      }),
  });

  api.add({
    method: 'get',
    path: '/offers/:id/matches',
    tag,
    summary: 'Published demands this offer best answers, with a score and the reasons',
    access: 'public',
    params: idParams,
    query: matchesQuery,
    response: demandMatchesResponse,
    handler: ({ params, query, maybeUser }) =>
      matchesForListing(ctx, maybeUser, 'offer', params.id, {
        limit: query.limit,
        locale: viewerLocale(maybeUser, query.lang),
      }),
  });
}
