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
    paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'],
    remove: true,
  },
});

export function setLogLevel(level: string): void {
  logger.level = level;
}
