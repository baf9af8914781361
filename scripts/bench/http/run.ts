/**
 * One HTTP bench run at one data size: a throw-away FerretDB seeded directly, the exchange as a
 * child process, a bare Express child answering the same bytes; reads through autocannon, writes
 * through fixed writers; every process started here is stopped before it returns.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { capture, startBareChild, type BareChild, type BareRoute } from './bare-server';
import { OPERATOR } from './exchange-child';
import { readLoad, writeLoad, type LoadResult } from './load';
import {
  captureRead,
  httpWrites,
  messageWriters,
  readRoutes,
  sendTimedWrite,
  sendWrite,
  signIn,
  type HttpWrite,
} from './scenarios';
import type { Fixture } from './seed';
import { Cleanup, startStack } from './stack';
import { cpuMeter, withOwnCpu } from './process-cpu';
import { targetsFor, type Targets } from './targets';

export interface RunOptions {
  /** Total listings; 0: the demo data alone. */
  listings: number;
  label: string;
  seconds: number;
  /** Seconds each write runs untimed before its timed `seconds` (the same writers, going on). */
  warmupSeconds: number;
  connections: number;
  writers: number;
  paymentsPerWriter: number;
  acceptsPerWriter: number;
  roomsPerWriter: number;
  query: string;
  /** Names (or parts of names) of the read routes to run; empty: all. */
  reads: string[];
  /** Likewise for writes; ['none'] runs none. */
  writes: string[];
  log: (line: string) => void;
}

export interface Row {
  route: string;
  kind: 'read' | 'write';
  exchange: LoadResult;
  bare: LoadResult;
  ratio: number;
  targets: Targets;
  /** Whether every target shown for the row is met (undefined: none applies). */
  met?: boolean;
}

export interface SizeResult {
  label: string;
  listings: number;
  counts: Record<string, number>;
  seedSeconds: number;
  exchangeStartSeconds: number;
  indexSeconds: number;
  rows: Row[];
  /** Routes left out because the exchange could not answer them once. */
  skipped: string[];
  /** The machine's 1-minute load average when the measuring began and when it ended. */
  loadAverage: [number, number];
}

const selected = (names: string[], name: string) =>
  names.length === 0 || names.some((n) => n !== 'none' && name.includes(n));

