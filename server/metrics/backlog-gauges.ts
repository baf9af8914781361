/**
 * Backlogs read from the database when Prometheus scrapes: due jobs not yet run, and listings
 * whose change the search index may not hold yet, each with the age of the oldest. On FerretDB
 * a scrape reads the two collections (on MongoDB the `{status, runAt}` and `searchDirty`
 * indexes serve them); a read that was slow is served again until its share of the time allows
 * another.
 */
import { Gauge } from 'prom-client';
import mongoose from 'mongoose';
import { jobReads } from '../scheduler';
import { LISTING_KINDS_STORED, listingModel } from '../listings';
import { registry } from './registry';
import { spacedRead } from './spaced-read';

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

/** One read per scrape, shared by the two gauges it feeds; not while the database is down. */
function shared(read: () => Promise<Backlog>): () => Promise<Backlog | undefined> {
  const spaced = spacedRead(read, {
    age: (backlog, seconds) =>
      backlog.count > 0 ? { ...backlog, oldestAgeSeconds: backlog.oldestAgeSeconds + seconds } : backlog,
  });
  // Not connected (the database is down): report nothing rather than wait for it.
  return () => (mongoose.connection.readyState === 1 ? spaced() : Promise.resolve(undefined));
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
