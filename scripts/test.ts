/**
 * `npm test`: installs the real services the tests use (once), builds the web client for the
 * browser tests, runs the whole mocha suite, and ends with the line
 * `N passed, N failed, N skipped` (see test-summary.ts).
 * The search contract suite runs on both engines within it when the Meilisearch binary is
 * beside the repository (../shared/tools/meilisearch), and a second pass runs the search and
 * matching API tests with the exchange on Meilisearch (in the lane that draws it, after its own
 * files). Without the binary, the embedded engine runs alone and the output says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
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
import { shareIntoLanes } from './test-lanes';

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

/**
 * The whole suite runs in lanes side by side, each a mocha process with its own FerretDB,
 * stripe-mock (and Meilisearch) from the global fixture, so no lane sees another's data. The
 * files are shared out by how long each took in a recorded run (FILE_SECONDS), longest first,
 * each to the lane with the least time so far, so that the lanes end together.
 * TEST_LANES=1 runs the suite in one process, as a run given arguments always does;
 * TEST_RECORD_FILE_SECONDS=1 writes this run's figures to FILE_SECONDS.
 */
const FILE_SECONDS = path.join(root, 'test/fixtures/file-seconds.json');

interface PassResult {
  name: string;
  summary: Summary;
  exitedBadly: boolean;
  seconds: number;
}

function suiteFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...suiteFiles(rel));
    else if (entry.name.endsWith('.test.ts')) out.push(rel);
  }
  return out.sort();
}

/**
 * The second pass on Meilisearch, shared out as one more item among the files: the lane that
 * takes it runs it after its own files. Its recorded time is kept under this name; before any
 * record, the same files' time on the embedded engine stands for it.
 */
const MEILI_PASS = 'search and matching API tests on Meilisearch';

/** The suite's files (and the Meilisearch pass, when given) shared out into `lanes` groups of about equal recorded time. */
function laneItems(items: string[], lanes: number): string[][] {
  const recorded = fs.existsSync(FILE_SECONDS)
    ? (JSON.parse(fs.readFileSync(FILE_SECONDS, 'utf8')) as Record<string, number>)
    : {};
  if (items.includes(MEILI_PASS) && recorded[MEILI_PASS] === undefined)
    recorded[MEILI_PASS] = SEARCH_API_TESTS.reduce((sum, f) => sum + (recorded[f] ?? 0), 0);
  return shareIntoLanes(items, lanes, recorded);
}

/**
 * One mocha process. Its output goes to the terminal when `logFile` is absent, else to the file
 * (printed whole when it ends, so lanes running side by side do not interleave their lines).
 */
function mochaPass(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile?: string,
): Promise<PassResult> {
  const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tx-test-')), 'summary.json');
  const started = Date.now();
  const out = logFile ? fs.openSync(logFile, 'w') : 'inherit';
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/mocha/bin/mocha.js'),
      '--reporter',
      path.join(root, 'test/fixtures/reporter.cjs'),
      ...args,
    ],
    {
      cwd: root,
      stdio: ['ignore', out, out],
      env: { ...process.env, NODE_ENV: 'test', TEST_SUMMARY_FILE: summaryFile, ...env },
    },
  );
  return new Promise((resolve) => {
    const finish = (status: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      if (typeof out === 'number') fs.closeSync(out);
      const seconds = Math.round((Date.now() - started) / 1000);
      if (!fs.existsSync(summaryFile)) {
        // Mocha ended before its end event (killed, crashed, or exited early): say how, for the log's end.
        const how = signal ? `was killed by ${signal}` : `exited with code ${status}`;
        const cause = error ? ` (${error.message})` : '';
        resolve({
          name,
          seconds,
          summary: {
            passes: 0,
            failures: 1,
            pending: 0,
            failed: [{ title: `mocha ${name}`, error: `${how} before the run ended${cause}` }],
          },
          exitedBadly: true,
        });
        return;
      }
      const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as Summary;
      resolve({ name, seconds, summary, exitedBadly: status !== 0 });
    };
    child.once('error', (err) => finish(null, null, err));
    child.once('exit', (status, signal) => finish(status, signal));
  });
}

/** The Meilisearch pass: the search and matching API tests again, the exchange on Meilisearch. */
function meiliPass(logFile?: string): Promise<PassResult> {
  return mochaPass('on Meilisearch', SEARCH_API_TESTS, { TEST_SEARCH_ENGINE: 'meilisearch' }, logFile);
}

/**
 * The lanes side by side; the first writes to the terminal as it goes, the others once all have
 * ended. A lane given the Meilisearch pass runs it after its files, into its own log.
 */
