/** The real services the exchange runs beside it, each on a free loopback port. */
import fs from 'node:fs';
import path from 'node:path';
import { ensureFerretDb, ensureNginx, ensureRedis, ensureStripeMock } from './tools';
import { managedProcess, type ManagedProcess } from './managed-process';
import { freePort } from './ports';

export interface RunningService extends ManagedProcess {
  url: string;
}

export interface RunningDatabase extends RunningService {
  /**
   * The same database through a Unix socket in its data directory, for a client on this machine
   * (the exchange): a command costs both processes less than over loopback TCP, where the kernel
   * runs the TCP path for every write. `url` when the socket's path is too long for one.
   */
  localUrl: string;
}

/** The longest Unix socket path Linux takes (sun_path holds 108 bytes with its terminator). */
const MAX_SOCKET_PATH = 107;

/**
 * SQLite settings of the embedded database, added to FerretDB's own (busy_timeout 10 s, WAL).
 * `synchronous(normal)`: in WAL mode a commit is written to the log but not fsynced; the log is
 * synced at checkpoints. A power cut (not a crash of FerretDB or the exchange) can lose the last
 * commits, never corrupt the file. The embedded database is for development and one-machine
 * setups; production runs on MongoDB (see the README, "Durability of the embedded database").
 */
export const FERRETDB_SQLITE_PRAGMAS = ['synchronous(normal)'];

/**
 * The Go scheduler's processors FerretDB runs on (`GOMAXPROCS`). SQLite takes one write at a time,
 * and FerretDB shares the machine with the exchange: on two, its goroutines move between threads,
 * system calls take a seventh of its CPU and its collector runs a dedicated worker beside them.
 * On one, a confirmed transfer cost it 1.9-2.0 ms of CPU instead of 2.4-3.0 under the write bench
 * (README, "Measured", stop 52). `FERRETDB_GOMAXPROCS` overrides it (Go's default: every core).
 */
export const FERRETDB_GOMAXPROCS = process.env.FERRETDB_GOMAXPROCS || '1';

/** FerretDB on its SQLite backend, keeping its files in `dataDir`. */
export async function startFerretDb(opts: {
  dataDir: string;
  port?: number;
  logFile?: string;
  /** SQLite pragmas instead of FERRETDB_SQLITE_PRAGMAS, e.g. `busy_timeout(0)`. */
  pragmas?: string[];
  /** Where FerretDB serves its debug handlers (pprof, metrics); default: a port of its choosing. */
  debugPort?: number;
}): Promise<RunningDatabase> {
  const bin = ensureFerretDb();
  const dbDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dbDir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const socket = path.join(dbDir, 'ferretdb.sock');
  const useSocket = Buffer.byteLength(socket) <= MAX_SOCKET_PATH;
  // A socket left by a FerretDB that did not stop cleanly would keep the new one from listening.
  if (useSocket) fs.rmSync(socket, { force: true });
  const proc = managedProcess({
    name: 'FerretDB',
    command: bin,
    args: [
      '--handler=sqlite',
      `--sqlite-url=${sqliteUrl(dbDir, opts.pragmas ?? FERRETDB_SQLITE_PRAGMAS)}`,
      `--state-dir=${dbDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      ...(useSocket ? [`--listen-unix=${socket}`] : []),
      `--debug-addr=127.0.0.1:${opts.debugPort ?? 0}`,
      '--telemetry=disable',
      `--log-level=${process.env.FERRETDB_LOG_LEVEL ?? 'WARN'}`,
    ],
    port,
    logFile: opts.logFile ?? path.join(dbDir, 'ferretdb.log'),
    env: { GOMAXPROCS: FERRETDB_GOMAXPROCS },
  });
  await proc.start();
  const url = `mongodb://127.0.0.1:${port}/`;
  return Object.assign(proc, { url, localUrl: useSocket ? `mongodb://${encodeURIComponent(socket)}/` : url });
}

function sqliteUrl(dbDir: string, pragmas: string[]): string {
  const query = new URLSearchParams(pragmas.map((p): [string, string] => ['_pragma', p])).toString();
  return `file:${dbDir}/${query ? `?${query}` : ''}`;
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

/**
 * nginx with deploy/nginx/nginx.conf, on loopback: the two upstream services pointed at the
 * given exchange ports, TLS on `port` with the given certificate, plain HTTP on `httpPort`.
 * The same file as production, rewritten only where a test machine differs.
 */
export async function startNginx(opts: {
  exchangePorts: [number, number];
  certDir: string;
  workDir: string;
}): Promise<RunningService & { httpPort: number }> {
  const bin = ensureNginx();
  const [port, httpPort] = [await freePort(), await freePort()];
  const source = fs.readFileSync(path.resolve(__dirname, '../../deploy/nginx/nginx.conf'), 'utf8');
  const conf = source
    .replace(/exchange-1:3000/g, `127.0.0.1:${opts.exchangePorts[0]}`)
    .replace(/exchange-2:3000/g, `127.0.0.1:${opts.exchangePorts[1]}`)
    .replace(/\/etc\/nginx\/certs/g, opts.certDir)
    .replace(/^\s*listen \[::\].*$/gm, '')
    .replace(/listen 443 /g, `listen 127.0.0.1:${port} `)
    .replace(/listen 80;/g, `listen 127.0.0.1:${httpPort};`)
    .replace(/^pid .*$/m, `pid ${opts.workDir}/nginx.pid;`)
    .replace(/access_log \/dev\/stdout/, `access_log ${opts.workDir}/access.log`);
  fs.mkdirSync(opts.workDir, { recursive: true });
  const confPath = path.join(opts.workDir, 'nginx.conf');
  fs.writeFileSync(confPath, conf);
  const proc = managedProcess({
    name: 'nginx',
    command: bin,
    args: [
      '-c',
      confPath,
      '-p',
      opts.workDir,
      '-e',
      path.join(opts.workDir, 'error.log'),
      '-g',
      'daemon off;',
    ],
    port,
    logFile: path.join(opts.workDir, 'nginx.out'),
  });
  await proc.start();
  return Object.assign(proc, { url: `https://127.0.0.1:${port}`, httpPort });
}
