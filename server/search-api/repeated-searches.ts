/**
 * Anonymous public searches asked again, answered before the API's middleware. Public search is
 * the exchange's busiest page and its answers repeat (the same words, the same browse pages): a
 * request that carries neither a session cookie nor an API key, for a URL whose query the route
 * has already validated, skips the body parser, the session and key checks, the router and the
 * joi validation. Everything its answer depends on is still done per request: the search rate
 * limit, the engine (with its own cache, emptied by every index write), the appraisal badges and
 * the home exchanges, so the answer is the one the route gives. Anything else goes the usual way.
 */
import type { RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';
import type { SearchQuery } from '../../search';
import type { SerializedJson } from '../common/response-cache';

const REMEMBERED_URLS = 2_000;

export interface RepeatedSearches {
  /** The route's validated query for this URL, after it answered it (anonymous requests only). */
  remember(request: { originalUrl: string; headers: Record<string, unknown> }, query: SearchQuery): void;
  /** Mounted at `GET /api/search` before the API's middleware. */
  handler: RequestHandler;
}

export function repeatedSearches(opts: {
  /** The route's own answer to a validated query (search.service.ts). */
  answer: (query: SearchQuery) => Promise<SerializedJson>;
  sessionCookie: string;
  rateLimit: RequestHandler;
}): RepeatedSearches {
  const queries = new LRUCache<string, SearchQuery>({ max: REMEMBERED_URLS });
  const marker = `${opts.sessionCookie}=`;
  const anonymous = (headers: Record<string, unknown>) =>
    !headers.authorization && !(typeof headers.cookie === 'string' && headers.cookie.includes(marker));

  return {
    remember(request, query) {
      if (anonymous(request.headers)) queries.set(request.originalUrl, query);
    },
    handler(req, res, next) {
      const query = anonymous(req.headers) ? queries.get(req.originalUrl) : undefined;
      if (!query) return next();
      opts.rateLimit(req, res, (limited?: unknown) => {
        if (limited) return next(limited);
        opts.answer(query).then((answer) => void res.status(200).type('json').send(answer.body), next);
      });
    },
  };
}
