/**
 * Search through the whole exchange (`npm run bench:search`): synthetic published listings are
 * inserted into a throw-away FerretDB, indexed from the database (timed), then a realistic query
 * mix is sent to `GET /api/search` over real HTTP and to the engine directly; prints the
 * p50/p95/p99 latencies of both and their ratio (what HTTP, validation and JSON add). Runs on the
 * embedded engine (on its thread, as the exchange runs it) and, when the Meilisearch binary is
 * beside the repository, on Meilisearch too. The exchange's answer cache is off here
 * (SEARCH_CACHE_MS=0): every query reaches the engine.
 *
 * Then throughput: the exchange as its own process (as in production) answers the mix to 20
 * concurrent clients (autocannon, as `npm run bench:http`) for `--seconds`, and so does a bare
 * Express app answering each query with the bytes the exchange answered to it; it prints both
 * req/s and their ratio (issue 11's target: at least 0.3), with the answer cache off (every request
 * reaches the engine) and then on, as in production (SEARCH_CACHE_MS's default).
 *
 *   npx tsx scripts/bench/search.ts [--n 10000,100000] [--rounds 5] [--engines embedded,meilisearch]
 *     [--connections 20] [--seconds 10]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { loadConfig } from '../../server/config';
import { connectDatabase, disconnectDatabase } from '../../server/common/db';
import { setLogLevel } from '../../server/common/logger';
import { startExchange } from '../../server/exchange';
import { rebuildSearchIndex } from '../../server/search-sync/search-sync.service';
import { searchSyncWorkerOf } from '../../server/search-sync/search-sync.worker';
import { createSearchEngine, type SearchEngine, type SearchQuery } from '../../search';
import { startFerretDb, type RunningService } from '../services/services';
import { meilisearchBinary, startMeilisearch, type RunningMeilisearch } from '../services/meilisearch';
import { generateSyntheticListings } from '../synthetic/listings';
import { insertSyntheticListings } from '../seed-loader/synthetic-records';
import { searchQueryMix } from './search-queries';
import { startBareChild } from './http/bare-server';
import { startExchangeChild, waitForSearchCatchUp } from './http/exchange-child';
import { readLoad, type LoadResult } from './http/load';
import { captureRead } from './http/scenarios';

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

interface SizeResult {
  engineName: string;
  n: number;
  insertSeconds: number;
  indexSeconds: number;
  queries: number;
  http: Percentiles;
  engine: Percentiles;
  /** The exchange (own process) and the bare app under the same concurrent load. */
  throughput: Throughput[];
}

interface Throughput {
  /** Every query reaches the engine, or the exchange's answer cache is on (as in production). */
  cache: 'off' | 'on';
  exchange: LoadResult;
  bare: LoadResult;
}

interface LoadOptions {
  connections: number;
  seconds: number;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return { p50: at(50), p95: at(95), p99: at(99) };
}

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function toParams(q: SearchQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
  return params.toString();
}

async function httpSearch(url: string, q: SearchQuery): Promise<void> {
  const res = await fetch(`${url}/api/search?${toParams(q)}`);
  await res.json();
  if (res.status !== 200) throw new Error(`GET /api/search?${toParams(q)} answered ${res.status}`);
}

/**
 * Each query over HTTP and then in-process, one after the other, so that both see the same load
 * (the machine may be shared); the first round warms up and is not counted.
 */
async function timeBoth(url: string, search: SearchEngine, mix: SearchQuery[], rounds: number) {
  const http: number[] = [];
  const engine: number[] = [];
  for (let round = -1; round < rounds; round++) {
    for (const q of mix) {
      let started = performance.now();
      await httpSearch(url, q);
      const httpMs = performance.now() - started;
      started = performance.now();
      await search.search({ limit: 20, page: 1, sort: 'relevance', ...q });
      const engineMs = performance.now() - started;
      if (round >= 0) {
        http.push(httpMs);
        engine.push(engineMs);
      }
    }
  }
  return { http, engine };
}

interface EngineUnderTest {
  name: 'embedded' | 'meilisearch';
  /** The exchange's configuration for this engine. */
  env: Record<string, string>;
  /** Starts what the engine needs (Meilisearch), once, before its first size. */
  start?(): Promise<void>;
  create(indexPath: string): SearchEngine;
}

