/**
 * The exchange as its own OS process (`server/main.ts`), as `npm start` runs it in production:
 * embedded search in the bench's temporary folder, locks in memory, no demo seeding, quiet logs.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';

export interface ExchangeChild {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../../..');

export const BENCH_SESSION_SECRET = 'bench-http-session-secret-0123456789';
export const OPERATOR = { email: 'operator@bench.example.vn', password: 'operator-Password-2026' };

/** `BENCH_CPU_PROF_DIR=dir`: the exchange writes a CPU profile (`node --cpu-prof`) there when it stops. */
function profileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF_DIR;
  return dir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(dir)] : [];
}

export function startExchangeChild(opts: {
  mongodbUri: string;
  tmpDir: string;
  /** Settings over those above (e.g. another search index or engine). */
  env?: Record<string, string>;
}): Promise<ExchangeChild> {
  const child = spawn(process.execPath, [...profileArgs(), '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      PUBLIC_URL: 'http://127.0.0.1',
      MONGODB_URI: opts.mongodbUri,
      SESSION_SECRET: BENCH_SESSION_SECRET,
      SEED_DEMO: 'false',
      DATA_DIR: path.join(opts.tmpDir, 'data'),
      SEARCH_INDEX_PATH: path.join(opts.tmpDir, 'search.sqlite'),
      CLIENT_DIR: path.join(opts.tmpDir, 'no-client'),
      // One load generator is one client: the per-client limits would measure refusals.
      LOGIN_RATE_LIMIT: '100000',
      LOGIN_IP_RATE_LIMIT: '100000',
      REGISTER_RATE_LIMIT: '100000',
      SEARCH_RATE_LIMIT: '100000000',
      ADMIN_EMAIL: OPERATOR.email,
      ADMIN_PASSWORD: OPERATOR.password,
      // As `npm start` runs on its embedded database (one process alone on it); LOCK_BACKEND=database
      // measures lock documents, as processes sharing a database without Redis keep them.
      ...(process.env.REDIS_URL ? {} : { LOCK_BACKEND: process.env.LOCK_BACKEND ?? 'memory' }),
      ...opts.env,
    },
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  // Killed with us on any exit, even one that skips the finally blocks.
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  child.once('exit', () => process.off('exit', onExit));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      const ready = /READY (\S+)/.exec(text);
      if (ready) resolve({ url: ready[1], pid: child.pid!, stop });
      else output = (output + text).slice(-4000);
    });
    child.once('exit', (code) => reject(new Error(`the exchange exited (${code}): ${output.slice(-1500)}`)));
  });
}

/** Waits until public search shows `expected` listings (the index has caught up); returns the seconds it took. */
export async function waitForSearchIndex(url: string, expected: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  let total = -1;
  while (performance.now() - started < timeoutMs) {
    const res = await fetch(`${url}/api/search?limit=1`).catch(() => undefined);
    if (res?.ok) {
      total = ((await res.json()) as { total: number }).total;
      if (total >= expected) return (performance.now() - started) / 1000;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the search index shows ${total} of ${expected} listings after ${timeoutMs / 1000} s`);
}

/**
 * Waits until the exchange's indexer has done its start-up catch-up (`/readyz` says the index is
 * current): its pass over the dirty marks reads both listing collections, which on FerretDB keeps
 * the database busy for seconds at 100,000 listings, so a load measured before it ends measures
 * the start-up. Returns the seconds it took.
 */
export async function waitForSearchCatchUp(url: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  let state = 'unknown';
  while (performance.now() - started < timeoutMs) {
    const res = await fetch(`${url}/readyz`).catch(() => undefined);
    if (res?.ok) {
      state = ((await res.json()) as { searchIndex?: string }).searchIndex ?? 'no indexer';
      if (state !== 'catching-up') return (performance.now() - started) / 1000;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the search index is still ${state} after ${timeoutMs / 1000} s`);
}
