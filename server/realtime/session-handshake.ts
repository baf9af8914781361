/**
 * The socket shares the web session: the Express session and passport middlewares run on the
 * engine's handshake request (only there: not on every polling request), and the `/deals`
 * namespace refuses a socket whose handshake carried no signed-in user.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { ExtendedError, Server } from 'socket.io';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { RoomUser } from '../negotiation';
import type { DealsNamespace } from './socket-types';

type EngineMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

function onlyForHandshake(middleware: RequestHandler): EngineMiddleware {
  return (req, res, next) => {
    const isHandshake =
      (req as IncomingMessage & { _query?: Record<string, string> })._query?.sid === undefined;
    if (isHandshake) (middleware as unknown as EngineMiddleware)(req, res, next);
    else next();
  };
}

export function shareWebSession(io: Server, middlewares: RequestHandler[]): void {
  for (const m of middlewares) io.engine.use(onlyForHandshake(m));
}

export function roomUserOf(user: SessionUser): RoomUser {
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    organizationId: actingOrganizationId(user) ?? null,
  };
}

/** Refuses the connection (the client gets `connect_error`) unless the session has a user. */
export function requireSignedIn(nsp: DealsNamespace): void {
  nsp.use((socket, next) => {
    const request = socket.request as IncomingMessage & { user?: SessionUser; sessionID?: string };
    const user = request.user;
    if (!user) {
      const err = new Error('unauthenticated') as ExtendedError;
      err.data = { code: 'unauthenticated', message: 'Sign in first' };
      return next(err);
    }
    socket.data.user = roomUserOf(user);
    socket.data.roles = {};
    socket.data.sessionId = request.sessionID;
    next();
  });
}

/**
 * Defence in depth beside the SameSite=Lax cookie: a browser page of another site may not open
 * a socket with our users' cookies. Clients that send no Origin (non-browsers) are let through.
 */
export function sameOriginOnly(publicUrl: string) {
  const allowed = new URL(publicUrl).host;
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
    const origin = req.headers.origin;
    if (!origin) return callback(null, true);
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return callback('bad origin', false);
    }
    const sameOrigin = host === req.headers.host || host === allowed;
    callback(sameOrigin ? null : 'cross-origin', sameOrigin);
  };
}
