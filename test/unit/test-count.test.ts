import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { summaryLines } from '../../scripts/test-summary';

const root = path.resolve(__dirname, '../..');

/** Runs mocha the way `npm test` does on one throw-away spec file; the services are shared. */
function runMocha(
  spec: string,
  env: Record<string, string>,
): Promise<{ status: number | null; output: string; summary?: any }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-count-'));
  const file = path.join(dir, 'fixture.test.ts');
  const summaryFile = path.join(dir, 'summary.json');
  fs.writeFileSync(file, spec);
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/mocha/bin/mocha.js'),
      '--reporter',
      path.join(root, 'test/fixtures/reporter.cjs'),
      file,
    ],
    { cwd: root, env: { ...process.env, TEST_SUMMARY_FILE: summaryFile, ...env } },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) =>
    child.once('exit', (status) => {
      const summary = fs.existsSync(summaryFile)
        ? JSON.parse(fs.readFileSync(summaryFile, 'utf8'))
        : undefined;
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ status, output, summary });
    }),
  );
}

const skipHelper = JSON.stringify(path.join(root, 'test/helpers/skip.ts'));

describe('the count cannot lie', function () {
  this.timeout(60000);

  it('when the suite ran, then the last line reads "N passed, N failed, N skipped" and lists each skip with its reason', () => {
    const { lines, failed } = summaryLines(
      {
        passes: 7,
        failures: 1,
        pending: 1,
        skipped: [{ title: 'search: meili', reason: 'engine not available' }],
      },
      { exitedBadly: true },
    );
    assert.equal(failed, 1);
    assert.equal(lines.at(-1), '7 passed, 1 failed, 1 skipped');
    assert.match(lines.at(-1)!, /^[0-9]+ passed, [0-9]+ failed/);
    assert.ok(lines.includes('skipped: search: meili (engine not available)'));
  });

  it('when fewer tests ran than the baseline, then the run counts one more failure and says so', () => {
    const short = summaryLines(
      { passes: 90, failures: 0, pending: 0 },
      { exitedBadly: false, baseline: 100 },
    );
    assert.equal(short.failed, 1);
    assert.equal(short.lines.at(-1), '90 passed, 1 failed, 0 skipped');
    assert.match(
      short.lines.join('\n'),
      /fewer tests ran \(90, with 0 skipped for a stated reason\) than the baseline \(100/,
    );
    const more = summaryLines(
      { passes: 101, failures: 0, pending: 0 },
      { exitedBadly: false, baseline: 100 },
    );
    assert.equal(more.failed, 0);
    assert.match(more.lines.join('\n'), /raise test\/baseline-count.txt from 100 to 101/);
  });

  it('when tests are skipped with a stated reason (an engine absent here), then they count towards the baseline; skips without one do not', () => {
    const skipped = [
      { title: 'contract: meilisearch a', reason: 'engine not available', explained: true },
      { title: 'contract: meilisearch b', reason: 'engine not available', explained: true },
    ];
    const absent = summaryLines(
      { passes: 98, failures: 0, pending: 2, skipped },
      { exitedBadly: false, baseline: 100 },
    );
    assert.equal(absent.failed, 0);
    assert.equal(absent.lines.at(-1), '98 passed, 0 failed, 2 skipped');
    const bare = summaryLines(
      {
        passes: 98,
        failures: 0,
        pending: 2,
        skipped: skipped.map((s) => ({ ...s, reason: 'skipped without a reason', explained: false })),
      },
      { exitedBadly: false, baseline: 100 },
    );
    assert.equal(bare.failed, 1);
  });

  it('when a suite is skipped in its before hook for a missing engine, then each of its tests is recorded as an explained skip', async () => {
    const { summary } = await runMocha(
      `import { skipBecause } from ${skipHelper};
       describe('engine suite', function () {
         before(function () { skipBecause(this, 'engine not available: X_HOST is unset'); });
         it('one', () => {});
         describe('nested', () => { it('two', () => {}); });
       });
       describe('bare', () => { it('no reason'); });`,
      {},
    );
    assert.equal(summary.passes, 0);
    assert.equal(summary.pending, 3);
    assert.deepEqual(summary.skipped, [
      { title: 'engine suite one', reason: 'engine not available: X_HOST is unset', explained: true },
      { title: 'engine suite nested two', reason: 'engine not available: X_HOST is unset', explained: true },
      { title: 'bare no reason', reason: 'declared without a body', explained: false },
    ]);
  });

  it('when a test is skipped for a missing engine, then the reporter records it with that reason', async () => {
    const { summary } = await runMocha(
      `import { skipBecause } from ${skipHelper};
       describe('fixture', () => {
         it('passes', () => {});
         it('needs an engine', function () { skipBecause(this, 'engine not available: X_HOST is unset'); });
       });`,
      {},
    );
    assert.equal(summary.passes, 1);
    assert.equal(summary.pending, 1);
    assert.deepEqual(summary.skipped, [
      { title: 'fixture needs an engine', reason: 'engine not available: X_HOST is unset', explained: true },
    ]);
  });

  it('when a test fails, then the reporter records its title and the first line of its error, and the last lines name it', async () => {
    const { summary } = await runMocha(
      `describe('fixture', () => {
         it('passes', () => {});
         it('breaks', () => { throw new Error('expected 200, got 503\\nsecond line'); });
       });`,
      {},
    );
    assert.equal(summary.failures, 1);
    assert.deepEqual(summary.failed, [{ title: 'fixture breaks', error: 'expected 200, got 503' }]);
    const { lines } = summaryLines(summary, { exitedBadly: true });
    assert.ok(lines.includes('failed: fixture breaks: expected 200, got 503'), lines.join('\n'));
    assert.equal(lines.at(-1), '1 passed, 1 failed, 0 skipped');
  });

  it('when a spec file carries .only under CI, then mocha refuses to run', async () => {
    // The fixture's exclusive test is spelled out at run time, so this file carries none itself.
    const exclusive = ['it', 'only'].join('.');
    const spec = `describe('fixture', () => { ${exclusive}('alone', () => {}); it('other', () => {}); });`;
    const ci = await runMocha(spec, { CI: 'true' });
    assert.notEqual(ci.status, 0);
    assert.match(ci.output, /\.only/);
    const local = await runMocha(spec, { CI: 'false' });
    assert.equal(local.status, 0, local.output);
  });
});
