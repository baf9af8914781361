/**
 * A throw-away Meilisearch server for tests and benches: the binary in ../shared/tools/meilisearch
 * beside the repository (or MEILI_BIN), on a free loopback port, with its own database folder and
 * a random master key. Absent binary: callers run the embedded engine alone.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { managedProcess } from './managed-process';
import { freePort } from './ports';
import type { RunningService } from './services';

const root = path.resolve(__dirname, '../..');

export interface RunningMeilisearch extends RunningService {
  masterKey: string;
}

/**
 * Path of the Meilisearch binary, or null when this machine has none: MEILI_BIN, else
 * shared/tools/meilisearch/meilisearch beside the repository (or beside a folder above it, for
 * git worktrees kept in a subfolder).
 */
export function meilisearchBinary(): string | null {
  if (process.env.MEILI_BIN) return fs.existsSync(process.env.MEILI_BIN) ? process.env.MEILI_BIN : null;
  for (let dir = root; ; dir = path.dirname(dir)) {
    const candidate = path.join(path.dirname(dir), 'shared/tools/meilisearch/meilisearch');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * For indexing a few documents at a time (the tests): each indexing batch zeroes a buffer sized
 * to the machine's memory, 1.5–3 s for a batch of one document on a 24 GB machine, against
 * 0.1–0.2 s with 64 MB and one thread. A batch that needs more spills to disk.
 */
const SMALL_BATCHES = ['--max-indexing-memory', '64Mb', '--max-indexing-threads', '1'];

export async function startMeilisearch(opts: {
  dataDir: string;
  logFile?: string;
  /** Tuned for many small batches (SMALL_BATCHES), not for indexing many documents at once. */
  smallBatches?: boolean;
}): Promise<RunningMeilisearch> {
  const bin = meilisearchBinary();
  if (!bin) throw new Error('no Meilisearch binary (../shared/tools/meilisearch/meilisearch or MEILI_BIN)');
  const dbDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dbDir, { recursive: true });
  const port = await freePort();
  const masterKey = randomBytes(24).toString('hex');
  const proc = managedProcess({
    name: 'Meilisearch',
    command: bin,
    args: [
      '--db-path',
      path.join(dbDir, 'data.ms'),
      '--dump-dir',
      path.join(dbDir, 'dumps'),
      '--snapshot-dir',
      path.join(dbDir, 'snapshots'),
      '--http-addr',
      `127.0.0.1:${port}`,
      '--master-key',
      masterKey,
      '--no-analytics',
      '--env',
      'development',
      '--log-level',
      'WARN',
      ...(opts.smallBatches ? SMALL_BATCHES : []),
    ],
    port,
    logFile: opts.logFile ?? path.join(dbDir, 'meilisearch.log'),
  });
  await proc.start();
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url);
  return Object.assign(proc, { url, masterKey });
}

async function waitHealthy(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`Meilisearch at ${url} is not healthy after 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
