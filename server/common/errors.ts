/**
 * The one error type of the exchange. Services throw it; `toErrorBody` turns it (or anything
 * else) into the contract's error body, for HTTP responses and socket acknowledgements alike.
 */
import Joi from 'joi';
import mongoose from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key';

export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export interface ErrorDetail {
  field: string;
  message: string;
  type?: string;
  /** The value the detail is about, when the client needs it (the id of the open deal a 409 names). */
  value?: string;
  /** The bound a value broke (joi's limit: a length, a number, a count), for the client's own wording. */
  limit?: number | string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = STATUS[code];
  }

  static validation(details: ErrorDetail[], message = 'The request is not valid') {
    return new AppError('validation_failed', message, details);
  }
  static unauthenticated(message = 'Sign in first') {
    return new AppError('unauthenticated', message);
  }
  static forbidden(message = 'You may not do this') {
    return new AppError('forbidden', message);
  }
  static notFound(what = 'Resource') {
    return new AppError('not_found', `${what} not found`);
  }
  static conflict(message: string) {
    return new AppError('conflict', message);
  }
  static unavailable(message: string) {
    return new AppError('unavailable', message);
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}

export function detailsFromJoi(err: Joi.ValidationError, prefix?: string): ErrorDetail[] {
  return err.details.map((d) => ({
    field: [prefix, ...d.path.map(String)].filter(Boolean).join('.'),
    message: d.message.replace(/"/g, ''),
    type: d.type,
    ...limitOf(d.context?.limit),
  }));
}

function limitOf(limit: unknown): { limit?: number | string } {
  if (typeof limit === 'number') return { limit };
  if (limit instanceof Date) return { limit: limit.toISOString() };
  return {};
}

/** Normalises any thrown value into an AppError; unknown errors become a bare 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (Joi.isError(err)) return AppError.validation(detailsFromJoi(err));
  if (err instanceof mongoose.Error.CastError) {
    return AppError.validation([{ field: err.path, message: `${err.path} is not valid` }]);
  }
  if (err instanceof mongoose.Error.ValidationError) {
    return AppError.validation(
      Object.values(err.errors).map((e) => ({ field: e.path, message: e.message.replace(/`/g, '') })),
    );
  }
  const e = err as { code?: number; type?: string; status?: number; statusCode?: number };
  if (isDuplicateKeyError(err)) return AppError.conflict('This already exists');
  if (e && e.type === 'entity.too.large')
    return new AppError('payload_too_large', 'The request body is too large');
  if (e && e.type === 'entity.parse.failed') {
    return AppError.validation([{ field: 'body', message: 'The body is not valid JSON' }], 'Malformed JSON');
  }
  if (e && (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported')) {
    return new AppError('unsupported_media_type', 'Unsupported body encoding');
  }
  const status = e?.status ?? e?.statusCode;
  if (status && status >= 400 && status < 500)
    return new AppError('validation_failed', 'The request is not valid');
  if (isDatabaseDown(err)) return databaseUnavailable(err);
  return new AppError('internal', 'Something went wrong on our side', [], { cause: err });
}

export function databaseUnavailable(cause?: unknown): AppError {
  return new AppError(
    'unavailable',
    'The database is not answering; try again shortly',
    [{ field: 'database', message: 'database is not answering' }],
    { cause },
  );
}

const DATABASE_DOWN_ERRORS =
  /^Mongo(ServerSelection|Network|NetworkTimeout|NotConnected|TopologyClosed|ServerClosed|PoolCleared)Error$/;

/** Driver errors of an unreachable server, and mongoose's buffering timeout, at any depth of `cause`. */
function isDatabaseDown(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const { name = '', message = '', cause } = err as { name?: string; message?: string; cause?: unknown };
  if (DATABASE_DOWN_ERRORS.test(name)) return true;
  if (name === 'MongooseError' && /buffering timed out|before initial connection/.test(message)) return true;
  return isDatabaseDown(cause, depth + 1);
}

export function toErrorBody(err: AppError): ErrorBody {
  return { error: { code: err.code, message: err.message, details: err.details } };
}
