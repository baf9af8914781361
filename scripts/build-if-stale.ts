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

function buildIfStale(name: string, sources: string[], stamp: string, npmScript: string): void {
  const stampPath = path.join(root, stamp);
  const built = fs.existsSync(stampPath) ? fs.statSync(stampPath).mtimeMs : 0;
  const newest = Math.max(
    ...sources.map((s) => newestMtime(path.join(root, s))),
    fs.statSync(path.join(root, 'package.json')).mtimeMs,
  );
  if (built > newest) return;
  process.stderr.write(`[build] ${name}…\n`);
  const r = spawnSync('npm', ['run', '--silent', npmScript], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`building the ${name} failed`);
  fs.mkdirSync(path.dirname(stampPath), { recursive: true });
  fs.writeFileSync(stampPath, new Date().toISOString());
}

export function buildClientIfStale(): void {
  // The client imports the server's API contract and a few of its rules (the @contract alias).
  buildIfStale('web client', ['client', 'server'], 'client/dist/.built', 'build:client');
}

export function buildServerIfStale(): void {
  buildIfStale('server', ['server', 'search', 'scripts'], 'dist/.built', 'build:server');
}
