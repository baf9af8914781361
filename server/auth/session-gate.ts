/**
 * Runs the session and passport middleware only where a request can have or start a session:
 * a read (GET, HEAD, OPTIONS) without the session cookie is anonymous whatever happens, so it
 * skips the cookie parsing, the new session's id and hashing, and passport's steps. Every
 * write still gets a session (signing in starts one), and any request carrying the cookie is
 * read as before.
 */
import type { RequestHandler } from 'express';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionWhereNeeded(cookieName: string, handlers: RequestHandler[]): RequestHandler {
  const marker = `${cookieName}=`;
  return (req, res, next) => {
    if (READS.has(req.method) && !req.headers.cookie?.includes(marker)) return next();
    let i = 0;
    const step = (err?: unknown): void => {
      if (err !== undefined && err !== null) return next(err);
      const handler = handlers[i++];
      if (!handler) return next();
      try {
        void handler(req, res, step);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
