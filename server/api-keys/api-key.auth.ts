/**
 * Bearer authentication of partner API keys, before sessions: a request with
 * `Authorization: Bearer <key>` is the key's (never a session's: its cookie is set aside), a 401
 * when the key is unknown or revoked, and counted against the key's rate limit (API_KEY_RATE_LIMIT
 * per minute, in memory per process, like the other limits). Which routes it may call is checked
 * per route (common/api-key-access.ts).
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppContext } from '../context';
import { AppError } from '../common/errors';
import { apiKeyCaller, setApiKeyCaller } from '../common/api-key-access';
import { bearerToken } from './api-key-rules';
import { callerOfKey } from './api-key.service';

export function apiKeyAuthentication(ctx: Pick<AppContext, 'config'>): RequestHandler[] {
  const resolve: RequestHandler = (req, _res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (token === undefined) return next();
    if (token === null)
      return next(AppError.unauthenticated('Send the API key as `Authorization: Bearer <key>`'));
    callerOfKey(token).then(
      (caller) => {
        if (!caller) return next(AppError.unauthenticated('Unknown or revoked API key'));
        setApiKeyCaller(req, caller);
        delete req.headers.cookie;
        next();
      },
      (err: unknown) => next(err),
    );
  };
  const limiter = rateLimit({
    windowMs: 60 * 1000,
    limit: ctx.config.apiKeyRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `api-key|${apiKeyCaller(req)!.id}`,
    handler: (_req, _res, next) =>
      next(new AppError('rate_limited', 'Too many requests with this API key; try again in a minute')),
    validate: { keyGeneratorIpFallback: false },
  });
  // Requests without a key (nearly all) skip the limiter's own steps entirely.
  const limitKeys: RequestHandler = (req, res, next) =>
    apiKeyCaller(req) ? limiter(req, res, next) : next();
  return [resolve, limitKeys];
}
