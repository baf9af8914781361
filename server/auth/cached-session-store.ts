/**
 * The session store with a per-process cache in front: a signed-in request reads its session
 * from memory instead of the database. Destroying a session (sign-out) drops it here and,
 * through the cache relay, in the other processes; a touch drops it so the next read sees the
 * new time. Cached sessions past their cookie's expiry are not served.
 */
import session from 'express-session';
import { LRUCache } from 'lru-cache';
import { recordWritten } from '../common/record-changes';
import { onCacheClear, onCacheInvalidation } from '../common/record-cache';

type Data = session.SessionData & { lastModified?: Date };
type Callback<T = unknown> = (err?: unknown, value?: T) => void;

export class CachedSessionStore extends session.Store {
  private readonly cache: LRUCache<string, Data>;

  constructor(
    private readonly inner: session.Store,
    private readonly opts: { max: number; ttlMs: number; touchAfterMs: number },
  ) {
    super();
    this.cache = new LRUCache<string, Data>({ max: opts.max, ttl: opts.ttlMs });
    // Sessions destroyed here or (through the relay) in another process.
    onCacheInvalidation((change) => {
      if (change.type === 'session') this.cache.delete(change.id);
    });
    onCacheClear(() => this.cache.clear());
  }

  get(sid: string, callback: Callback<Data | null>): void {
    const hit = this.cache.get(sid);
    if (hit && !expired(hit)) return callback(null, structuredClone(hit));
    if (hit) this.cache.delete(sid);
    this.inner.get(sid, (err, sess) => {
      if (err) return callback(err);
      if (sess) this.cache.set(sid, structuredClone(sess as Data));
      callback(null, (sess as Data | null | undefined) ?? null);
    });
  }

  /**
   * The user id of a signed-in session held here, when no touch is due yet (so serving a read
   * without express-session changes nothing the store keeps); undefined otherwise.
   */
  freshUserId(sid: string): string | undefined {
    const hit = this.cache.get(sid);
    if (!hit || expired(hit) || !hit.lastModified) return undefined;
    if (Date.now() - new Date(hit.lastModified).getTime() >= this.opts.touchAfterMs) return undefined;
    const userId = (hit as { passport?: { user?: unknown } }).passport?.user;
    return typeof userId === 'string' ? userId : undefined;
  }

  set(sid: string, sess: session.SessionData, callback?: Callback): void {
    this.cache.delete(sid);
    this.inner.set(sid, sess, (err) => {
      void this.announce(sid).finally(() => callback?.(err));
    });
  }

  destroy(sid: string, callback?: Callback): void {
    this.cache.delete(sid);
    this.inner.destroy(sid, (err) => {
      void this.announce(sid).finally(() => callback?.(err));
    });
  }

  /** Called on every request of a rolling session; the inner store writes only every `touchAfterMs`. */
  override touch(sid: string, sess: session.SessionData, callback?: Callback): void {
    if (!this.inner.touch) return callback?.();
    const last = (sess as Data).lastModified;
    const writes = !last || Date.now() - new Date(last).getTime() >= this.opts.touchAfterMs;
    this.inner.touch(sid, sess, (err?: unknown) => {
      if (writes && !err && this.cache.has(sid)) {
        this.cache.set(sid, { ...structuredClone(sess as Data), lastModified: new Date() });
      }
      callback?.(err);
    });
  }

  private async announce(sid: string): Promise<void> {
    await recordWritten({ type: 'session', id: sid });
  }
}

function expired(sess: Data): boolean {
  const expires = sess.cookie?.expires;
  return !!expires && new Date(expires).getTime() <= Date.now();
}
