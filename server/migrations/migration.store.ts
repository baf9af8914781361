/**
 * Versioned data migrations, run at start-up by every exchange process. Each migration runs once
 * per database, in order, and is recorded in the `migrations` collection when it succeeds.
 * Processes starting together take turns through a lock document (an insert with a unique `_id`,
 * common/locks.ts: FerretDB does not isolate updates, so an update could not decide this), kept
 * alive while the migrations run; the others wait, then find the work done. Migrations are
 * written to be idempotent all the same, so a run cut short is simply run again.
 */
import mongoose from 'mongoose';
import { renewLock, tryLock, unlock } from '../common/locks';
import { logger } from '../common/logger';

export interface Migration {
  /** Sortable and never reused: `NNN-what-it-does`. */
  id: string;
  description: string;
  up(): Promise<void>;
}

export interface MigrationOptions {
  lockTtlMs?: number;
  /** How long a process waits for another one's migrations before giving up. */
  waitMs?: number;
}

const LOCK_KEY = 'migrations';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function appliedCollection() {
  return mongoose.connection.collection<{ _id: string; description: string; appliedAt: Date; ms: number }>(
    'migrations',
  );
}

export async function appliedMigrations(): Promise<string[]> {
  return (await appliedCollection().find({}).toArray()).map((d) => d._id).sort();
}

/** Runs the migrations this database has not had yet; returns the ids it ran. */
export async function runMigrations(
  migrations: readonly Migration[],
  opts: MigrationOptions = {},
): Promise<string[]> {
  const ids = migrations.map((m) => m.id);
  if (new Set(ids).size !== ids.length || ids.some((id, i) => i > 0 && id <= ids[i - 1])) {
    throw new Error(`migration ids must be unique and in order: ${ids.join(', ')}`);
  }
  const pendingIn = (applied: string[]) => migrations.filter((m) => !applied.includes(m.id));
  if (pendingIn(await appliedMigrations()).length === 0) return [];

  const ttlMs = opts.lockTtlMs ?? 60_000;
  const giveUpAt = Date.now() + (opts.waitMs ?? 10 * 60_000);
  let owner = await tryLock(LOCK_KEY, ttlMs);
  if (!owner) logger.info('migrations: another process is migrating; waiting for it');
  while (!owner) {
    if (Date.now() > giveUpAt) throw new Error('migrations: gave up waiting for another process to finish');
    await sleep(200);
    owner = await tryLock(LOCK_KEY, ttlMs);
  }
  const keepAlive = setInterval(() => {
    void renewLock(LOCK_KEY, owner, ttlMs).catch((err: unknown) =>
      logger.warn({ err }, 'migrations: could not extend the lock'),
    );
  }, ttlMs / 3);
  const ran: string[] = [];
  try {
    for (const migration of pendingIn(await appliedMigrations())) {
      const started = Date.now();
      logger.info({ migration: migration.id }, `migrating: ${migration.description}`);
      await migration.up();
      const ms = Date.now() - started;
      await appliedCollection().insertOne({
        _id: migration.id,
        description: migration.description,
        appliedAt: new Date(),
        ms,
      });
      logger.info({ migration: migration.id, ms }, 'migrated');
      ran.push(migration.id);
    }
  } finally {
    clearInterval(keepAlive);
    await unlock(LOCK_KEY, owner);
  }
  return ran;
}
