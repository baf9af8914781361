/**
 * The parts of a running exchange that its background work is handed: the built Express app and
 * what a started worker gives back. Types only, importing nothing of the server above them, so
 * that context.ts, app.ts, exchange.ts and the workers can all name them without a circle.
 */
import type { Express, RequestHandler } from 'express';
import type { OpenApiDocument } from './common/openapi';

export interface BuiltApp {
  app: Express;
  /** The session middleware, shared with the Socket.IO handshake. */
  sessionMiddleware: RequestHandler;
  passportMiddlewares: RequestHandler[];
  openapi: OpenApiDocument;
}

/** Background work started with the exchange, stopped in reverse order. */
export interface Worker {
  name: string;
  stop(): Promise<void> | void;
}
