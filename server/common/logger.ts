import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { currentRequestId } from './request-context';

/** The process-wide structured logger. Level comes from config at start-up (`setLogLevel`). */
export const logger = pino({
  level: 'info',
  base: undefined,
  mixin() {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
  redact: {
    // Session ids travel in Cookie and Set-Cookie: a log line must never let its reader sign in.
    paths: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-api-key"]',
      'res.headers["set-cookie"]',
      'password',
      '*.password',
    ],
    remove: true,
  },
});

export function setLogLevel(level: string): void {
  logger.level = level;
}

/** What a request's log line says of it (request-log.ts): which request, never its headers or cookies. */
export const requestLogSerializers = {
  req: (req: IncomingMessage & { id?: unknown; originalUrl?: string }) => ({
    id: req.id,
    method: req.method,
    url: req.originalUrl ?? req.url,
    remoteAddress: req.socket?.remoteAddress,
  }),
  res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
  err: pino.stdSerializers.err,
};
