/**
 * Rate limits on the two routes that cost an argon2 hash each: sign-in (per IP and email, and
 * per IP alone, counting failures) and registration (per IP, counting every attempt).
 */
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../common/errors';
import { emailSchema } from './auth.schemas';

export interface AuthRateLimits {
  /** Failed sign-ins per IP and email per 15 minutes. */
  loginPerEmail: number;
  /** Failed sign-ins per IP, whatever the email, per 15 minutes. */
  loginPerIp: number;
  /** Registrations per IP per hour. */
  registerPerIp: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
const ONE_HOUR = 60 * 60 * 1000;

/**
 * The email as validation will see it (trimmed, lower-cased), so padding or case changes do
 * not make a new key. Anything that is not a valid email gets one shared key per IP.
 */
export function loginEmailKey(body: unknown): string {
  const raw = (body as { email?: unknown } | undefined)?.email;
  const { value, error } = emailSchema.validate(raw);
  return error ? '(invalid)' : (value as string);
}

function limiter(opts: {
  windowMs: number;
  limit: number;
  countFailuresOnly: boolean;
  key: (req: Request) => string;
  message: string;
}): RequestHandler {
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.limit,
    skipSuccessfulRequests: opts.countFailuresOnly,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: opts.key,
    handler: (_req, _res, next) => next(new AppError('rate_limited', opts.message)),
    validate: { keyGeneratorIpFallback: false },
  });
}

export function loginRateLimiters(limits: AuthRateLimits): RequestHandler[] {
  const message = 'Too many sign-in attempts; try again in a few minutes';
  return [
    limiter({
      windowMs: FIFTEEN_MINUTES,
      limit: limits.loginPerIp,
      countFailuresOnly: true,
      key: (req) => `ip|${req.ip}`,
      message,
    }),
    limiter({
      windowMs: FIFTEEN_MINUTES,
      limit: limits.loginPerEmail,
      countFailuresOnly: true,
      key: (req) => `ip-email|${req.ip}|${loginEmailKey(req.body)}`,
      message,
    }),
  ];
}

export function registerRateLimiter(limits: AuthRateLimits): RequestHandler {
  return limiter({
    windowMs: ONE_HOUR,
    limit: limits.registerPerIp,
    countFailuresOnly: false,
    key: (req) => `ip|${req.ip}`,
    message: 'Too many registrations from this address; try again later',
  });
}
