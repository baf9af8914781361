/** multipart/form-data with one file in field `file`, kept in memory up to the configured size. */
import multer from 'multer';
import type { RequestHandler } from 'express';
import { AppError } from '../common/errors';

export function singleFileUpload(maxBytes: number): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 },
    defParamCharset: 'utf8',
  }).single('file');
  return (req, res, next) => {
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') {
          return next(
            new AppError('payload_too_large', `The file is larger than ${maxBytes} bytes.`, [
              { field: 'file', message: 'file is too large', limit: maxBytes },
            ]),
          );
        }
        const field = err.field ?? 'file';
        return next(AppError.validation([{ field, message: `${field}: ${err.message}` }]));
      }
      // busboy's parse errors (no boundary, truncated or malformed parts) are the caller's.
      next(
        AppError.validation(
          [{ field: 'body', message: `The multipart body cannot be read: ${(err as Error).message}` }],
          'Malformed multipart body',
        ),
      );
    });
  };
}
