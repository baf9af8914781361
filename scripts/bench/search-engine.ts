/**
 * Benchmark of the search engines on synthetic listings: index build time, resident memory and
 * search latency percentiles over a realistic query mix. The embedded engine runs in process;
 * with `--engine meilisearch` the same mix goes to a throw-away Meilisearch (the binary beside
 * the repository) through its HTTP API.
 *
 *   npx tsx scripts/bench/search-engine.ts [--n 10000,100000] [--rounds 20] [--engine embedded|meilisearch]
 *
 * Each size runs in its own child process so resident memory is measured per size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedSearchEngine } from '../../search/embedded/embedded-engine';
import { MeiliSearchEngine } from '../../search/meili/meili-engine';
import type { SearchEngine } from '../../search/types';
import { startMeilisearch, type RunningMeilisearch } from '../services/meilisearch';
import { generateSyntheticListings, toSearchDoc } from '../synthetic/listings';
import { queryCategory, searchQueryMix } from './search-queries';

export { searchQueryMix, queryCategory } from './search-queries';

interface SizeResult {
  n: number;
  buildSeconds: number;
  rssMb: number;
  fileMb: number;
  reopenMs: number;
  queries: number;
  all: Percentiles;
  /** CPU time of the search thread: what a query costs, less the waiting on a shared machine. */
  cpu: Percentiles;
  /** Wall time of a fixed CPU loop in the same process: compare runs by this. */
  bareLoopMs: number;
  byCategory: Record<string, Percentiles>;
}

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return { p50: at(50), p95: at(95), p99: at(99) };
}

async function benchSize(n: number, rounds: number, engineName: string): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'search-bench-'));
  const path = join(dir, 'index.sqlite');
  let meili: RunningMeilisearch | null = null;
  try {
    let docs = generateSyntheticListings(n, 42).map(toSearchDoc);
    let engine: SearchEngine;
    if (engineName === 'meilisearch') {
      meili = await startMeilisearch({ dataDir: join(dir, 'meili') });
      engine = new MeiliSearchEngine({ host: meili.url, apiKey: meili.masterKey, indexName: 'bench' });
    } else {
      engine = new EmbeddedSearchEngine(path);
    }
    await engine.open();
    const started = performance.now();
    for (let i = 0; i < docs.length; i += 5000) await engine.upsert(docs.slice(i, i + 5000));
    const buildSeconds = (performance.now() - started) / 1000;
    docs = [];
    await engine.close();

    const reopenStarted = performance.now();
    await engine.open();
    const reopenMs = performance.now() - reopenStarted;
    global.gc?.();

    const mix = searchQueryMix();
    for (const q of mix) await engine.search(q);
    const all: number[] = [];
    const cpu: number[] = [];
    const byCategory: Record<string, number[]> = {};
    const bareStarted = performance.now();
    let sink = 0;
    for (let i = 0; i < 20_000_000; i++) sink += i % 7;
    const bareLoopMs = performance.now() - bareStarted + (sink < 0 ? 1 : 0);
    for (let round = 0; round < rounds; round++) {
      for (const q of mix) {
        const cpuStarted = process.cpuUsage();
        const t = performance.now();
        await engine.search(q);
        const ms = performance.now() - t;
        const used = process.cpuUsage(cpuStarted);
        cpu.push((used.user + used.system) / 1000);
        all.push(ms);
        (byCategory[queryCategory(q)] ??= []).push(ms);
      }
    }
    const rssMb = process.memoryUsage().rss / 1e6;
    await engine.close();
    return {
      n,
      buildSeconds,
      rssMb,
      fileMb: engineName === 'meilisearch' ? 0 : statSync(path).size / 1e6,
      reopenMs,
      queries: all.length,
      all: percentiles(all),
      cpu: percentiles(cpu),
      bareLoopMs,
      byCategory: Object.fromEntries(Object.entries(byCategory).map(([k, v]) => [k, percentiles(v)])),
    };
  } finally {
    await meili?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(results: SizeResult[], engineName: string): void {
  const ms = (x: number): string => x.toFixed(2);
  console.log(
    engineName === 'meilisearch'
      ? '\nMeilisearch through its HTTP API (CPU time is the client side only)'
      : '\nEmbedded search engine (SQLite FTS5), in-process',
  );
  console.log(
    '| listings | build s | RSS MB | file MB | reopen ms | queries | p50 ms | p95 ms | p99 ms | CPU p50 / p95 / p99 ms | bare loop ms |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.n} | ${r.buildSeconds.toFixed(2)} | ${r.rssMb.toFixed(0)} | ${r.fileMb.toFixed(0)} | ${r.reopenMs.toFixed(0)} | ${r.queries} | ${ms(r.all.p50)} | ${ms(r.all.p95)} | ${ms(r.all.p99)} | ${ms(r.cpu.p50)} / ${ms(r.cpu.p95)} / ${ms(r.cpu.p99)} | ${r.bareLoopMs.toFixed(0)} |`,
    );
  }
  console.log(
    '(bare loop: 2e7 iterations of a fixed loop in the same process; compare runs by it, larger means a slower or busier machine)',
  );
  console.log('\nBy kind of query (p50 / p95 / p99 ms)');
  console.log('| listings | ' + Object.keys(results[0].byCategory).join(' | ') + ' |');
  console.log(
    '|---:|' +
      Object.keys(results[0].byCategory)
        .map(() => '---:|')
        .join(''),
  );
  for (const r of results) {
    const cells = Object.values(r.byCategory).map((p) => `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}`);
    console.log(`| ${r.n} | ${cells.join(' | ')} |`);
  }
}

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const rounds = Number(argument('rounds', '20'));
  const engineName = argument('engine', 'embedded');
  const child = argument('child', '');
  if (child) {
    process.stdout.write(JSON.stringify(await benchSize(Number(child), rounds, engineName)) + '\n');
    return;
  }
  const sizes = argument('n', '10000,100000').split(',').map(Number);
  const results: SizeResult[] = [];
  for (const n of sizes) {
    console.error(`indexing and querying ${n} synthetic listings…`);
    const run = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        '--expose-gc',
        __filename,
        '--child',
        String(n),
        '--rounds',
        String(rounds),
        '--engine',
        engineName,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (run.status !== 0) throw new Error(`benchmark of ${n} listings failed`);
    results.push(JSON.parse(run.stdout.trim().split('\n').pop()!) as SizeResult);
  }
  printTable(results, engineName);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
