/**
 * Locks in this process's memory, for an exchange that is the only process using its database:
 * `npm start` on its embedded database, which it starts itself and tells no one else about
 * (LOCK_BACKEND=memory). A lock then costs no write to the database, and a waiter is woken when
 * the lock is freed instead of asking again. Never for processes that share a database: each
 * would hold its own locks.
 */
import type { LockBackend } from './lock-backend';

interface Held {
  owner: string;
  until: number;
}

export function createMemoryLocks(): LockBackend & Required<Pick<LockBackend, 'waitFor'>> {
  const held = new Map<string, Held>();
  const waiters = new Map<string, (() => void)[]>();

  const holder = (key: string): Held | undefined => {
    const h = held.get(key);
    if (h && h.until <= Date.now()) {
      held.delete(key);
      return undefined;
    }
    return h;
  };
  const wake = (key: string) => {
    const waiting = waiters.get(key);
    if (!waiting) return;
    waiters.delete(key);
    for (const w of waiting) w();
  };

  return {
    name: 'memory',
    async take(key, owner, ttlMs) {
      if (holder(key)) return false;
      held.set(key, { owner, until: Date.now() + ttlMs });
      return true;
    },
    async release(key, owner) {
      if (holder(key)?.owner !== owner) return;
      held.delete(key);
      wake(key);
    },
    async renew(key, owner, ttlMs) {
      const h = holder(key);
      if (h?.owner !== owner) return false;
      h.until = Date.now() + ttlMs;
      return true;
    },
    async remaining(key, owner) {
      const h = holder(key);
      return h?.owner === owner ? Math.max(-1, h.until - Date.now()) : -1;
    },
    /**
     * Resolves when `key` is freed, at once if it is free, or after `ms` (a holder whose lock
     * expires frees nothing); the caller still has to take it.
     */
    waitFor(key, ms) {
      if (!holder(key)) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          const waiting = waiters.get(key);
          const i = waiting?.indexOf(done) ?? -1;
          if (i !== -1) waiting!.splice(i, 1);
          if (waiting?.length === 0) waiters.delete(key);
          resolve();
        }
        const waiting = waiters.get(key) ?? [];
        waiting.push(done);
        waiters.set(key, waiting);
      });
    },
  };
}
