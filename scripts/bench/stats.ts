/**
 * Statistics benchmark (`npm run bench:stats`): GET /api/admin/stats and GET /api/public/stats
 * at a data size, against a bare Express answering the same bytes. For each size it starts a
 * throw-away FerretDB, seeds it straight through the driver (synthetic listings spread over 24
 * months, fields and provinces; deals, a fifth of the listings' number by default, some agreed
 * and won with their term sheets and brokers; first bids; paid fees), builds the statistics'
 * rollups from the records as the exchange does at start-up (timed), starts the exchange
 * (`server/main.ts`) as a child process, waits for its search index, then loads each route for `--duration`
 * seconds with autocannon. Prints p50/p95/p99, req/s and the ratio to bare; target p95 ≤ 300 ms.
 *
 *   npm run bench:stats -- [--listings 10000,100000] [--deals <n>] [--duration 5] [--connections 10]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startFerretDb } from '../services/services';
import { FIELD_CODES } from '../../server/api-contract/taxonomy';
import { PROVINCES } from '../../server/api-contract/enums';
import { generateSyntheticListings } from '../synthetic/listings';
import { syntheticListingRecord } from '../seed-loader/synthetic-records';
import { startBareChild, type BareRoute } from './http/bare-server';
import { OPERATOR, startExchangeChild, waitForSearchIndex } from './http/exchange-child';
import { readLoad, type LoadResult } from './http/load';
import { captureRead, signIn } from './http/scenarios';
import { Cleanup } from './http/stack';
import { rebuildStatsRollups } from '../../server/stats';

const DAY = 86_400_000;
const TARGET_P95_MS = 300;

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i !== -1) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function insertAll(name: string, docs: Record<string, unknown>[]): Promise<void> {
  const collection = mongoose.connection.db!.collection(name);
  for (let i = 0; i < docs.length; i += 2000) {
    await collection.insertMany(docs.slice(i, i + 2000) as never[], { ordered: false });
  }
}

/** Listings over the last 24 months, deals on published ones, first bids and paid fees. */
async function seed(listings: number, dealCount: number): Promise<{ published: number; counts: string }> {
  const now = Date.now();
  const span = 730 * DAY;
  const offers: Record<string, unknown>[] = [];
  const demands: Record<string, unknown>[] = [];
  const published: { _id: mongoose.Types.ObjectId; kind: string; field: string; publishedAt: Date }[] = [];
  generateSyntheticListings(listings, 7).forEach((listing, i) => {
    const { kind, record } = syntheticListingRecord(listing, new Date(now));
    const createdAt = new Date(now - span + Math.floor(((i * 7919) % listings) * (span / listings)));
    const doc: Record<string, any> = {
      ...record,
      field: FIELD_CODES[i % FIELD_CODES.length],
      province: PROVINCES[(i * 31) % PROVINCES.length].code,
      createdAt,
      createdMonth: createdAt.toISOString().slice(0, 7),
      publishedAt: new Date(createdAt.getTime() + (i % 10) * DAY),
    };
    if (i % 10 === 3) {
      doc.status = 'draft';
      delete doc.publishedAt;
    } else published.push({ _id: doc._id, kind, field: doc.field, publishedAt: doc.publishedAt });
    (kind === 'offer' ? offers : demands).push(doc);
  });
  await insertAll('offers', offers);
  await insertAll('demands', demands);

  const brokers = Array.from({ length: 8 }, (_, i) => ({
    _id: new mongoose.Types.ObjectId(),
    email: `bench-broker-${i}@example.vn`,
    name: `Môi giới ${i}`,
    role: 'broker',
    passwordHash: 'x',
    membershipStatus: 'none',
    createdAt: new Date(now),
    updatedAt: new Date(now),
  }));
  await insertAll('users', brokers);
  const org = new mongoose.Types.ObjectId();
  const deals: Record<string, unknown>[] = [];
  const bids: Record<string, unknown>[] = [];
  const payments: Record<string, unknown>[] = [];
  for (let i = 0; i < dealCount; i++) {
    const listing = published[(i * 13) % published.length];
    const createdAt = new Date(Math.min(now - DAY, listing.publishedAt.getTime() + (2 + (i % 20)) * DAY));
    const stage = i % 10; // 0-5 negotiating, 6-7 agreed, 8-9 won
    const agreedAt = stage >= 6 ? new Date(createdAt.getTime() + (3 + (i % 15)) * DAY) : undefined;
    const closedAt =
      stage >= 8 && agreedAt ? new Date(agreedAt.getTime() + (20 + (i % 30)) * DAY) : undefined;
    const price = 50_000_000 + (i % 97) * 5_000_000;
    const dealId = new mongoose.Types.ObjectId();
    deals.push({
      _id: dealId,
      listingKind: listing.kind,
      [listing.kind === 'offer' ? 'offerId' : 'demandId']: listing._id,
      listingTitle: 'x',
      sellerOrgId: org,
      buyerOrgId: org,
      createdBy: org,
      field: listing.field,
      status: closedAt ? 'closed_won' : agreedAt ? 'awaiting_payment' : 'negotiating',
      createdAt,
      updatedAt: closedAt ?? agreedAt ?? createdAt,
      createdMonth: createdAt.toISOString().slice(0, 7),
      ...(i % 4 === 0 ? { brokerUserId: brokers[i % brokers.length]._id } : {}),
      latestVersion: agreedAt ? 1 : 0,
      termSheets: agreedAt
        ? [
            {
              version: 1,
              price,
              currency: 'VND',
              exclusivity: false,
              proposedBy: org,
              proposedByRole: 'seller',
            },
          ]
        : [],
      ...(agreedAt ? { agreedVersion: 1 } : {}),
      timeline: [
        { at: createdAt, event: 'opened', to: 'negotiating' },
        ...(agreedAt ? [{ at: agreedAt, event: 'agree', from: 'negotiating', to: 'agreed' }] : []),
      ],
      ...(closedAt ? { closedAt } : {}),
    });
    bids.push({
      listingKind: listing.kind,
      listingId: listing._id,
      listingTitle: 'x',
      listingOwnerOrgId: org,
      bidderOrgId: org,
      createdBy: org,
      amount: price,
      currency: 'VND',
      transferMode: 'assignment',
      status: 'submitted',
      createdAt: new Date(createdAt.getTime() - DAY),
    });
    if (closedAt) {
      payments.push({
        dealId,
        purpose: 'success_fee',
        payer: 'buyer',
        payerOrgId: org,
        amount: Math.round(price / 50),
        currency: 'VND',
        provider: 'bank_transfer',
        status: 'paid',
        paidAt: closedAt,
        createdBy: org,
      });
    }
  }
  await insertAll('deals', deals);
  await insertAll('bids', bids);
  await insertAll('payments', payments);
  return {
    published: published.length,
    counts: `${listings} listings (${published.length} published), ${deals.length} deals, ${bids.length} bids, ${payments.length} paid fees`,
  };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function runSize(listings: number, dealCount: number, seconds: number, connections: number) {
  const cleanup = new Cleanup();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-bench-stats-'));
  cleanup.add(async () => fs.rmSync(tmp, { recursive: true, force: true }));
  const onSignal = () => void cleanup.run().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const db = await startFerretDb({ dataDir: path.join(tmp, 'db') });
    cleanup.add(() => db.stop());
    const mongodbUri = `${db.url}bench_stats`;
    const seedStarted = performance.now();
    await mongoose.connect(mongodbUri);
    let seeded: { published: number; counts: string };
    let rebuildSeconds: number;
    try {
      seeded = await seed(listings, dealCount);
      console.log(
        `[${listings}] seeded ${seeded.counts} in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
      );
      // The rebuild the exchange would run at start, timed on its own (the exchange then finds the rollups built).
      const rebuildStarted = performance.now();
      await rebuildStatsRollups();
      rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
    } finally {
      await mongoose.disconnect();
    }
    console.log(`[${listings}] statistics rollups built from the records in ${rebuildSeconds.toFixed(1)} s`);
    const started = performance.now();
    const exchange = await startExchangeChild({ mongodbUri, tmpDir: tmp });
    cleanup.add(() => exchange.stop());
    const startSeconds = (performance.now() - started) / 1000;
    console.log(`[${listings}] exchange up in ${startSeconds.toFixed(1)} s`);
    const indexSeconds = await waitForSearchIndex(
      exchange.url,
      seeded.published,
      60_000 + listings * 5,
    ).catch((err: Error) => (console.log(`[${listings}] ${err.message}; measuring anyway`), NaN));
    console.log(`[${listings}] search index caught up ${indexSeconds.toFixed(1)} s later`);

    const cookie = await signIn(exchange.url, OPERATOR.email, OPERATOR.password);
    const routes = [
      { name: 'GET /api/admin/stats', path: '/api/admin/stats', cookie },
      {
        name: 'GET /api/admin/stats?groupBy=field (1 year)',
        path: `/api/admin/stats?from=${new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10)}&groupBy=field`,
        cookie,
      },
      { name: 'GET /api/public/stats', path: '/api/public/stats' },
    ];
    const bareRoutes: BareRoute[] = [];
    const sizes: Record<string, number> = {};
    for (const route of routes) {
      const first = performance.now();
      const captured = await captureRead(exchange.url, { ...route, db: true, page: false });
      // The first answer is computed from the rollups read from the database (nothing cached yet).
      console.log(`[${listings}] ${route.name}: first answer in ${ms(performance.now() - first)}`);
      sizes[route.name] = Buffer.from(captured[0].response.body, 'base64').length;
      bareRoutes.push(...captured);
    }
    const bare = await startBareChild({ routes: bareRoutes });
    cleanup.add(() => bare.stop());
    const rows: { route: string; ex: LoadResult; ba: LoadResult }[] = [];
    for (const route of routes) {
      const headers = route.cookie ? { cookie: route.cookie } : undefined;
      const ex = await readLoad({ url: `${exchange.url}${route.path}`, connections, seconds, headers });
      const ba = await readLoad({ url: `${bare.url}${route.path}`, connections, seconds, headers });
      rows.push({ route: route.name, ex, ba });
      console.log(
        `[${listings}] ${route.name}: p95 ${ms(ex.p95)}, ${ex.rps.toFixed(0)} req/s; bare ${ba.rps.toFixed(0)} req/s`,
      );
    }
    console.log(
      `\nStatistics bench at ${seeded.counts}; ${connections} connections, ${seconds} s per route and server; ` +
        `${os.cpus().length} CPUs, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}\n`,
    );
    console.log('| route | bytes | p50 | p95 | p99 | req/s | bare req/s | ratio | p95 ≤ 300 ms |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const { route, ex, ba } of rows) {
      console.log(
        `| ${route} | ${sizes[route]} | ${ms(ex.p50)} | ${ms(ex.p95)} | ${ms(ex.p99)} | ${ex.rps.toFixed(0)} | ` +
          `${ba.rps.toFixed(0)} | ${(ex.rps / ba.rps).toFixed(3)} | ${ex.p95 <= TARGET_P95_MS && ex.failed === 0 ? 'yes' : 'NO'}${ex.failed ? ` (${ex.failed} failed)` : ''} |`,
      );
    }
    console.log('');
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup.run();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const sizes = (option(argv, 'listings') ?? '10000').split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100))
    throw new Error('--listings takes whole numbers ≥ 100');
  const seconds = Number(option(argv, 'duration') ?? 5);
  const connections = Number(option(argv, 'connections') ?? 10);
  for (const listings of sizes) {
    const deals = Number(option(argv, 'deals') ?? Math.round(listings / 5));
    await runSize(listings, deals, seconds, connections);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
