/**
 * The exchange as a separate OS process (`server/main.ts`), sharing the test database (or on one
 * of its own, another exchange): for the tests that need several server processes at once. Stopped with SIGTERM like a real deployment,
 * or killed with SIGKILL (`crash`) like a machine losing power.
 */
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import { TEST_PASSWORD_HASH_ENV } from './config';

export interface ExchangeProcess {
  url: string;
  stop(): Promise<void>;
  /** `kill -9`: the process ends at once, in the middle of whatever it was doing. */
  crash(): Promise<void>;
  /** The process's last log lines (warnings and errors; everything with TEST_EXCHANGE_LOG), for a failure's message. */
  logTail(): string;
}

const KEPT_LOG_CHARS = 20_000;

/** The same server as `uri`, another database: each test file that starts an exchange names its own. */
export function otherDatabase(uri: string, name: string): string {
  const url = new URL(uri);
  url.pathname = `/${name}`;
  return url.toString();
}

const root = path.resolve(__dirname, '../..');

/**
 * The data directory of an exchange on `uri` (where its federation key lives): the test app's for
 * the test database (one exchange, however many processes), one per other database, as each is
 * another exchange; kept across a restart of its process, as a real exchange's disk is.
 */
function dataDirFor(uri: string): string {
  const tmp = process.env.TEST_TMP_DIR ?? os.tmpdir();
  const name = new URL(uri).pathname.replace(/^\//, '');
  if (uri === process.env.MONGODB_URI) return path.join(tmp, 'data');
  return path.join(tmp, `data-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`);
}

export function spawnExchangeProcess(env: Record<string, string> = {}): Promise<ExchangeProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      // TEST_EXCHANGE_LOG=<file> keeps the processes' logs there, to read after a failure.
      LOG_LEVEL: process.env.TEST_EXCHANGE_LOG ? 'info' : 'warn',
      CHECK_RESPONSES: 'true',
      HOST: '127.0.0.1',
      PORT: '0',
      MONGODB_URI: process.env.MONGODB_URI!,
      SEARCH_INDEX_PATH: ':memory:',
      SESSION_SECRET: 'test-session-secret-0123456789',
      LOGIN_RATE_LIMIT: '1000',
      LOGIN_IP_RATE_LIMIT: '100000',
      REGISTER_RATE_LIMIT: '100000',
      SCHEDULER_INTERVAL_MS: '100',
      SCHEDULER_SWEEP_INTERVAL_MS: '100',
      // The suite's cheap password hashes, which a process started as production refuses.
      ...((env.NODE_ENV ?? 'test') === 'test' ? TEST_PASSWORD_HASH_ENV : {}),
      DATA_DIR: dataDirFor(env.MONGODB_URI ?? process.env.MONGODB_URI!),
      ...env,
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
  const crash = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  let kept = '';
  const keep = (chunk: Buffer) => {
    kept = (kept + chunk.toString()).slice(-KEPT_LOG_CHARS);
  };
  const logTail = () => kept;
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stderr!.on('data', keep);
    child.stdout!.on('data', keep);
    if (process.env.TEST_EXCHANGE_LOG) {
      const log = fs.createWriteStream(process.env.TEST_EXCHANGE_LOG, { flags: 'a' });
      child.stdout!.pipe(log);
      child.stderr!.pipe(log);
    }
    child.stdout!.on('data', (chunk: Buffer) => {
      const ready = /READY (\S+)/.exec(chunk.toString());
      if (ready) resolve({ url: ready[1], stop, crash, logTail });
    });
    child.once('exit', (code) =>
      reject(new Error(`exchange process exited (${code}): ${stderr.slice(-500)}`)),
    );
  });
}
