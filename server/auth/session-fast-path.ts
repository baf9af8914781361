/**
 * A signed-in request whose session this process already holds, with no touch due, skips
 * express-session and passport: the cookie's signature is checked (once per cookie value), the
 * session's user id comes from the session cache and the user from the session-user cache.
 * Nothing about the session changes on such a request (session-gate.ts keeps signing in and out
 * off this path), so nothing is written and no cookie is sent again; the full chain still runs
 * for sessions not cached here, and once a touch is due (which also sends the rolling cookie
 * again). A destroyed session (sign-out,
 * suspension, membership change) leaves the cache at once, here and through the relay, so
 * the fast path never serves it.
 */
import crypto from 'node:crypto';
import type { Request } from 'express';
import { LRUCache } from 'lru-cache';
import type { SessionUser } from '../common/session-user';

export interface FreshSessions {
  /** The user id of a session held here with no touch due; undefined otherwise. */
  freshUserId(sid: string): string | undefined;
}

export interface SessionFastPath {
  /** True when `req` was served its user here; false: run the session middleware. */
  (req: Request): Promise<boolean>;
}

export function sessionFastPath(opts: {
  cookieName: string;
  secret: string;
  sessions: FreshSessions;
  loadUser: (id: string) => Promise<SessionUser | null>;
}): SessionFastPath {
  const verified = new LRUCache<string, string>({ max: 50_000 });
  const sidOf = (raw: string): string | undefined => {
    const known = verified.get(raw);
    if (known !== undefined) return known;
    const sid = unsignSessionCookie(raw, opts.secret);
    if (sid !== undefined) verified.set(raw, sid);
    return sid;
  };
  return async (req) => {
    const raw = cookieValue(req.headers.cookie, opts.cookieName);
    const sid = raw === undefined ? undefined : sidOf(raw);
    const userId = sid === undefined ? undefined : opts.sessions.freshUserId(sid);
    if (sid === undefined || userId === undefined) return false;
    const user = await opts.loadUser(userId);
    if (!user) return false;
    req.sessionID = sid;
    req.user = user;
    return true;
  };
}

/** The decoded value of cookie `name` in a Cookie header, as the `cookie` package parses it. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** express-session's `s:<sid>.<hmac>` cookie, checked as cookie-signature does; undefined when forged. */
export function unsignSessionCookie(raw: string, secret: string): string | undefined {
  if (!raw.startsWith('s:')) return undefined;
  const signed = raw.slice(2);
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const sid = signed.slice(0, dot);
  const expected = Buffer.from(
    `${sid}.${crypto.createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '')}`,
  );
  const given = Buffer.from(signed);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? sid : undefined;
}
