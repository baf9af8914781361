/**
 * `npm test`: installs the real services the tests use (once), builds the web client for the
 * browser tests, runs the whole mocha suite, and ends with the line
 * `N passed, N failed, N skipped` (see test-summary.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  ensureChromium,
  ensureFerretDb,
  ensureRedis,
  ensureStripeMock,
  MissingPrerequisite,
} from './services/tools';
import { buildClientIfStale } from './build-if-stale';
import { parseBaseline, summaryLines, type Summary } from './test-summary';

const root = path.resolve(__dirname, '..');

function main(): number {
  try {
    ensureFerretDb();
    ensureStripeMock();
    ensureRedis();
    ensureChromium();
  } catch (err) {
    if (err instanceof MissingPrerequisite) {
      process.stderr.write(`npm test cannot run: ${err.message}\n`);
      process.stdout.write('0 passed, 1 failed, 0 skipped\n');
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
  if (!fs.existsSync(summaryFile)) {
    process.stdout.write('\n0 passed, 1 failed, 0 skipped\n');
    return 1;
  }
  const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as Summary;
  // Only a run of the whole suite (no arguments) is held to the baseline.
  const wholeSuite = process.argv.length <= 2;
  const baselineFile = path.join(root, 'test/baseline-count.txt');
  const baseline =
    wholeSuite && fs.existsSync(baselineFile)
      ? parseBaseline(fs.readFileSync(baselineFile, 'utf8'))
      : undefined;
  const { lines, failed } = summaryLines(summary, { exitedBadly: r.status !== 0, baseline });
  process.stdout.write(`\n${lines.join('\n')}\n`);
  return failed === 0 && r.status === 0 ? 0 : 1;
}

process.exit(main());
