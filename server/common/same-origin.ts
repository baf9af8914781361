/**
 * CSRF defence for cookie-authenticated writes: an unsafe method (POST, PUT, PATCH, DELETE,
 * with or without a body) must come from the exchange's own pages. Browsers say where a
 * request comes from with `Origin` and `Sec-Fetch-Site`; a request carrying neither is not
 * from a browser (supertest, curl, Stripe's webhook) and cannot ride a victim's cookie.
 */
import type { Request, RequestHandler } from 'express';
import { AppError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSameOriginRequest(req: Request, publicOrigin: string): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (origin === publicOrigin) return true;
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false; // "null" (sandboxed frames, file: pages) or garbage
    }
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  return true;
}

export function requireSameOrigin(publicUrl: string): RequestHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || isSameOriginRequest(req, publicOrigin)) return next();
    next(AppError.forbidden('Cross-site request refused: send it from the exchange’s own pages'));
  };
}
