/**
 * How busy this process is: the HTTP requests it is answering now. Under load the grouped
 * database commands wait a moment for more callers to join them (grouped-command.ts); with a
 * handful of requests or fewer every command still goes at once.
 */
import type { RequestHandler } from 'express';

/** From this many requests at once the process counts as busy. */
export const BUSY_FROM_REQUESTS = 4;

let inFlight = 0;

export function requestsInFlight(): number {
  return inFlight;
}

export function isBusy(): boolean {
  return inFlight >= BUSY_FROM_REQUESTS;
}

/** Counts each request from its arrival until its response is finished or cut off. */
export const countRequestsInFlight: RequestHandler = (_req, res, next) => {
  inFlight++;
  res.once('close', () => inFlight--);
  next();
};
