import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../common/errors';
import type { AppContext } from '../context';

const limiters = new WeakMap<AppContext, RequestHandler>();

/**
 * One per-client budget (by IP) shared by public search and the matches panels, so one client
 * cannot monopolise the search engine: SEARCH_RATE_LIMIT requests per minute.
 */
export function searchRateLimiter(ctx: AppContext): RequestHandler {
  let limiter = limiters.get(ctx);
  if (!limiter) {
    limiter = rateLimit({
      windowMs: 60 * 1000,
      limit: ctx.config.searchRateLimit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, _res, next) =>
        next(new AppError('rate_limited', 'Too many searches from this client; try again in a minute')),
    });
    limiters.set(ctx, limiter);
  }
  return limiter;
}
