import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, toAppError, toErrorBody } from './errors';
import { logger, requestLogSerializers } from './logger';

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `No route for ${req.method} ${req.path}`));
};

/** The one place where errors become the contract's error body. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appError = toAppError(err);
  if (appError.status >= 500) {
    logger.error({ err: appError.cause ?? err, req: requestLogSerializers.req(req) }, appError.message);
  }
  if (res.headersSent) return;
  res.status(appError.status).json(toErrorBody(appError));
};

/** JSON routes refuse bodies of other types with 415 instead of silently ignoring them. */
export const requireJsonBodies: RequestHandler = (req, _res, next) => {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || !['POST', 'PUT', 'PATCH'].includes(req.method)) return next();
  if (req.is(['application/json', 'application/*+json', 'multipart/form-data'])) return next();
  next(new AppError('unsupported_media_type', 'Send the body as application/json'));
};
