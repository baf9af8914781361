/**
 * Short-lived locks between requests and processes, held as documents with a unique `_id`.
 *
 * Why: FerretDB 1.24 on SQLite applies an update as read-modify-write of the whole document
 * without isolation, so two concurrent conditional updates of one document can both "match"
 * and the later write silently replaces the earlier one. Inserting a document with a given
 * `_id` is atomic there (and on MongoDB), so that is what serialises writers. A holder that
 * dies leaves a lock that expires after `ttlMs`. With REDIS_URL set the same locks live in Redis
 * instead (redis-locks.ts): fewer trips to the database on every write.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';
import { AppError } from './errors';
import { isDuplicateKeyError } from './duplicate-key';
import type { LockBackend } from './lock-backend';
import { setSoleDatabaseUser } from './sole-user';

const lockSchema = new Schema({ _id: String, owner: String, until: Date }, { versionKey: false });
export const LockModel = mongoose.model('Lock', lockSchema);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Locks as documents with a unique `_id`: what every process can use without Redis. */
export const databaseLocks: LockBackend = {
  name: 'database',
  async take(key, owner, ttlMs) {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await LockModel.collection.insertOne({
          _id: key,
          owner,
          until: new Date(Date.now() + ttlMs),
        } as never);
        return true;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const held = await LockModel.collection.findOne({ _id: key } as never);
        if (!held || (held.until as Date) > new Date()) return false;
        await LockModel.collection.deleteOne({ _id: key, owner: held.owner } as never);
      }
    }
    return false;
  },
  async release(key, owner) {
    await LockModel.collection.deleteOne({ _id: key, owner } as never);
  },
  async renew(key, owner, ttlMs) {
    const result = await LockModel.collection.updateOne({ _id: key, owner } as never, {
      $set: { until: new Date(Date.now() + ttlMs) },
    });
    return result.matchedCount === 1;
  },
  async remaining(key, owner) {
    const held = await LockModel.collection.findOne({ _id: key } as never);
    return held && held.owner === owner ? Math.max(-1, (held.until as Date).getTime() - Date.now()) : -1;
  },
};

let backend: LockBackend = databaseLocks;

/**
 * Chooses where locks live from now on (null: the database). Set once at start, before the
 * process takes any lock: two processes sharing data must never use different backends.
 */
export function useLockBackend(chosen: LockBackend | null): void {
  backend = chosen ?? databaseLocks;
  setSoleDatabaseUser(backend.name === 'memory');
}

export function lockBackendName(): LockBackend['name'] {
  return backend.name;
}

/** Takes the lock if it is free (or expired); returns the owner token, or null when someone holds it. */
export async function tryLock(key: string, ttlMs: number): Promise<string | null> {
  const owner = randomUUID();
  return (await backend.take(key, owner, ttlMs)) ? owner : null;
}

export async function unlock(key: string, owner: string): Promise<void> {
  await backend.release(key, owner);
}

/** Pushes the lock's expiry on while its holder works; false when `owner` no longer holds it. */
export async function renewLock(key: string, owner: string, ttlMs: number): Promise<boolean> {
  return backend.renew(key, owner, ttlMs);
}

/**
 * The fencing check made right before a write: `owner` still holds `key` and will for at least
 * `marginMs`. A holder that stalled past its expiry (and so may have been replaced) fails it.
 */
export async function holdsLock(key: string, owner: string, marginMs = 0): Promise<boolean> {
  return (await backend.remaining(key, owner)) > marginMs;
}

/** How many milliseconds `owner`'s lock on `key` has left; -1 when it does not hold it. */
export function lockRemaining(key: string, owner: string): Promise<number> {
  return backend.remaining(key, owner);
}

/**
 * Runs `fn` while holding `key`, waiting up to `waitMs` for it. Never nest two locks on the
 * same key: the inner one would wait for the outer.
 */
export async function withLock<T>(
  key: string,
  fn: () => Promise<T>,
  opts: { ttlMs?: number; waitMs?: number } = {},
): Promise<T> {
  const ttlMs = opts.ttlMs ?? 15_000;
  const giveUpAt = Date.now() + (opts.waitMs ?? 10_000);
  let owner = await tryLock(key, ttlMs);
  while (!owner) {
    if (Date.now() > giveUpAt) throw AppError.conflict('This record is busy; try again in a moment.');
    // A backend that knows when the lock is freed wakes its waiter then (an expired one is seen on the next try).
    await (backend.waitFor ? backend.waitFor(key, 250) : sleep(5 + Math.floor(Math.random() * 20)));
    owner = await tryLock(key, ttlMs);
  }
  try {
    return await fn();
  } finally {
    await unlock(key, owner);
  }
}
