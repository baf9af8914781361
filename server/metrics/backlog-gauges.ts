/**
 * Backlogs read from the database when Prometheus scrapes: due jobs not yet run, and listings
 * whose change the search index may not hold yet, each with the age of the oldest. On FerretDB
 * each scrape reads the two collections (on MongoDB the `{status, runAt}` and `searchDirty`
 * indexes serve them): scrape every 15 s or more.
 */
import { Gauge } from 'prom-client';
import mongoose from 'mongoose';
import { jobReads } from '../scheduler/job.store';
import { LISTING_KINDS_STORED, listingModel } from '../listings/listing.store';
import { registry } from './registry';

export interface Backlog {
  count: number;
  oldestAgeSeconds: number;
}

function backlogOf(times: (Date | undefined)[], now: number): Backlog {
  const oldest = Math.min(now, ...times.map((t) => (t ? t.getTime() : now)));
  return { count: times.length, oldestAgeSeconds: Math.max(0, (now - oldest) / 1000) };
}

export async function jobBacklog(now = Date.now()): Promise<Backlog> {
  const due = await jobReads
    .find({ status: 'pending', runAt: mongoose.trusted({ $lte: new Date(now) }) })
    .select({ runAt: 1 })
    .lean();
  return backlogOf(
    due.map((j) => j.runAt),
    now,
  );
}

export async function searchSyncBacklog(now = Date.now()): Promise<Backlog> {
  const dirty = await Promise.all(
    LISTING_KINDS_STORED.map((kind) =>
      listingModel(kind).find({ searchDirty: true }).select({ updatedAt: 1 }).lean<{ updatedAt?: Date }[]>(),
    ),
  );
  return backlogOf(
    dirty.flat().map((d) => d.updatedAt),
    now,
  );
}

/** One read per scrape, shared by the two gauges it feeds. */
function shared(read: () => Promise<Backlog>): () => Promise<Backlog | undefined> {
  let inFlight: Promise<Backlog | undefined> | undefined;
  return () => {
    // Not connected (the database is down): report nothing rather than wait for it.
    if (mongoose.connection.readyState !== 1) return Promise.resolve(undefined);
    inFlight ??= read()
      .catch(() => undefined)
      .finally(() => setImmediate(() => (inFlight = undefined)));
    return inFlight;
  };
}

function backlogGauges(name: string, help: string, read: () => Promise<Backlog>): void {
  const current = shared(read);
  new Gauge({
    name: `${name}_count`,
    help: `${help}: how many`,
    registers: [registry],
    async collect() {
      const backlog = await current();
      if (backlog) this.set(backlog.count);
    },
  });
  new Gauge({
    name: `${name}_oldest_seconds`,
    help: `${help}: age of the oldest, in seconds (the lag)`,
    registers: [registry],
    async collect() {
      const backlog = await current();
      if (backlog) this.set(backlog.oldestAgeSeconds);
    },
  });
}

backlogGauges('tx_job_queue_due', 'Scheduled jobs that are due and not yet run', jobBacklog);
backlogGauges(
  'tx_search_sync_pending',
  'Listings changed since the search index last took them',
  searchSyncBacklog,
);