/**
 * req/s of `GET /api/search` over the mix at `connections` concurrent clients: the exchange as its
 * own process on the index just built, then a bare Express app replaying its answers.
 */
async function throughput(
  env: Record<string, string>,
  dir: string,
  mongodbUri: string,
  mix: SearchQuery[],
  load: LoadOptions,
): Promise<Throughput[]> {
  const paths = [...new Set(mix.map((q) => `/api/search?${toParams(q)}`))];
  const results: Throughput[] = [];
  for (const cache of ['off', 'on'] as const) {
    const { SEARCH_CACHE_MS: _off, ...cached } = env;
    const exchange = await startExchangeChild({
      mongodbUri,
      tmpDir: dir,
      env: cache === 'off' ? env : cached,
    });
    await waitForSearchCatchUp(exchange.url, 600_000);
    let routes;
    let exchangeLoad: LoadResult;
    try {
      routes = await captureRead(exchange.url, {
        name: 'search mix',
        path: paths[0],
        paths,
        db: false,
        page: false,
      });
      exchangeLoad = await readLoad({ url: `${exchange.url}${paths[0]}`, paths, ...load });
    } finally {
      await exchange.stop();
    }
    const bare = await startBareChild({ routes });
    try {
      results.push({
        cache,
        exchange: exchangeLoad,
        bare: await readLoad({ url: `${bare.url}${paths[0]}`, paths, ...load }),
      });
    } finally {
      await bare.stop();
    }
  }
  return results;
}

async function benchSize(
  engine: EngineUnderTest,
  n: number,
  inserted: number,
  dir: string,
  mongodbUri: string,
  rounds: number,
  load: LoadOptions,
): Promise<SizeResult> {
  const listings = generateSyntheticListings(n, 42).slice(inserted);
  let started = performance.now();
  await insertSyntheticListings(listings);
  const insertSeconds = (performance.now() - started) / 1000;

  const indexPath = path.join(dir, `index-${engine.name}-${n}.sqlite`);
  const search = engine.create(indexPath);
  await search.open();
  started = performance.now();
  await rebuildSearchIndex({ search });
  const indexSeconds = (performance.now() - started) / 1000;
  await search.close();

  const settings = {
    SEARCH_INDEX_PATH: indexPath,
    SEARCH_CACHE_MS: '0',
    SEARCH_RATE_LIMIT: '100000000',
    // The deadline sweep reads every listing: keep it out of the measurement.
    SCHEDULER_INTERVAL_MS: String(3_600_000),
    ...engine.env,
  };
  const exchange = await startExchange(
    loadConfig({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATA_DIR: dir,
      MONGODB_URI: mongodbUri,
      SESSION_SECRET: 'bench-session-secret-0123456789',
      ...settings,
    } as NodeJS.ProcessEnv),
  );
  const mix = searchQueryMix();
  let latencies: { http: number[]; engine: number[] };
  try {
    // Let the indexer's start-up pass over the dirty marks finish before measuring.
    await searchSyncWorkerOf(exchange.ctx)?.idle();
    latencies = await timeBoth(exchange.url, exchange.ctx.search, mix, rounds);
  } finally {
    await exchange.stop();
  }
  return {
    engineName: engine.name,
    n,
    insertSeconds,
    indexSeconds,
    queries: latencies.http.length,
    http: percentiles(latencies.http),
    engine: percentiles(latencies.engine),
    throughput: await throughput(settings, dir, mongodbUri, mix, load),
  };
}

