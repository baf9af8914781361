/**
 * Runs the session and passport middleware only where a request can have or start a session:
 * a read (GET, HEAD, OPTIONS) without the session cookie is anonymous whatever happens, so it
 * skips the cookie parsing, the new session's id and hashing, and passport's steps. A write
 * without the cookie still gets a session (signing in starts one). A request with the cookie
 * whose session this process holds fresh is served by the fast path, except the writes under
 * /auth/, which change the session.
 */
import type { RequestHandler } from 'express';
import type { SessionFastPath } from './session-fast-path';
import { middlewareChain } from '../common/middleware-chain';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes that start, end or rewrite the session itself (signing in and out, registering, the
 * password): they always get express-session and passport. Every other write only reads who is
 * signed in, as a read does.
 */
const changesSession = (path: string) => path.startsWith('/auth/');

/** `fastPath` serves signed-in reads whose session this process holds (session-fast-path.ts). */
export function sessionWhereNeeded(
  cookieName: string,
  handlers: RequestHandler[],
  fastPath?: SessionFastPath,
): RequestHandler {
  const marker = `${cookieName}=`;
  const runAll = middlewareChain(handlers);
  return (req, res, next) => {
    const read = READS.has(req.method);
    if (!req.headers.cookie?.includes(marker)) return read ? next() : runAll(req, res, next);
    if (!fastPath || (!read && changesSession(req.path))) return runAll(req, res, next);
    fastPath(req).then(
      (served) => (served ? next() : runAll(req, res, next)),
      (err: unknown) => next(err),
    );
  };
}
