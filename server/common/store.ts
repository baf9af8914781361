/**
 * The one write path of every record: a store per record type (`*.store.ts`) built on
 * `RecordStore`, whose `mutate(id, plan)` takes the record's lock, reads the record, runs a pure
 * plan on it (the change to apply, or none, and a result; a refusal is a thrown AppError), checks
 * that the lock is still held, writes, tells the record-change hooks and releases.
 *
 * Why locks at all: FerretDB applies an update as an unisolated read-modify-write of the whole
 * document (see locks.ts), so two writers of one record must never overlap. A lock is renewed on
 * a timer while it is held, and its owner token is checked right before the write (fencing): a
 * holder that stalled past its expiry, and may have been replaced, refuses to write.
 *
 * A flow that spans records (bid → deal, payment → deal completion) takes every lock it needs
 * once, at its entry, with `holdLocks`, in the fixed order of LOCK_ORDER; a `mutate` inside it
 * finds its record's lock already held by the flow and does not take it again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import mongoose from 'mongoose';
import { AppError } from './errors';
import { holdsLock, lockRemaining, renewLock, tryLock, unlock } from './locks';
import { isDuplicateKeyError } from './duplicate-key';
import { logger } from './logger';
import { recordWritten, type RecordType } from './record-changes';
import { createRecordCache, type RecordCache } from './record-cache';
import { groupedInsert, type GroupedInsert } from './grouped-insert';
import { isSoleDatabaseUser } from './sole-user';
import { cloneRecord } from './clone-record';
import { findByIds, groupedFindById, type GroupedFind } from './grouped-find';

/** Where locks live (database documents, or Redis with REDIS_URL); chosen once at start. */
export { lockBackendName, useLockBackend } from './locks';

export interface LockTiming {
  /** How long a lock lives without renewal (a crashed holder's lock frees itself after this). */
  ttlMs: number;
  /** How long a writer waits for a busy lock before answering 409. */
  waitMs: number;
}

/** Module-wide so tests can shorten it; stores read it on every call. */
export const lockTiming: LockTiming = { ttlMs: 15_000, waitMs: 10_000 };

/**
 * Locks are always taken in this order of their key's prefix, so two flows never wait on each other.
 * The events' keys come first: a meeting at a fair may lead to a deal, never the reverse. Accepting
 * a meeting holds the event, both organizations' agendas there (`agenda:<eventId>:<orgId>`), the
 * event's tables when it is held on site (`event-tables:<eventId>`) and the meeting; approving a
 * registration holds the event (its capacity) and the registration; asking for a meeting holds the
 * pair (`meeting-pair:<eventId>:<orgId>:<orgId>`, one open meeting per pair).
 */
export const LOCK_ORDER = [
  'event',
  'event-registration',
  'meeting-pair',
  'agenda',
  'event-tables',
  'meeting',
  'listing',
  'bid',
  'deal',
  'payment',
  'organization',
  'user',
] as const;

interface HeldLock {
  key: string;
  owner: string;
  ttlMs: number;
  lost: boolean;
  released: boolean;
  stop: () => void;
  /** Lets this process's next writer of the key take its turn. */
  endTurn?: () => void;
}

const heldLocks = new AsyncLocalStorage<ReadonlyMap<string, HeldLock>>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rankOf(key: string): number {
  const rank = (LOCK_ORDER as readonly string[]).indexOf(key.split(':')[0]);
  return rank < 0 ? LOCK_ORDER.length : rank;
}

