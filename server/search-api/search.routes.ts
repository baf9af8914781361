import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { searchRateLimiter } from './search-rate-limit';
import { searchQuerySchema, searchResponse } from './search.schemas';
import { searchListings, type HitSources } from './search.service';

/** `hits`: where the answer's hits get their appraisal badges and home exchanges (search.service). */
export function registerSearchRoutes(api: ApiRouter, ctx: AppContext, hits: HitSources): void {
  api.add({
    method: 'get',
    path: '/search',
    tag: 'search',
    summary:
      'Search published offers and demands (Vietnamese with or without diacritics, typos tolerated), with facet counts',
    access: 'public',
    apiKeyScope: 'search',
    before: [searchRateLimiter(ctx)],
    query: searchQuerySchema,
    response: searchResponse,
    handler: ({ query }) => searchListings(ctx.search, query, hits),
  });
}
