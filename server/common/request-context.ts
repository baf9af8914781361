/**
 * The request id of the work in progress, carried through async calls (AsyncLocalStorage): set
 * for each HTTP request, each socket event (the connection's handshake id) and each scheduled
 * job (the id of the request that enqueued it). The logger adds it to every line.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

const storage = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

export function withRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/** After the request log, which gives each request its id (`X-Request-Id` in and out). */
export const bindRequestId: RequestHandler = (req, _res, next) => {
  withRequestId(String(req.id), next);
};
