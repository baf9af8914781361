/** Rebuilds server or client only when a source file is newer than the last build. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(__dirname, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function newestSource(sources: string[]): number {
  return Math.max(
    ...sources.map((s) => newestMtime(path.join(root, s))),
    fs.statSync(path.join(root, 'package.json')).mtimeMs,
  );
}

/** Whether the build stamped `stamp` is no newer than `newest` (the sources' newest change). */
function isStale(newest: number, stamp: string): boolean {
  const stampPath = path.join(root, stamp);
  const built = fs.existsSync(stampPath) ? fs.statSync(stampPath).mtimeMs : 0;
  return built <= newest;
}

function buildIfStale(name: string, sources: string[], stamp: string, npmScript: string): void {
  if (!isStale(newestSource(sources), stamp)) return;
  const stampPath = path.join(root, stamp);
  process.stderr.write(`[build] ${name}…\n`);
  const r = spawnSync('npm', ['run', '--silent', npmScript], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`building the ${name} failed`);
  fs.mkdirSync(path.dirname(stampPath), { recursive: true });
  fs.writeFileSync(stampPath, new Date().toISOString());
}

const CLIENT_SOURCES = ['client', 'server/api-contract'];
const CLIENT_STAMP = 'client/dist/.built';

export function buildClientIfStale(): void {
  buildIfStale('web client', CLIENT_SOURCES, CLIENT_STAMP, 'build:client');
}

/**
 * Takes a build of this checkout's client made elsewhere from its sources as they were at
 * `copiedAt` (the image rehearsal's) as client/dist, when the checkout's own is stale and no
 * source changed since the copy; says whether it did.
 */
export function adoptClientBuild(builtDir: string, copiedAt: number): boolean {
  const newest = newestSource(CLIENT_SOURCES);
  if (!isStale(newest, CLIENT_STAMP) || newest >= copiedAt) return false;
  const dist = path.join(root, 'client/dist');
  fs.rmSync(dist, { recursive: true, force: true });
  fs.cpSync(builtDir, dist, { recursive: true });
  fs.writeFileSync(path.join(root, CLIENT_STAMP), new Date().toISOString());
  return true;
}

export function buildServerIfStale(): void {
  buildIfStale('server', ['server', 'search', 'scripts'], 'dist/.built', 'build:server');
}