async function runLanes(groups: string[][]): Promise<{ lanes: PassResult[]; meili?: PassResult }> {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-test-lanes-'));
  const lanes = groups.map((items, i) => {
    const files = items.filter((f) => f !== MEILI_PASS);
    return {
      name: `lane ${i + 1} (${files.length} files)`,
      files,
      withMeili: files.length < items.length,
      logFile: i === 0 ? undefined : path.join(logDir, `lane-${i + 1}.log`),
    };
  });
  const meiliLog = path.join(logDir, 'meilisearch.log');
  let meili: PassResult | undefined;
  const results = await Promise.all(
    lanes.map(async (l) => {
      // A lane that drew only the Meilisearch pass has no files for mocha (which would then run them all).
      const result = l.files.length > 0 ? await mochaPass(l.name, l.files, {}, l.logFile) : undefined;
      if (l.withMeili) meili = await meiliPass(meiliLog);
      return result;
    }),
  );
  for (const { name, logFile, files } of lanes) {
    if (!logFile || files.length === 0) continue;
    process.stdout.write(`\n== ${name}, run beside lane 1\n`);
    process.stdout.write(fs.readFileSync(logFile, 'utf8'));
  }
  const meiliLane = lanes.find((l) => l.withMeili);
  if (meiliLane) {
    process.stdout.write(
      `\n== search and matching API tests, exchange on Meilisearch (${meiliLane.name.split(' (')[0]}, after its files)\n`,
    );
    process.stdout.write(fs.readFileSync(meiliLog, 'utf8'));
  }
  fs.rmSync(logDir, { recursive: true, force: true });
  return { lanes: results.filter((r): r is PassResult => r !== undefined), meili };
}

/** Counts of several mocha runs as one. */
function merged(results: PassResult[]): PassResult {
  return {
    name: results.map((r) => r.name).join(' + '),
    seconds: Math.max(...results.map((r) => r.seconds)),
    exitedBadly: results.some((r) => r.exitedBadly),
    summary: {
      passes: results.reduce((n, r) => n + r.summary.passes, 0),
      failures: results.reduce((n, r) => n + r.summary.failures, 0),
      pending: results.reduce((n, r) => n + r.summary.pending, 0),
      skipped: results.flatMap((r) => r.summary.skipped ?? []),
      failed: results.flatMap((r) => r.summary.failed ?? []),
      fileSeconds: Object.assign({}, ...results.map((r) => r.summary.fileSeconds ?? {})) as Record<
        string,
        number
      >,
    },
  };
}

async function main(): Promise<number> {
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
  // A run given arguments (named files, --grep …) stays one process, on the terminal.
  const lanes = args.length === 0 ? laneCount() : 1;
  const withMeili = Boolean(meili) && args.length === 0;
  let first: PassResult;
  let onMeili: PassResult | undefined;
  if (lanes > 1) {
    const run = await runLanes(laneItems([...suiteFiles('test'), ...(withMeili ? [MEILI_PASS] : [])], lanes));
    first = merged(run.lanes);
    onMeili = run.meili;
  } else {
    first = await mochaPass('the suite', args, {});
    if (withMeili) {
      process.stdout.write('\n== search and matching API tests, exchange on Meilisearch\n');
      onMeili = await meiliPass();
    }
  }
  const passes = onMeili ? [first, onMeili] : [first];
  if (args.length === 0 && process.env.TEST_RECORD_FILE_SECONDS === '1') {
    const seconds: Record<string, number> = { ...(first.summary.fileSeconds ?? {}) };
    if (onMeili) seconds[MEILI_PASS] = onMeili.seconds;
    fs.writeFileSync(FILE_SECONDS, `${JSON.stringify(seconds, Object.keys(seconds).sort(), 2)}\n`);
  }
  if (lanes > 1) process.stdout.write(`\n${passes.map((p) => `${p.name}: ${p.seconds} s`).join('\n')}\n`);
  // Only a run of the whole suite (no arguments) is held to the baseline, counted on its first pass.
  const baselineFile = path.join(root, 'test/baseline-count.txt');
  const baseline =
    args.length === 0 && fs.existsSync(baselineFile)
      ? parseBaseline(fs.readFileSync(baselineFile, 'utf8'))
      : undefined;
  const firstLines = summaryLines(passes[0].summary, { exitedBadly: passes[0].exitedBadly, baseline });
  const rest = passes.slice(1).map((p) => summaryLines(p.summary, { exitedBadly: p.exitedBadly }));
  const total: Summary = {
    passes: passes.reduce((n, p) => n + p.summary.passes, 0),
    failures: firstLines.failed + rest.reduce((n, r) => n + r.failed, 0),
    pending: passes.reduce((n, p) => n + p.summary.pending, 0),
  };
  const notes = [firstLines, ...rest].flatMap((r) => r.lines.slice(0, -1));
  process.stdout.write(
    `\n${[...notes, `${total.passes} passed, ${total.failures} failed, ${total.pending} skipped`].join('\n')}\n`,
  );
  return total.failures === 0 && passes.every((p) => !p.exitedBadly) ? 0 : 1;
}

/** TEST_LANES (default 2): how many mocha processes share the whole suite. */
function laneCount(): number {
  const n = Number(process.env.TEST_LANES ?? 2);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`TEST_LANES must be a whole number ≥ 1, not "${process.env.TEST_LANES}"`);
  return n;
}

void main().then((code) => process.exit(code));
