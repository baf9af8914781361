/** Times every HTTP request and records it by route template (not the raw path) and status. */
import type { Request, RequestHandler } from 'express';
import { httpRequestDuration } from './registry';

const QUIET = new Set(['/metrics', '/healthz', '/readyz']);

function routeTemplate(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  // After an error reaches the app's handler, baseUrl is reset: API routes live under /api.
  const base = req.baseUrl || (req.originalUrl.startsWith('/api/') ? '/api' : '');
  if (route && typeof route.path === 'string') return `${base}${route.path}`;
  if (route) return 'web-client';
  return req.originalUrl.startsWith('/api/') ? 'api-unmatched' : 'static';
}

export const httpMetrics: RequestHandler = (req, res, next) => {
  if (QUIET.has(req.path)) return next();
  const end = httpRequestDuration.startTimer();
  res.once('finish', () =>
    end({ method: req.method, route: routeTemplate(req), status: String(res.statusCode) }),
  );
  next();
};
