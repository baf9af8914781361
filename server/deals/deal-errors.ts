import { AppError } from '../common/errors';

/** Turns a refusal of the pure deal rules into the API's error. */
export function refusal(
  code: 'forbidden' | 'conflict' | 'validation_failed' | 'not_found',
  message: string,
): AppError {
  if (code === 'forbidden') return AppError.forbidden(message);
  if (code === 'conflict') return AppError.conflict(message);
  if (code === 'not_found') return new AppError('not_found', message);
  return AppError.validation([{ field: 'reason', message }], message);
}
