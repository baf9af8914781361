/**
 * Every socket event is handled like a route: the payload is validated with joi, the work is
 * done, and the acknowledgement carries `{ok: true, ...result}` or `{ok: false, error}` with
 * the same error codes and messages as the HTTP API.
 */
import type Joi from 'joi';
import { AppError, detailsFromJoi, toAppError, toErrorBody } from '../common/errors';
import { logger } from '../common/logger';
import type { Ack } from '../api-contract/socket-events';
import { socketEvents } from '../metrics';
import type { InFlight } from './in-flight';

const VALIDATE_OPTIONS: Joi.ValidationOptions = { abortEarly: false, stripUnknown: true, convert: true };

export function socketHandler<In, Out extends object>(
  event: string,
  schema: Joi.ObjectSchema,
  work: (input: In) => Promise<Out> | Out,
  inFlight?: InFlight,
): (payload: unknown, ack?: unknown) => Promise<void> {
  const handle = async (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (response: Ack<Out>) => void) : undefined;
    try {
      const { value, error } = schema.validate(payload ?? {}, VALIDATE_OPTIONS);
      if (error) throw AppError.validation(detailsFromJoi(error));
      const result = await work(value as In);
      socketEvents.inc({ event, outcome: 'ok' });
      reply?.({ ok: true, ...result });
    } catch (err) {
      const appError = toAppError(err);
      if (appError.status >= 500) logger.error({ err: appError.cause ?? err, event }, appError.message);
      const { code, message, details } = toErrorBody(appError).error;
      socketEvents.inc({ event, outcome: code });
      reply?.({
        ok: false,
        error: { code, message, details: details.map(({ field, message: m }) => ({ field, message: m })) },
      });
    }
  };
  return inFlight ? inFlight.wrap(handle) : handle;
}
