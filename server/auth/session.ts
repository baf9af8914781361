/**
 * Cookie sessions stored in MongoDB, shared by Express and the Socket.IO handshake.
 * Expired sessions are removed by an interval sweep: FerretDB has no TTL indexes.
 */
import session from 'express-session';
import { MongoStore } from 'connect-mongo';
import mongoose from 'mongoose';
import type { RequestHandler } from 'express';
import { CachedSessionStore } from './cached-session-store';

export const SESSION_COOKIE = 'tx.sid';

export interface WebSessions {
  middleware: RequestHandler;
  /** The per-process session cache, which the signed-in read fast path consults. */
  cache: CachedSessionStore;
}

export function createSessionMiddleware(opts: { secret: string; maxAgeHours: number }): WebSessions {
  const touchAfterSeconds = Math.min(3600, Math.floor((opts.maxAgeHours * 3600) / 24));
  const stored = MongoStore.create({
    client: mongoose.connection.getClient() as never,
    collectionName: 'sessions',
    ttl: opts.maxAgeHours * 3600,
    autoRemove: 'interval',
    autoRemoveInterval: 10,
    stringify: false,
    // A rolling session is written back at most once in this period, not on every request.
    touchAfter: touchAfterSeconds,
  });
  const store = new CachedSessionStore(stored, {
    max: 50_000,
    ttlMs: 60_000,
    touchAfterMs: touchAfterSeconds * 1000,
  });
  const middleware = session({
    name: SESSION_COOKIE,
    secret: opts.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: undefined,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      // Secure whenever the request came over TLS (directly or, with TRUST_PROXY, via a proxy).
      secure: 'auto',
      maxAge: opts.maxAgeHours * 3600 * 1000,
    },
  });
  return { middleware, cache: store };
}
