#!/usr/bin/env node
// Entry point of `npm start`, `npm test` and friends. Needs nothing but Node: it installs the
// npm dependencies when they are missing or stale, then runs the TypeScript script it names.
'use strict';
const { spawnSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: install Node 20.19 or later.`);
  process.exit(1);
}

function dependenciesStale() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(marker)) return true;
  const installedAt = fs.statSync(marker).mtimeMs;
  return ['package.json', 'package-lock.json'].some((f) => {
    const p = path.join(root, f);
    return fs.existsSync(p) && fs.statSync(p).mtimeMs > installedAt + 1000;
  });
}

if (dependenciesStale()) {
  const ci = process.env.CI === 'true' && fs.existsSync(path.join(root, 'package-lock.json'));
  const args = ci ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.error(
    `[bootstrap] npm ${args[0]} (native modules build from source the first time: a minute or two)…`,
  );
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[bootstrap] npm install failed; see the output above.');
    process.exit(r.status ?? 1);
  }
}

const scripts = {
  start: 'scripts/start.ts',
  test: 'scripts/test.ts',
  reindex: 'scripts/reindex.ts',
  seed: 'scripts/seed.ts',
  backup: 'scripts/backup.ts',
  restore: 'scripts/restore.ts',
  soak: 'scripts/soak.ts',
};
const [command, ...rest] = process.argv.slice(2);
let script = scripts[command];
let args = rest;
if (command === 'bench') {
  script = `scripts/bench/${rest[0]}.ts`;
  args = rest.slice(1);
}
if (!script || !fs.existsSync(path.join(root, script))) {
  console.error(`[bootstrap] unknown command: ${[command, ...rest].join(' ')}`);
  process.exit(2);
}
const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
