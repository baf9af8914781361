/**
 * Where short-lived locks live (see locks.ts): database documents by default, Redis keys when
 * REDIS_URL is set (redis-locks.ts), this process's memory when it is the database's only user
 * (memory-locks.ts). Every process sharing the data must use the same one.
 */
export interface LockBackend {
  name: 'database' | 'redis' | 'memory';
  /** Takes `key` for `owner` if it is free or expired; false when someone else holds it. */
  take(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Frees `key` if `owner` still holds it. */
  release(key: string, owner: string): Promise<void>;
  /** Pushes the expiry on; false when `owner` no longer holds `key`. */
  renew(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** The milliseconds `key` has left while `owner` holds it; -1 when `owner` does not hold it. */
  remaining(key: string, owner: string): Promise<number>;
  /** Resolves when `key` may be free again or after `ms`, where the backend can tell; otherwise waiters poll. */
  waitFor?(key: string, ms: number): Promise<void>;
}
