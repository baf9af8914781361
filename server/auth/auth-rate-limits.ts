/**
 * Rate limits on the routes that cost an argon2 hash each: sign-in (per IP and email, and per IP
 * alone, counting failures), registration (per IP, counting every attempt) and a password change
 * (per user, counting wrong current passwords); and on password reset requests, which send mail
 * (per IP: 429; per email: the same answer as any other, with no mail, so the limit tells
 * nobody whether the account exists).
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
  /** Password reset requests per email (whatever the IP) per hour. */
  passwordResetPerEmail: number;
  /** Password reset requests per IP, whatever the email, per hour. */
  passwordResetPerIp: number;
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
  /** Over the limit: let the request through marked as limited instead of answering 429. */
  quiet?: boolean;
}): RequestHandler {
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.limit,
    skipSuccessfulRequests: opts.countFailuresOnly,
    // A quiet limiter's headers would tell who is limited, and so which emails were tried.
    standardHeaders: opts.quiet ? false : 'draft-8',
    legacyHeaders: false,
    keyGenerator: opts.key,
    handler: (req, _res, next) => {
      if (!opts.quiet) return next(new AppError('rate_limited', opts.message));
      (req as QuietlyLimited).rateLimitedQuietly = true;
      next();
    },
    validate: { keyGeneratorIpFallback: false },
  });
}

interface QuietlyLimited {
  rateLimitedQuietly?: boolean;
}

/** True when a quiet limiter let this request through over its limit (it must then do nothing). */
export function isQuietlyLimited(req: Request): boolean {
  return (req as QuietlyLimited).rateLimitedQuietly === true;
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

/**
 * Reset requests: per IP (429 beyond it, as the other limits), then per email, which answers as
 * usual but marks the request so that no mail goes out (no account enumeration).
 */
export function passwordResetRateLimiters(limits: AuthRateLimits): RequestHandler[] {
  return [
    limiter({
      windowMs: ONE_HOUR,
      limit: limits.passwordResetPerIp,
      countFailuresOnly: false,
      key: (req) => `reset-ip|${req.ip}`,
      message: 'Too many password reset requests from this address; try again later',
    }),
    limiter({
      windowMs: ONE_HOUR,
      limit: limits.passwordResetPerEmail,
      countFailuresOnly: false,
      key: (req) => `reset-email|${loginEmailKey(req.body)}`,
      message: 'Too many password reset requests for this email',
      quiet: true,
    }),
  ];
}

/** Wrong current passwords on a password change, per signed-in user per 15 minutes. */
export function passwordChangeRateLimiter(limits: AuthRateLimits): RequestHandler {
  return limiter({
    windowMs: FIFTEEN_MINUTES,
    limit: limits.loginPerEmail,
    countFailuresOnly: true,
    key: (req) => `password-change|${(req.user as { id?: string } | undefined)?.id ?? req.ip}`,
    message: 'Too many attempts to change the password; try again in a few minutes',
  });
}
