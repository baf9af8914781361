/**
 * Middlewares run one after another as one. Express's router tries each of its layers in turn
 * for every request (a path match, a prefix trimmed and put back, a few calls each), so a dozen
 * layers before the API's router were a tenth of a cached page's cost; a chain is one layer.
 * An error passed on, thrown or rejected goes to the next error handler, as Express does with a
 * layer of its own.
 */
import type { RequestHandler } from 'express';

export function middlewareChain(handlers: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let i = 0;
    const step = (err?: unknown): void => {
      if (err !== undefined && err !== null) return next(err);
      const handler = handlers[i++];
      if (!handler) return next();
      try {
        const ran = handler(req, res, step) as unknown;
        if (ran instanceof Promise) ran.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
