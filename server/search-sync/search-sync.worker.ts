/**
 * The background indexer. Woken by `listing.changed` after each write (the prompt path, well
 * under a second); polls as a safety net for changes it was not told about (other processes, a
 * failed attempt); at start-up catches up from the dirty marks, or rebuilds the whole index when
 * the engine lost it or the database asked for it. One piece of work runs at a time.
 */
import type { AppContext } from '../context';
import type { Worker } from '../runtime-types';
import { logger } from '../common/logger';
import {
  rebuildSearchIndex,
  searchIndexIsCurrent,
  syncListings,
  syncSearchIndex,
  type ListingRef,
} from './search-sync.service';

export interface SearchSyncWorker extends Worker {
  /** Resolves once everything known to be pending is indexed; rejects if the last attempt failed. */
  idle(): Promise<void>;
  /** The start-up catch-up (a pass over the dirty marks, or a rebuild) is done. */
  caughtUp(): boolean;
}

export interface SearchSyncOptions {
  pollMs?: number;
  /**
   * A pass over the dirty marks reads the whole listing collections where the database cannot
   * use an index for it (FerretDB): such passes are spaced so that they take at most this share
   * of the time (default 2 %: about every second at the demo size, every two minutes at 10,000
   * listings, where a pass keeps FerretDB busy for seconds). Changes made through this process
   * are indexed when they are announced; a pass catches what that missed (a failed attempt, a
   * crash, a listing written by another process or a script).
   */
  maxScanShare?: number;
}

const workers = new WeakMap<AppContext, SearchSyncWorker>();

/** The indexer started for this exchange, if any (tests and benchmarks wait on it). */
export function searchSyncWorkerOf(ctx: AppContext): SearchSyncWorker | undefined {
  return workers.get(ctx);
}

export function startSearchSyncWorker(ctx: AppContext, opts: SearchSyncOptions = {}): SearchSyncWorker {
  const pollMs = opts.pollMs ?? 1000;
  const loop = new SyncLoop(ctx, pollMs, opts.maxScanShare ?? 0.02);
  loop.start();
  const worker: SearchSyncWorker = {
    name: 'search-sync',
    stop: async () => {
      if (workers.get(ctx) === worker) workers.delete(ctx);
      await loop.stop();
    },
    idle: () => loop.idle(),
    caughtUp: () => loop.hasCaughtUp(),
  };
  workers.set(ctx, worker);
  return worker;
}

type StepKind = 'owed' | 'background';

const refKey = (ref: ListingRef) => `${ref.kind}:${ref.id}`;

class SyncLoop {
  private readonly pending = new Map<string, ListingRef>();
  private wantRebuild: boolean;
  private wantPass = true;
  private checkGeneration = true;
  /** The start-up catch-up (a pass over the dirty marks, or a rebuild) has been done. */
  private caughtUp = false;
  private nextPassAt = 0;
  private inFlight: StepKind | null = null;
  private running: Promise<void> | null = null;
  private lastError: unknown = null;
  private stopped = false;
  private waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly pollMs: number,
    private readonly maxScanShare: number,
  ) {
    this.wantRebuild = ctx.searchNeedsRebuild === true;
  }

  start(): void {
    this.unsubscribe = this.ctx.bus.subscribe('listing.changed', (ref) => {
      this.pending.set(refKey(ref), ref);
      this.kick();
    });
    this.timer = setInterval(() => this.poll(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.running;
    this.notify();
  }

  /**
   * Waits for the work owed so far: the start-up catch-up, a rebuild, listings announced as
   * changed. Polling goes on in the background and is not waited for (it never ends).
   */
  async idle(): Promise<void> {
    while (!this.stopped && this.owesWork()) {
      if (!this.running) this.kick();
      await new Promise<void>((resolve) => this.waiters.push(resolve));
      if (this.lastError) throw this.lastError;
    }
  }

  hasCaughtUp(): boolean {
    return this.caughtUp;
  }

  private owesWork(): boolean {
    return this.pending.size > 0 || this.wantRebuild || !this.caughtUp || this.inFlight === 'owed';
  }

  private hasWork(): boolean {
    return this.wantRebuild || this.checkGeneration || this.pending.size > 0 || this.wantPass;
  }

  private poll(): void {
    this.checkGeneration = true;
    if (Date.now() >= this.nextPassAt) this.wantPass = true;
    this.kick();
  }

  private kick(): void {
    if (this.stopped || this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      this.notify();
      // Work that arrived while the last step ran, unless that step failed (then the next poll retries).
      if (!this.lastError && this.hasWork()) this.kick();
    });
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private async drain(): Promise<void> {
    this.lastError = null;
    try {
      while (!this.stopped && this.hasWork()) {
        await this.step();
        this.notify();
      }
    } catch (err) {
      this.lastError = err;
      logger.warn({ err }, 'search index not updated yet; retrying');
    } finally {
      this.inFlight = null;
    }
  }

  private async step(): Promise<void> {
    if (this.checkGeneration) {
      this.inFlight = this.caughtUp ? 'background' : 'owed';
      this.checkGeneration = false;
      if (!(await searchIndexIsCurrent(this.ctx))) this.wantRebuild = true;
    } else if (this.wantRebuild) {
      this.inFlight = 'owed';
      await this.rebuild();
    } else if (this.pending.size > 0) {
      this.inFlight = 'owed';
      await this.indexPending();
    } else if (this.wantPass) {
      this.inFlight = this.caughtUp ? 'background' : 'owed';
      await this.passOverDirtyMarks();
    }
    this.inFlight = null;
  }

  private async rebuild(): Promise<void> {
    const started = Date.now();
    this.pending.clear();
    try {
      const count = await rebuildSearchIndex(this.ctx);
      this.wantRebuild = false;
      this.caughtUp = true;
      logger.info({ listings: count, ms: Date.now() - started }, 'search index rebuilt from the database');
    } catch (err) {
      this.checkGeneration = true;
      throw err;
    }
  }

  private async indexPending(): Promise<void> {
    const refs = [...this.pending.values()];
    this.pending.clear();
    try {
      await syncListings(this.ctx, refs);
    } catch (err) {
      for (const r of refs) this.pending.set(refKey(r), r);
      throw err;
    }
  }

  private async passOverDirtyMarks(): Promise<void> {
    this.wantPass = false;
    // Polls during the pass must not ask for another one straight after it.
    this.nextPassAt = Infinity;
    const started = Date.now();
    try {
      const count = await syncSearchIndex(this.ctx);
      if (count > 0) logger.info({ listings: count }, 'search index caught up from dirty marks');
    } catch (err) {
      this.wantPass = true;
      this.nextPassAt = 0;
      throw err;
    }
    this.caughtUp = true;
    // Timers are coarse: a pass is taken to cost at least a millisecond.
    const took = Math.max(1, Date.now() - started);
    this.nextPassAt = Date.now() + Math.max(this.pollMs, took / this.maxScanShare - took);
  }
}
