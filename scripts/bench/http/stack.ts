/**
 * What one bench size runs against: a throw-away FerretDB in the bench's folder, seeded straight
 * through the driver, and the exchange as a child process whose search index has caught up.
 * Everything started is registered with the caller's cleanup.
 */
import path from 'node:path';
import mongoose from 'mongoose';
import { startFerretDb } from '../../services/services';
import {
  BENCH_SESSION_SECRET,
  startExchangeChild,
  waitForSearchCatchUp,
  waitForSearchIndex,
  type ExchangeChild,
} from './exchange-child';
import { seedBench, type Fixture } from './seed';

/** Stops what was started, newest first; safe to call twice. */
export class Cleanup {
  private readonly steps: (() => Promise<unknown>)[] = [];
  add(step: () => Promise<unknown>) {
    this.steps.push(step);
  }
  async run() {
    for (const step of this.steps.splice(0).reverse()) await step().catch(() => undefined);
  }
}

export interface StackOptions {
  label: string;
  listings: number;
  writers: number;
  paymentsPerWriter: number;
  acceptsPerWriter: number;
  roomsPerWriter: number;
  log: (line: string) => void;
}

export interface Stack {
  fixture: Fixture;
  exchange: ExchangeChild;
  /** The database's process (FerretDB under its watchdog). */
  databasePid: number | undefined;
  timings: { seedSeconds: number; exchangeStartSeconds: number; indexSeconds: number };
}

export async function startStack(opts: StackOptions, tmp: string, cleanup: Cleanup): Promise<Stack> {
  const db = await startFerretDb({ dataDir: path.join(tmp, 'db') });
  cleanup.add(() => db.stop());
  const mongodbUri = `${db.localUrl}bench_http`;

  const seedStarted = performance.now();
  await mongoose.connect(mongodbUri);
  let fixture: Fixture;
  try {
    fixture = await seedBench({
      listings: opts.listings,
      writers: opts.writers,
      paymentsPerWriter: opts.paymentsPerWriter,
      acceptsPerWriter: opts.acceptsPerWriter,
      roomsPerWriter: opts.roomsPerWriter,
      sessionSecret: BENCH_SESSION_SECRET,
    });
  } finally {
    await mongoose.disconnect();
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const counts = Object.entries(fixture.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  opts.log(`[${opts.label}] seeded ${counts} in ${seedSeconds.toFixed(1)} s`);

  const startStarted = performance.now();
  const exchange: ExchangeChild = await startExchangeChild({ mongodbUri, tmpDir: tmp });
  cleanup.add(() => exchange.stop());
  const exchangeStartSeconds = (performance.now() - startStarted) / 1000;
  const indexSeconds =
    (await waitForSearchIndex(exchange.url, fixture.publishedListings, 60_000 + opts.listings * 5)) +
    (await waitForSearchCatchUp(exchange.url, 60_000 + opts.listings * 5));
  opts.log(
    `[${opts.label}] exchange up in ${exchangeStartSeconds.toFixed(1)} s; search index caught up ` +
      `(${fixture.publishedListings} published listings) ${indexSeconds.toFixed(1)} s later`,
  );
  return {
    fixture,
    exchange,
    databasePid: db.pid,
    timings: { seedSeconds, exchangeStartSeconds, indexSeconds },
  };
}
