/** The real services the exchange runs beside it, each on a free loopback port. */
import fs from 'node:fs';
import path from 'node:path';
import { ensureFerretDb, ensureRedis, ensureStripeMock } from './tools';
import { managedProcess, type ManagedProcess } from './managed-process';
import { freePort } from './ports';

export interface RunningService extends ManagedProcess {
  url: string;
}

/** FerretDB on its SQLite backend, keeping its files in `dataDir`. */
export async function startFerretDb(opts: {
  dataDir: string;
  port?: number;
  logFile?: string;
}): Promise<RunningService> {
  const bin = ensureFerretDb();
  const dbDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dbDir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const proc = managedProcess({
    name: 'FerretDB',
    command: bin,
    args: [
      '--handler=sqlite',
      `--sqlite-url=file:${dbDir}/`,
      `--state-dir=${dbDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=127.0.0.1:0',
      '--telemetry=disable',
      '--log-level=WARN',
    ],
    port,
    logFile: opts.logFile ?? path.join(dbDir, 'ferretdb.log'),
  });
  await proc.start();
  return Object.assign(proc, { url: `mongodb://127.0.0.1:${port}/` });
}

export async function startStripeMock(opts: { logFile?: string } = {}): Promise<RunningService> {
  const bin = ensureStripeMock();
  const port = await freePort();
  // It always serves HTTPS too, by default on a fixed port: give that a free one as well.
  const httpsPort = await freePort();
  const proc = managedProcess({
    name: 'stripe-mock',
    command: bin,
    args: ['-http-addr', `127.0.0.1:${port}`, '-https-addr', `127.0.0.1:${httpsPort}`],
    port,
    logFile: opts.logFile,
  });
  await proc.start();
  return Object.assign(proc, { url: `http://127.0.0.1:${port}` });
}

export async function startRedis(opts: { port?: number; logFile?: string } = {}): Promise<RunningService> {
  const bin = ensureRedis();
  const port = opts.port ?? (await freePort());
  const proc = managedProcess({
    name: 'Redis',
    command: bin,
    args: [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
    ],
    port,
    logFile: opts.logFile,
  });
  await proc.start();
  return Object.assign(proc, { url: `redis://127.0.0.1:${port}` });
}
