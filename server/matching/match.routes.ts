import type { RequestHandler } from 'express';
import type Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { idParams } from '../common/ids';
import { viewerLocale } from '../common/viewer-locale';
import { demandMatchesResponse, matchesQuery, offerMatchesResponse } from './match.schemas';
import { matchesForListing, type ImportedMatchFinder } from './match.service';
import type { MatchKind } from './matchable';

const tag = 'Matching';

/**
 * `searchLimiter` is the per-client search budget, shared with public search (searchRateLimiter);
 * `findImportedMatches` is federation's, for partners' listings (both passed in by app.ts).
 */
export function registerMatchRoutes(
  api: ApiRouter,
  ctx: AppContext,
  searchLimiter: RequestHandler,
  { findImportedMatches }: { findImportedMatches: ImportedMatchFinder },
): void {
  const addMatchesRoute = (kind: MatchKind, summary: string, response: Joi.Schema) =>
    api.add({
      method: 'get',
      path: `/${kind}s/:id/matches`,
      tag,
      summary,
      access: 'public',
      before: [searchLimiter],
      params: idParams,
      query: matchesQuery,
      response,
      handler: ({ params, query, maybeUser }) =>
        matchesForListing(
          ctx,
          maybeUser,
          kind,
          params.id,
          { limit: query.limit, locale: viewerLocale(maybeUser, query.lang) },
          findImportedMatches,
        ),
    });

  addMatchesRoute(
    'demand',
    'Published offers that best answer this demand, with a score and the reasons',
    offerMatchesResponse,
  );
  addMatchesRoute(
    'offer',
    'Published demands this offer best answers, with a score and the reasons',
    demandMatchesResponse,
  );
}
