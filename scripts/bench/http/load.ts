/**
 * Load generators: autocannon for reads (the same request over and over), and a fixed number of
 * writers each sending its own next request as soon as the previous one answered (every write
 * needs distinct input). Both measure each request's latency here and count only 2xx answers.
 */
import autocannon from 'autocannon';
import type { CpuMeter } from './process-cpu';

/**
 * A request not answered by then counts as failed. Long on purpose: a request the client gives up
 * on still runs on the server and would slow the next route's figures.
 */
export const REQUEST_TIMEOUT_S = 120;
/** A route whose single request takes longer than this behind a run's backlog is not measured further. */
const SLOW_S = 30;
const DRAIN_LIMIT_S = 120;

export interface LoadResult {
  /** 2xx answers per second over the run. */
  rps: number;
  ok: number;
  /** Non-2xx answers, connection errors and time-outs. */
  failed: number;
  p50: number;
  p95: number;
  p99: number;
  seconds: number;
  /** Too slow for the timed run: measured over one request per connection instead. */
  onePerConnection?: boolean;
  /** Too slow even for that: one request took longer than SLOW_S; counted as `connections` failures. */
  tooSlow?: boolean;
  /** Milliseconds of CPU per 2xx answer in the timed run, by process (writes, where /proc tells). */
  cpuMsPerOk?: Record<string, number>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarize(latencies: number[], failed: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    rps: sorted.length / seconds,
    ok: sorted.length,
    failed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    seconds,
  };
}

/**
 * `connections` clients sending the same request for `seconds`. A route slower than that would
 * answer (nearly) nothing within the run, autocannon dropping what is in flight at the end: it is
 * then measured over one request per connection instead, each awaited to the end; unless even a
 * single request took longer than SLOW_S behind those in flight, when it counts as not answering.
 */
export async function readLoad(opts: {
  url: string;
  /** URLs on the same server that each connection asks in turn, instead of `url` over and over. */
  paths?: string[];
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const timed = await autocannonRun({ ...opts, duration: opts.seconds });
  const drainSeconds = await drain(opts.url, opts.headers);
  if (timed.ok >= opts.connections) return timed;
  if (drainSeconds > SLOW_S) return { ...timed, failed: timed.failed + opts.connections, tooSlow: true };
  const slow = await autocannonRun({ ...opts, amount: opts.connections });
  if (slow.failed > 0) await drain(opts.url, opts.headers);
  return { ...slow, onePerConnection: true };
}

/**
 * autocannon stops waiting at the end of its run, but the server still works through the
 * requests in flight: one more request, started after them, is answered about when they are done
 * (or given up after DRAIN_LIMIT_S). Returns how long it took.
 */
async function drain(url: string, headers?: Record<string, string>): Promise<number> {
  const started = performance.now();
  await fetch(url, { headers, signal: AbortSignal.timeout(DRAIN_LIMIT_S * 1000) })
    .then((res) => res.arrayBuffer())
    .catch(() => undefined);
  return (performance.now() - started) / 1000;
}

async function autocannonRun(opts: {
  url: string;
  paths?: string[];
  connections: number;
  headers?: Record<string, string>;
  duration?: number;
  amount?: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration }),
    headers: opts.headers,
    ...(opts.paths ? { requests: opts.paths.map((p) => ({ method: 'GET' as const, path: p })) } : {}),
    timeout: REQUEST_TIMEOUT_S,
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>; // an emitter that is also a promise
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else failed++;
  });
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  const seconds = opts.amount ? elapsed : Math.max(opts.duration ?? 0, elapsed);
  return summarize(latencies, failed + result.errors, seconds); // errors include time-outs
}

/**
 * `writers` loops, each calling `send(writer, i)` for its i-th
 * request until `seconds` have passed or it resolves to undefined (its records are used up);
 * otherwise it resolves to whether the answer was a success.
 */
export async function writeLoad(opts: {
  writers: number;
  seconds: number;
  /**
   * Seconds the writers run before the timed `seconds`, untimed: a process just started compiles
   * its code on its first requests, and that is not what the steady state of a write costs.
   */
  warmupSeconds?: number;
  send: (writer: number, i: number) => Promise<boolean | undefined>;
  /** The CPU used by the servers, read when the timed run begins and when it ends. */
  cpu?: CpuMeter;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  const timedFrom = performance.now() + (opts.warmupSeconds ?? 0) * 1000;
  const end = timedFrom + opts.seconds * 1000;
  let cpuAtStart: Record<string, number | undefined> | undefined;
  const startMeter = setTimeout(() => (cpuAtStart = opts.cpu?.()), timedFrom - performance.now());
  await Promise.all(
    Array.from({ length: opts.writers }, async (_, w) => {
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now();
        const ok = await opts.send(w, i).catch(() => false);
        if (ok === undefined) return;
        if (t0 < timedFrom) continue;
        if (ok) latencies.push(performance.now() - t0);
        else failed++;
      }
    }),
  );
  clearTimeout(startMeter);
  const result = summarize(latencies, failed, Math.max(0.001, (performance.now() - timedFrom) / 1000));
  const cpuAtEnd = opts.cpu?.();
  if (cpuAtStart && cpuAtEnd && result.ok > 0) {
    const perOk = Object.entries(cpuAtEnd).flatMap(([name, seconds]) => {
      const before = cpuAtStart?.[name];
      return seconds === undefined || before === undefined
        ? []
        : [[name, ((seconds - before) * 1000) / result.ok]];
    });
    if (perOk.length > 0) result.cpuMsPerOk = Object.fromEntries(perOk);
  }
  return result;
}
