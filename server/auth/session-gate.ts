/**
 * Runs the session and passport middleware only where a request can have or start a session:
 * a read (GET, HEAD, OPTIONS) without the session cookie is anonymous whatever happens, so it
 * skips the cookie parsing, the new session's id and hashing, and passport's steps. Every
 * write still gets a session (signing in starts one), and any request carrying the cookie is
 * read as before.
 */
import type { RequestHandler } from 'express';
import type { SessionFastPath } from './session-fast-path';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `fastPath` serves signed-in reads whose session this process holds (session-fast-path.ts). */
export function sessionWhereNeeded(
  cookieName: string,
  handlers: RequestHandler[],
  fastPath?: SessionFastPath,
): RequestHandler {
  const marker = `${cookieName}=`;
  return (req, res, next) => {
    if (!READS.has(req.method)) return runAll(req, res, next);
    if (!req.headers.cookie?.includes(marker)) return next();
    if (!fastPath) return runAll(req, res, next);
    fastPath(req).then(
      (served) => (served ? next() : runAll(req, res, next)),
      (err: unknown) => next(err),
    );
  };

  function runAll(...[req, res, next]: Parameters<RequestHandler>): void {
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
  }
}