export function compareLockKeys(a: string, b: string): number {
  return rankOf(a) - rankOf(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Raised when a lock expired under its holder: the write is refused and the mutation retried. */
export class LockLost extends AppError {
  constructor(readonly key: string) {
    super('conflict', 'The record was busy for too long; try again in a moment.');
  }
}

function keepAlive(key: string, owner: string, ttlMs: number): HeldLock {
  let renewing = false;
  const lock: HeldLock = {
    key,
    owner,
    ttlMs,
    lost: false,
    released: false,
    stop: () => clearInterval(timer),
  };
  const timer = setInterval(
    () => {
      if (renewing || lock.lost) return;
      renewing = true;
      renewLock(key, owner, ttlMs)
        .then((held) => {
          if (!held) lock.lost = true;
        })
        .catch((err) => logger.warn({ err, key }, 'lock renewal failed'))
        .finally(() => (renewing = false));
    },
    Math.max(10, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return lock;
}

/**
 * This process's writers of one key, in line: each waits here for the one before it to release
 * the lock, instead of polling the lock store while a neighbour in the same process holds it.
 * The lock store still decides between processes.
 */
const localTurns = new Map<string, Promise<void>>();

function enterTurn(key: string): { before?: Promise<void>; end: () => void } {
  const before = localTurns.get(key);
  let leave!: () => void;
  const mine = new Promise<void>((resolve) => (leave = resolve));
  const line = before ? before.then(() => mine) : mine;
  localTurns.set(key, line);
  return {
    before,
    end: () => {
      leave();
      if (localTurns.get(key) === line) localTurns.delete(key);
    },
  };
}

/** Whether `promise` settled within `ms`. */
async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, ms))));
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Takes `key`, waiting (in this process's line, then with backoff) up to `waitMs`; null when it stayed busy. */
async function acquire(key: string, timing: LockTiming): Promise<HeldLock | null> {
  const giveUpAt = Date.now() + timing.waitMs;
  const turn = enterTurn(key);
  try {
    if (turn.before && !(await settlesWithin(turn.before, giveUpAt - Date.now()))) {
      turn.end();
      return null;
    }
    let delay = 5;
    for (;;) {
      const owner = await tryLock(key, timing.ttlMs);
      if (owner) return Object.assign(keepAlive(key, owner, timing.ttlMs), { endTurn: turn.end });
      if (Date.now() + delay > giveUpAt) {
        turn.end();
        return null;
      }
      await sleep(delay + Math.floor(Math.random() * delay));
      delay = Math.min(delay * 2, 100);
    }
  } catch (err) {
    turn.end();
    throw err;
  }
}

/**
 * Takes every key at once when none is busy (one round trip's time for all of them); when one is
 * busy, frees those taken and answers null, and the caller takes them in order instead.
 */
async function acquireAllAtOnce(keys: string[], ttlMs: number): Promise<HeldLock[] | null> {
  if (keys.some((key) => localTurns.has(key))) return null;
  const turns = keys.map(enterTurn);
  const tried = await Promise.allSettled(keys.map((key) => tryLock(key, ttlMs)));
  const taken: HeldLock[] = [];
  tried.forEach((t, i) => {
    if (t.status === 'fulfilled' && t.value)
      taken.push(Object.assign(keepAlive(keys[i], t.value, ttlMs), { endTurn: turns[i].end }));
    else turns[i].end();
  });
  if (taken.length === keys.length) return taken;
  await Promise.all(taken.map(release));
  const failed = tried.find((t): t is PromiseRejectedResult => t.status === 'rejected');
  if (failed) throw failed.reason;
  return null;
}

async function release(lock: HeldLock): Promise<void> {
  lock.released = true;
  lock.stop();
  await unlock(lock.key, lock.owner).catch((err) => logger.warn({ err, key: lock.key }, 'unlock failed'));
  lock.endTurn?.();
}

/**
 * Runs `fn` holding every lock in `keys` (taken in LOCK_ORDER, those the caller already holds
 * passed over). Busy beyond `waitMs`: 409, or `null` with `{ busy: 'skip' }`.
 */
export async function holdLocks<T>(
  keys: string[],
  fn: () => Promise<T>,
  opts: { timing?: Partial<LockTiming>; busy?: 'conflict' },
): Promise<T>;
export async function holdLocks<T>(
  keys: string[],
  fn: () => Promise<T>,
  opts: { timing?: Partial<LockTiming>; busy: 'skip' },
): Promise<T | null>;
export async function holdLocks<T>(keys: string[], fn: () => Promise<T>): Promise<T>;
export async function holdLocks<T>(
  keys: string[],
  fn: () => Promise<T>,
  opts: { timing?: Partial<LockTiming>; busy?: 'conflict' | 'skip' } = {},
): Promise<T | null> {
  const timing = { ...lockTiming, ...opts.timing };
  const outer = heldLocks.getStore() ?? new Map<string, HeldLock>();
  const wanted = [...new Set(keys)].filter((k) => !isHeld(k)).sort(compareLockKeys);
  if (wanted.length === 0) return fn();
  const taken: HeldLock[] = [];
  try {
    // Free keys are all taken at once; as soon as one is busy, they are taken in LOCK_ORDER, so
    // two flows waiting for each other's keys cannot happen.
    if (wanted.length > 1) taken.push(...((await acquireAllAtOnce(wanted, timing.ttlMs)) ?? []));
    for (const key of taken.length ? [] : wanted) {
      const lock = await acquire(key, timing);
      if (!lock) {
        if (opts.busy === 'skip') return null;
        throw AppError.conflict('This record is busy; try again in a moment.');
      }
      taken.push(lock);
    }
    const inner = new Map(outer);
    for (const lock of taken) inner.set(lock.key, lock);
    return await heldLocks.run(inner, fn);
  } finally {
    await Promise.all(taken.map(release));
  }
}

/** True when the running flow holds `key` (taken by an enclosing `holdLocks` that has not ended). */
export function isHeld(key: string): boolean {
  const lock = heldLocks.getStore()?.get(key);
  return !!lock && !lock.released;
}

/**
 * Runs `fn` as no flow's part: work it starts (event listeners) never counts as holding the
 * caller's locks, so it takes them itself and waits for the caller to finish.
 */
export function outsideHeldLocks<T>(fn: () => T): T {
  return heldLocks.exit(fn);
}

/** The fencing check's answer: how long the lock had left, measured from when it was asked. */
interface Lease {
  askedAt: number;
  remainingMs: number;
}

/**
 * Asks how long the running flow's lock on `key` has left, at once (it runs beside the read of
 * the record); `assertStillHeld` judges the answer right before the write.
 */
function askLease(key: string): Promise<Lease> | undefined {
  const lock = heldLocks.getStore()?.get(key);
  if (!lock || lock.lost) return undefined;
  const askedAt = Date.now();
  const asked = lockRemaining(key, lock.owner).then((remainingMs) => ({ askedAt, remainingMs }));
  asked.catch(() => undefined); // judged (and thrown) by assertStillHeld, if a write follows
  return asked;
}

/**
 * The fencing check right before a write: the lock is still ours and stays so for a while. The
 * renewal timer keeps it so while the holder is alive; a holder stalled past its expiry fails.
 * A lease asked beside the read counts when what it had left, less all the time since it was
 * asked, still covers the margin (nobody else can take a lock before it expires); otherwise the
 * lock is asked again now.
 */
async function assertStillHeld(key: string, lease?: Promise<Lease>): Promise<void> {
  const lock = heldLocks.getStore()?.get(key);
  if (!lock) throw new Error(`write of ${key} outside its lock`);
  const marginMs = Math.min(1000, lock.ttlMs / 4);
  const early = lease && (await lease.catch(() => undefined));
  if (!lock.lost && early && early.remainingMs - (Date.now() - early.askedAt) > marginMs) return;
  if (lock.lost || !(await holdsLock(key, lock.owner, marginMs))) {
    lock.lost = true;
    throw new LockLost(key);
  }
}

/** A MongoDB update document; the plan's change to the record. */
export type Change = Record<string, unknown>;

/** What a plan decides: the change to write (none: nothing is written) and what to answer. */
export interface Planned<R> {
  change?: Change | null;
  result: R;
}

export type Plan<D, R> = (current: D) => Planned<R>;

export interface Mutation<D, R> {
  result: R;
  /** The record after the write (as read before it when nothing was written). */
  doc: D;
  written: boolean;
}

export interface MutateOptions<D, R> {
  /** The error when the record does not exist (default: 404 naming the store's record). */
  missing?: () => AppError;
  /** A write refused by a unique index: plan again from the error, or rethrow (the default). */
  onDuplicateKey?: (current: D) => Planned<R>;
  /** Leave out the store's own additions to the change (the search mark clearing itself). */
  bare?: boolean;
  /**
   * Work on other records that must succeed before this write, given the record as the plan
   * saw it and the plan's result (an agreement commits its offer first); a refusal it throws
   * leaves this record unwritten. It runs under the flow's locks: the caller holds every lock
   * it writes under.
   */
  beforeWrite?: (current: D, result: R) => Promise<void>;
  timestamps?: boolean;
}

export interface StoreSpec {
  /** Names the record in errors: "Deal not found". */
  label: string;
  model: mongoose.Model<any>;
  lockKey: (id: string) => string;
  /** What `recordWritten` is told; unset for records nobody caches (ledger, Stripe events). */
  recordType?: RecordType;
  /** Added to every change (the listing's search mark and revision). */
  decorate?: (change: Change) => Change;
  /**
   * Nothing but this store's `mutate`, `create` and `remove` writes the collection: while the
   * process is the database's only user (sole-user.ts), `mutate` then plans on the record as it
   * last wrote it instead of reading it back.
   */
  onlyWriter?: boolean;
}

/** The read-only part of a model, for code outside the stores. */
export type ModelReads<M extends mongoose.Model<any>> = Pick<
  M,
  'find' | 'findOne' | 'findById' | 'exists' | 'countDocuments' | 'aggregate' | 'distinct'
>;

export class RecordStore<D extends { _id: unknown }> {
  /** Records as this process last read or wrote them (`spec.onlyWriter`; used by a sole database user only). */
  private readonly kept?: RecordCache<{ doc: D }>;
  /** New records, inserted together with those created at the same moment. */
  private readonly insert: GroupedInsert;
  /** Records by `_id`, read together with those asked at the same moment. */
  private readonly findById: GroupedFind;

  constructor(readonly spec: StoreSpec) {
    this.insert = groupedInsert(() => spec.model);
    this.findById = groupedFindById(() => spec.model);
    if (spec.onlyWriter && spec.recordType)
      this.kept = createRecordCache<{ doc: D }>({
        name: `${spec.label}-as-stored`,
        types: [spec.recordType],
        max: 2_000,
        ttlMs: 600_000,
        fromRecord: (after) => (isSoleDatabaseUser() ? { doc: cloneRecord(after as D) } : undefined),
      });
  }

  /**
   * The record by `_id`. While the process is the database's only user, a store that alone writes
   * its collection answers from the records it last read or wrote (each write here replaces its
   * entry, and a read that a write overtook is not kept), as copies the caller may change.
   */
  async get(id: string | { toString(): string }): Promise<D | null> {
    if (!this.kept || !isSoleDatabaseUser()) return this.findById<D>(id);
    const held = await this.kept.get(String(id), async () => {
      const doc = await this.findById<D>(id);
      return doc ? { doc: cloneRecord(doc) } : null;
    });
    return held ? cloneRecord(held.doc) : null;
  }

  /**
   * The records of `ids` that exist, by `_id` (one read of those not kept). While the process is
   * the database's only user, a store that alone writes its collection answers the ones it keeps
   * from them, as `get` does, as copies the caller may change.
   */
  async getMany(ids: string[]): Promise<Map<string, D>> {
    const readAll = (wanted: string[]) => findByIds<D>(this.spec.model, wanted);
    if (ids.length === 0) return new Map();
    if (!this.kept || !isSoleDatabaseUser()) return readAll(ids);
    const held = await this.kept.getMany(ids, async (missing) => {
      const read = await readAll(missing);
      return new Map([...read].map(([id, doc]) => [id, { doc: cloneRecord(doc) }]));
    });
    return new Map([...held].map(([id, { doc }]) => [id, cloneRecord(doc)]));
  }

  lockKey(id: string | { toString(): string }): string {
    return this.spec.lockKey(String(id));
  }

  /** Holds the record's lock for a flow that writes it (and maybe others) several times. */
  hold<T>(id: string | { toString(): string }, fn: () => Promise<T>): Promise<T> {
    return holdLocks([this.lockKey(id)], fn);
  }

  /**
   * Reads the record under its lock, lets `plan` decide, writes what it decided. A lock lost to
   * expiry before the write refuses the write and starts again (twice at most), unless an
   * enclosing flow holds the lock: then the flow's caller gets the 409.
   */
  async mutate<R>(
    id: string | { toString(): string },
    plan: Plan<D, R>,
    opts: MutateOptions<D, R> = {},
  ): Promise<Mutation<D, R>> {
    const key = this.lockKey(id);
    for (let attempt = 0; ; attempt++) {
      const ownLock = !isHeld(key);
      try {
        return await holdLocks([key], () => this.mutateHeld(String(id), key, plan, opts));
      } catch (err) {
        if (err instanceof LockLost && ownLock && attempt < 2) continue;
        throw err;
      }
    }
  }

  /** `mutate`, but only if nobody holds the record now; null when it was busy. */
  async mutateIfFree<R>(
    id: string | { toString(): string },
    plan: Plan<D, R>,
    opts: MutateOptions<D, R> = {},
  ): Promise<Mutation<D, R> | null> {
    const key = this.lockKey(id);
    return holdLocks([key], () => this.mutateHeld(String(id), key, plan, opts), {
      timing: { waitMs: 0 },
      busy: 'skip',
    });
  }

  private async mutateHeld<R>(
    id: string,
    key: string,
    plan: Plan<D, R>,
    opts: MutateOptions<D, R>,
  ): Promise<Mutation<D, R>> {
    const lease = askLease(key);
    const before = await this.get(id);
    if (!before) throw opts.missing?.() ?? AppError.notFound(this.spec.label);
    let planned = plan(before);
    if (!planned.change) return { result: planned.result, doc: before, written: false };
    if (opts.beforeWrite) await opts.beforeWrite(before, planned.result);
    await assertStillHeld(key, lease);
    let after: D | null;
    try {
      after = await this.write(before._id, planned.change, opts);
    } catch (err) {
      // A write that failed may still have been applied: what is kept of the record goes.
      this.kept?.drop(id);
      if (!opts.onDuplicateKey || !isDuplicateKeyError(err)) throw err;
      planned = opts.onDuplicateKey(before);
      if (!planned.change) return { result: planned.result, doc: before, written: false };
      after = await this.write(before._id, planned.change, opts);
    }
    if (!after) throw opts.missing?.() ?? AppError.notFound(this.spec.label);
    await this.announce(id, before, after);
    return { result: planned.result, doc: after, written: true };
  }

  private async write(
    _id: unknown,
    change: Change,
    opts: Pick<MutateOptions<D, unknown>, 'bare' | 'timestamps'>,
  ): Promise<D | null> {
    const update = opts.bare || !this.spec.decorate ? change : this.spec.decorate(change);
    return (await this.spec.model
      .findOneAndUpdate({ _id }, update, {
        returnDocument: 'after',
        ...(opts.timestamps === false ? { timestamps: false } : {}),
      })
      .lean()) as D | null;
  }

  /** Inserts a new record (no lock: nobody else can know its id yet). Unique-key clashes are thrown. */
  async create(fields: Record<string, unknown>): Promise<D> {
    const after = await this.insert<D>(fields);
    await this.announce(String(after._id), null, after);
    return after;
  }

  /** Deletes the record under its lock; false when it did not exist. */
  async remove(id: string | { toString(): string }, filter: Record<string, unknown> = {}): Promise<boolean> {
    return holdLocks([this.lockKey(id)], async () => {
      const before = await this.get(id);
      if (!before) return false;
      const result = await this.spec.model.deleteOne({ ...filter, _id: before._id });
      if (result.deletedCount !== 1) return false;
      await this.announce(String(id), before, null);
      return true;
    });
  }

  private async announce(id: string, before: D | null, after: D | null): Promise<void> {
    if (!this.spec.recordType) return;
    await recordWritten({
      type: this.spec.recordType,
      id,
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
    });
  }
}