function printTable(results: SizeResult[]): void {
  const ms = (x: number) => x.toFixed(2);
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
  console.log(
    '\nGET /api/search over HTTP vs the engine asked directly (ms), every query reaching the engine',
  );
  console.log(
    '| engine | listings | insert s | index build s | queries | HTTP p50 | HTTP p95 | HTTP p99 | engine p50 | engine p95 | engine p99 | ratio p50 | ratio p95 | ratio p99 |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.engineName} | ${r.n} | ${r.insertSeconds.toFixed(1)} | ${r.indexSeconds.toFixed(1)} | ${r.queries} | ` +
        `${ms(r.http.p50)} | ${ms(r.http.p95)} | ${ms(r.http.p99)} | ${ms(r.engine.p50)} | ${ms(r.engine.p95)} | ${ms(r.engine.p99)} | ` +
        `${ratio(r.http.p50, r.engine.p50)} | ${ratio(r.http.p95, r.engine.p95)} | ${ratio(r.http.p99, r.engine.p99)} |`,
    );
  }
  const connections = argument('connections', '20');
  console.log(
    `\nGET /api/search throughput at ${connections} concurrent clients over the mix, the exchange as its own process vs a bare Express app answering the same bytes (target: ratio ≥ 0.3)`,
  );
  console.log(
    '| engine | listings | answer cache | exchange req/s | exchange p50 / p95 / p99 ms | bare req/s | bare p50 / p95 / p99 ms | ratio | met |',
  );
  console.log('|---|---:|---|---:|---:|---:|---:|---:|---|');
  const times = (l: LoadResult) => [l.p50, l.p95, l.p99].map((t) => t.toFixed(1)).join(' / ');
  for (const r of results) {
    for (const { cache, exchange, bare } of r.throughput) {
      const share = bare.rps > 0 ? exchange.rps / bare.rps : 0;
      console.log(
        `| ${r.engineName} | ${r.n} | ${cache} | ${exchange.rps.toFixed(0)} | ${times(exchange)} | ${bare.rps.toFixed(0)} | ${times(bare)} | ` +
          `${share.toFixed(2)} | ${share >= 0.3 ? 'yes' : 'no'} |`,
      );
    }
  }
  console.log(
    `(load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')})`,
  );
}

function enginesToRun(dir: string, cleanUps: (() => Promise<void>)[]): EngineUnderTest[] {
  const wanted = argument('engines', 'embedded,meilisearch').split(',');
  const engines: EngineUnderTest[] = [];
  if (wanted.includes('embedded')) {
    engines.push({
      name: 'embedded',
      env: {},
      create: (indexPath) => createSearchEngine({ embeddedPath: indexPath, thread: true }),
    });
  }
  if (wanted.includes('meilisearch')) {
    if (!meilisearchBinary()) {
      console.error(
        'Meilisearch: no binary beside the repository (../shared/tools/meilisearch); embedded engine only',
      );
      return engines;
    }
    let meili: RunningMeilisearch | undefined;
    const env: Record<string, string> = {};
    cleanUps.push(async () => meili?.stop());
    engines.push({
      name: 'meilisearch',
      env,
      async start() {
        meili ??= await startMeilisearch({ dataDir: path.join(dir, 'meili') });
        env.MEILI_HOST = meili.url;
        env.MEILI_KEY = meili.masterKey;
      },
      create: () =>
        createSearchEngine({ meiliHost: env.MEILI_HOST, meiliKey: env.MEILI_KEY, embeddedPath: ':memory:' }),
    });
  }
  return engines;
}

async function main(): Promise<void> {
  const sizes = argument('n', '10000,100000')
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
  const rounds = Number(argument('rounds', '5'));
  const load: LoadOptions = {
    connections: Number(argument('connections', '20')),
    seconds: Number(argument('seconds', '10')),
  };
  setLogLevel('warn');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-http-bench-'));
  let db: RunningService | undefined;
  const cleanUps: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    if (mongoose.connection.readyState === 1) await disconnectDatabase();
    await db?.stop();
    for (const stop of cleanUps) await stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  try {
    const results: SizeResult[] = [];
    for (const engine of enginesToRun(dir, cleanUps)) {
      await engine.start?.();
      // Each engine on a fresh database, so both see the same listings inserted the same way.
      if (mongoose.connection.readyState === 1) await disconnectDatabase();
      await db?.stop();
      db = await startFerretDb({ dataDir: path.join(dir, `db-${engine.name}`) });
      const mongodbUri = `${db.url}bench_search`;
      await connectDatabase(mongodbUri);
      let inserted = 0;
      for (const n of sizes) {
        console.error(`${engine.name}: inserting, indexing and querying ${n} synthetic listings…`);
        results.push(await benchSize(engine, n, inserted, dir, mongodbUri, rounds, load));
        inserted = n;
      }
    }
    printTable(results);
  } finally {
    await cleanUp();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
