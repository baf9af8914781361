/**
 * `npm test`: installs the real services the tests use (once), builds the web client for the
 * browser tests, runs the whole mocha suite, and ends with the line
 * `N passed, N failed, N skipped` (see test-summary.ts).
 * The search contract suite runs on both engines within it when the Meilisearch binary is
 * beside the repository (../shared/tools/meilisearch); then a second pass runs the search and
 * matching API tests with the exchange on Meilisearch. Without the binary, the embedded engine
 * runs alone and the output says so.
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
import { meilisearchBinary } from './services/meilisearch';
import { parseBaseline, summaryLines, type Summary } from './test-summary';

const root = path.resolve(__dirname, '..');

/** The API tests that exercise the search engine, run a second time on Meilisearch. */
const SEARCH_API_TESTS = [
  'test/api/search.test.ts',
  'test/api/search-sync.test.ts',
  'test/api/search-demo-data.test.ts',
  'test/api/matching.test.ts',
  'test/api/matching-core.test.ts',
  'test/api/matching-imported.test.ts',
  'test/api/alerts-match.test.ts',
];

interface PassResult {
  summary: Summary;
  exitedBadly: boolean;
}

function mochaPass(args: string[], env: NodeJS.ProcessEnv): PassResult {
  const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tx-test-')), 'summary.json');
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/mocha/bin/mocha.js'),
      '--reporter',
      path.join(root, 'test/fixtures/reporter.cjs'),
      ...args,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'test', TEST_SUMMARY_FILE: summaryFile, ...env },
    },
  );
  if (!fs.existsSync(summaryFile)) {
    // Mocha ended before its end event (killed, crashed, or exited early): say how, for the log's end.
    const how = r.signal ? `was killed by ${r.signal}` : `exited with code ${r.status}`;
    const cause = r.error ? ` (${r.error.message})` : '';
    return {
      summary: {
        passes: 0,
        failures: 1,
        pending: 0,
        failed: [
          {
            title: `mocha ${args.join(' ') || '(whole suite)'}`,
            error: `${how} before the run ended${cause}`,
          },
        ],
      },
      exitedBadly: true,
    };
  }
  const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as Summary;
  return { summary, exitedBadly: r.status !== 0 };
}

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
      process.stdout.write('0 passed, 1 failed, 0 skipped\n');
      return 1;
    }
    throw err;
  }
  buildClientIfStale();
  const args = process.argv.slice(2);
  const meili = meilisearchBinary();
  process.stdout.write(
    meili
      ? `Search engines: embedded and Meilisearch (${meili})\n`
      : 'Search engines: embedded only. Meilisearch absent (../shared/tools/meilisearch/meilisearch not found): its contract and API tests are not run.\n',
  );
  const passes = [mochaPass(args, {})];
  // A run of named files only (npm test -- file.test.ts) stays one pass.
  if (meili && args.length === 0) {
    process.stdout.write('\n== search and matching API tests, exchange on Meilisearch\n');
    passes.push(mochaPass(SEARCH_API_TESTS, { TEST_SEARCH_ENGINE: 'meilisearch' }));
  }
  // Only a run of the whole suite (no arguments) is held to the baseline, counted on its first pass.
  const baselineFile = path.join(root, 'test/baseline-count.txt');
  const baseline =
    args.length === 0 && fs.existsSync(baselineFile)
      ? parseBaseline(fs.readFileSync(baselineFile, 'utf8'))
      : undefined;
  const first = summaryLines(passes[0].summary, { exitedBadly: passes[0].exitedBadly, baseline });
  const rest = passes.slice(1).map((p) => summaryLines(p.summary, { exitedBadly: p.exitedBadly }));
  const total: Summary = {
    passes: passes.reduce((n, p) => n + p.summary.passes, 0),
    failures: first.failed + rest.reduce((n, r) => n + r.failed, 0),
    pending: passes.reduce((n, p) => n + p.summary.pending, 0),
  };
  const notes = [first, ...rest].flatMap((r) => r.lines.slice(0, -1));
  process.stdout.write(
    `\n${[...notes, `${total.passes} passed, ${total.failures} failed, ${total.pending} skipped`].join('\n')}\n`,
  );
  return total.failures === 0 && passes.every((p) => !p.exitedBadly) ? 0 : 1;
}

process.exit(main());
