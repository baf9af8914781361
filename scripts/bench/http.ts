/**
 * HTTP benchmark (`npm run bench:http`): the exchange against a bare Express answering the same
 * bytes, read routes and writes, at one or more data sizes. For each size it starts a throw-away
 * FerretDB, seeds it straight through the driver (demo data, synthetic listings, deals with term
 * sheets and messages, bids, payments, notifications), starts the exchange (`server/main.ts`) as
 * a child process and waits until its search index has caught up, captures one answer per route
 * for the bare server, then loads each route for `--duration` seconds on each: reads with
 * autocannon, writes with a fixed number of writers each on its own records (a message is sent
 * over Socket.IO, as the client does; its baseline is a bare Socket.IO acknowledging the same
 * bytes). Prints one table per size (req/s, p50/p95/p99, the ratio to bare, the targets of issue
 * 20) and writes them as JSON with `--json`.
 *
 *   npm run bench:http -- [--listings demo,10000] [--duration 4] [--warmup 2] [--connections 20]
 *                         [--writers 20] [--payments 200] [--accepts 200] [--rooms 20] [--query "công nghệ"] [--json out.json]
 *                         [--reads offers,deals] [--writes none|bids,terms,message,payments]
 *
 * `--listings 100000` for the large run. About four minutes with the defaults. The exchange child
 * inherits the environment, so e.g. `SEARCH_CACHE_MS=0 npm run bench:http -- --reads search`
 * measures search with every query reaching the engine, and `LOCK_BACKEND=database npm run
 * bench:http` keeps the locks in the database (as processes sharing it without Redis do) instead
 * of in memory (as `npm start` on its embedded database does).
 */
import fs from 'node:fs';
import os from 'node:os';
import { runSize, type SizeResult } from './http/run';
import { sizeTable } from './http/report';

interface Options {
  sizes: { label: string; listings: number }[];
  seconds: number;
  warmupSeconds: number;
  connections: number;
  writers: number;
  paymentsPerWriter: number;
  acceptsPerWriter: number;
  roomsPerWriter: number;
  query: string;
  reads: string[];
  writes: string[];
  json?: string;
}

function parseOptions(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i !== -1) return argv[i + 1];
    return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const num = (name: string, fallback: number, min = Number.MIN_VALUE) => {
    const raw = get(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < min)
      throw new Error(`--${name} must be a ${min === 0 ? 'non-negative' : 'positive'} number`);
    return value;
  };
  const list = (name: string) =>
    (get(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const sizes = (list('listings').length > 0 ? list('listings') : ['demo', '10000']).map((s) => {
    if (s === 'demo') return { label: 'demo', listings: 0 };
    const listings = Number(s.replace(/_/g, ''));
    if (!Number.isInteger(listings) || listings < 1)
      throw new Error('--listings takes "demo" or whole numbers');
    return { label: listings.toLocaleString('en'), listings };
  });
  return {
    sizes,
    seconds: num('duration', 4),
    warmupSeconds: num('warmup', 2, 0),
    connections: num('connections', 20),
    writers: num('writers', 20),
    // Enough transfers for each writer to confirm through the warm-up and the timed seconds.
    paymentsPerWriter: num('payments', 200),
    // Likewise deals awaiting the writer's acceptance of their latest version.
    acceptsPerWriter: num('accepts', 200),
    // A person may send 2 messages a second into one room (burst 10) and join 20 rooms at once:
    // at 700 messages a second 20 writers need 18 rooms each, or the limit is what is measured.
    roomsPerWriter: num('rooms', 20),
    query: get('query') ?? 'công nghệ',
    reads: list('reads'),
    writes: list('writes'),
    json: get('json'),
  };
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const results: SizeResult[] = [];
  const header = () =>
    `HTTP bench, ${opts.seconds} s per route and server (writes after ${opts.warmupSeconds} s untimed); ${os.cpus().length} CPUs, Node ${process.version}; ` +
    `${((performance.now() - started) / 1000).toFixed(0)} s so far`;
  for (const size of opts.sizes) {
    const result = await runSize({
      ...size,
      seconds: opts.seconds,
      warmupSeconds: opts.warmupSeconds,
      connections: opts.connections,
      writers: opts.writers,
      paymentsPerWriter: opts.paymentsPerWriter,
      acceptsPerWriter: opts.acceptsPerWriter,
      roomsPerWriter: opts.roomsPerWriter,
      query: opts.query,
      reads: opts.reads,
      writes: opts.writes,
      log: (line) => console.log(line),
    });
    results.push(result);
    // Each size's table as soon as it is measured, and the JSON so far: a long run stopped half-way keeps them.
    console.log(
      `\n${header()}\n\n${sizeTable(result, opts.connections, opts.writers, opts.seconds, opts.warmupSeconds)}\n`,
    );
    if (opts.json) {
      const report = {
        at: new Date().toISOString(),
        machine: { cpus: os.cpus().length, node: process.version },
        options: { ...opts, json: undefined },
        sizes: results,
      };
      fs.writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
    }
  }
  if (opts.json) console.log(`results written to ${opts.json}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