export async function runSize(opts: RunOptions): Promise<SizeResult> {
  const cleanup = new Cleanup();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-bench-http-'));
  cleanup.add(async () => fs.rmSync(tmp, { recursive: true, force: true }));
  const onSignal = () => void cleanup.run().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const { fixture, exchange, databasePid, timings } = await startStack(opts, tmp, cleanup);
    const cpu = withOwnCpu(cpuMeter({ exchange: exchange.pid, database: databasePid }));
    const readerCookie = await signIn(exchange.url, fixture.reader.email, fixture.reader.password);
    const operatorCookie = await signIn(exchange.url, OPERATOR.email, OPERATOR.password);
    const reads = readRoutes(fixture, readerCookie, opts.query).filter((r) => selected(opts.reads, r.name));
    const writes = httpWrites(fixture, operatorCookie).filter((w) => selected(opts.writes, w.name));
    const messagesName = 'socket message:send';
    const runMessages = selected(opts.writes, messagesName);

    // One answer of each route, captured for the bare server (and a first warm request). A route
    // the exchange cannot answer is reported and left out rather than ending the run.
    const skipped: string[] = [];
    const attempt = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await fn();
      } catch (err) {
        opts.log(`[${opts.label}] ${name}: left out, ${(err as Error).message}`);
        skipped.push(name);
        return undefined;
      }
    };
    const bareRoutes: BareRoute[] = [];
    for (const route of reads) {
      const captured = await attempt(route.name, () => captureRead(exchange.url, route));
      if (captured) bareRoutes.push(...captured);
    }
    for (const write of writes) {
      const captured = await attempt(write.name, () => captureWrite(exchange.url, write, fixture));
      if (captured) bareRoutes.push(captured);
    }
    const bare: BareChild = await startBareChild({ routes: bareRoutes });
    cleanup.add(() => bare.stop());
    const bareCpu = withOwnCpu(cpuMeter({ bare: bare.pid }));

    const rows: Row[] = [];
    const addRow = (
      route: string,
      kind: Row['kind'],
      ex: LoadResult,
      ba: LoadResult,
      db = true,
      page = false,
    ) => {
      const targets = targetsFor({ kind, db, page, listings: opts.listings });
      const row: Row = { route, kind, exchange: ex, bare: ba, ratio: ex.rps / ba.rps, targets };
      row.met = meets(row);
      rows.push(row);
      opts.log(
        `[${opts.label}] ${route}: ${ex.rps.toFixed(0)} req/s, p95 ${ex.p95.toFixed(1)} ms` +
          `${ex.failed ? ` (${ex.failed} failed)` : ''}; bare ${ba.rps.toFixed(0)} req/s`,
      );
    };
    const loadBefore = os.loadavg()[0];
    const load = { connections: opts.connections, seconds: opts.seconds };
    for (const route of reads.filter((r) => !skipped.includes(r.name))) {
      const headers = route.cookie ? { cookie: route.cookie } : undefined;
      const ex = await readLoad({
        ...load,
        url: `${exchange.url}${route.path}`,
        paths: route.paths,
        headers,
      });
      const ba = await readLoad({ ...load, url: `${bare.url}${route.path}`, paths: route.paths, headers });
      addRow(route.name, 'read', ex, ba, route.db, route.page);
    }
    // Each writer keeps its connection, as autocannon's connections do.
    const agent = new http.Agent({ keepAlive: true, maxSockets: opts.writers });
    cleanup.add(async () => agent.destroy());
    for (const write of writes.filter((w) => !skipped.includes(w.name))) {
      const ex = await writeLoad({
        writers: opts.writers,
        seconds: opts.seconds,
        warmupSeconds: opts.warmupSeconds,
        send: (w, i) => sendTimedWrite(exchange.url, agent, write, w, i),
        cpu,
      });
      const ba = await writeLoad({
        writers: opts.writers,
        seconds: opts.seconds,
        warmupSeconds: opts.warmupSeconds,
        // The bare server never runs out of records: a writer whose records are used up starts over.
        send: async (w, i) =>
          (await sendTimedWrite(bare.url, agent, write, w, i)) ??
          (await sendTimedWrite(bare.url, agent, write, w, 0)),
        cpu: bareCpu,
      });
      addRow(write.name, 'write', ex, ba);
    }
    const messages =
      runMessages &&
      (await attempt(messagesName, async () => {
        const writers = await messageWriters(exchange.url, fixture, true);
        cleanup.add(async () => writers.close());
        if (!(await writers.send(0, 0))) throw new Error('the exchange refused a message');
        await bare.setMessageAck(writers.lastAck());
        return writers;
      }));
    if (messages) {
      const ex = await writeLoad({
        writers: opts.writers,
        seconds: opts.seconds,
        warmupSeconds: opts.warmupSeconds,
        send: (w, i) => messages.send(w, i + 1),
        cpu,
      });
      const bareMessages = await messageWriters(bare.url, fixture, false);
      cleanup.add(async () => bareMessages.close());
      const ba = await writeLoad({
        writers: opts.writers,
        seconds: opts.seconds,
        warmupSeconds: opts.warmupSeconds,
        send: (w, i) => bareMessages.send(w, i),
        cpu: bareCpu,
      });
      addRow(messagesName, 'write', ex, ba);
    }
    return {
      label: opts.label,
      listings: fixture.counts.listings,
      counts: fixture.counts,
      ...timings,
      rows,
      skipped,
      loadAverage: [loadBefore, os.loadavg()[0]],
    };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup.run();
  }
}

/**
 * Sends one write of writer 0 to capture the answer (a one-shot write: the last record of the
 * writer's pool, taken out of it).
 */
async function captureWrite(url: string, write: HttpWrite, fixture: Fixture): Promise<BareRoute> {
  const pool = write.pool?.(fixture.writers[0]);
  const i = pool ? pool.length - 1 : 0;
  const sent = await sendWrite(url, write, 0, i);
  if (!sent?.ok) {
    throw new Error(`${write.name} answered ${sent?.res.status}: ${sent?.body.toString().slice(0, 300)}`);
  }
  pool?.pop();
  return { method: 'post', pattern: write.pattern, response: capture(sent.res, sent.body) };
}

function meets(row: Row): boolean | undefined {
  const checks: boolean[] = [];
  const { targets, exchange } = row;
  if (targets.ratio !== undefined) checks.push(row.ratio >= targets.ratio);
  if (targets.p95 !== undefined) checks.push(exchange.p95 <= targets.p95);
  if (targets.p99 !== undefined) checks.push(exchange.p99 <= targets.p99);
  if (checks.length === 0) return undefined;
  return checks.every(Boolean) && exchange.ok > 0;
}
