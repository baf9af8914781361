/**
 * `npm test`: installs the real services the tests use (once), builds the web client for the
 * browser tests, runs the whole mocha suite, and ends with the line `N passed, N failed`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  ensureChromium,
  ensureFerretDb,
  ensureNginx,
  ensureRedis,
  ensureStripeMock,
  MissingPrerequisite,
} from './services/tools';
import { buildClientIfStale } from './build-if-stale';

const root = path.resolve(__dirname, '..');

function main(): number {
  try {
    ensureFerretDb();
    ensureStripeMock();
    ensureRedis();
    ensureNginx();
    ensureChromium();
  } catch (err) {
    if (err instanceof MissingPrerequisite) {
      process.stderr.write(`npm test cannot run: ${err.message}\n`);
      process.stdout.write('0 passed, 1 failed\n');
      return 1;
    }
    throw err;
  }
  buildClientIfStale();
  const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tx-test-')), 'summary.json');
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/mocha/bin/mocha.js'),
      '--reporter',
      path.join(root, 'test/fixtures/reporter.cjs'),
      ...process.argv.slice(2),
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'test', TEST_SUMMARY_FILE: summaryFile },
    },
  );
  let passed = 0;
  let failed = 1;
  if (fs.existsSync(summaryFile)) {
    const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as { passes: number; failures: number };
    passed = summary.passes;
    failed = summary.failures + (r.status !== 0 && summary.failures === 0 ? 1 : 0);
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed === 0 && r.status === 0 ? 0 : 1;
}

process.exit(main());
