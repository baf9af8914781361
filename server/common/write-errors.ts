import mongoose from 'mongoose';

/**
 * The error a single write would have thrown for one refused item of a bulk command (the driver
 * reports those as `WriteError`s in the bulk error): a MongoServerError with the item's code, so
 * `isDuplicateKeyError` and the error handler see it as they see a single write's.
 */
export function driverWriteError(writeError: { code?: number; errmsg?: string; err?: unknown }): Error {
  const detail = (writeError.err ?? writeError) as { code?: number; errmsg?: string; keyValue?: unknown };
  return new mongoose.mongo.MongoServerError({
    message: detail.errmsg ?? 'the write was refused',
    errmsg: detail.errmsg,
    code: detail.code,
    ...(detail.keyValue ? { keyValue: detail.keyValue } : {}),
  });
}
