/**
 * Keeps `npm run bench:http` from rotting: the whole script at the demo size, one read and one
 * write for a second each, in its own process (it starts its own database, exchange and bare
 * server). Asserts what it measured was answered, never how fast.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** A load's figures as the bench writes them to its JSON. */
interface Measured {
  ok: number;
  failed: number;
  cpuMsPerOk?: Record<string, number>;
}

interface BenchReport {
  sizes: {
    counts: Record<string, number>;
    rows: { route: string; exchange: Measured; bare: Measured }[];
  }[];
}

function runBench(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/http.ts', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('npm run bench:http', function () {
  this.timeout(120_000);

  it('when run at the demo size on one read and one write, then it seeds, answers both on the exchange and the bare server, and writes its JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-bench-http-test-'));
    const json = path.join(dir, 'result.json');
    try {
      const { code, output } = await runBench([
        '--listings',
        'demo',
        '--duration',
        '1',
        '--writers',
        '2',
        '--payments',
        '2',
        '--accepts',
        '2',
        '--rooms',
        '2',
        '--reads',
        'offers/:id',
        '--writes',
        'bids',
        '--json',
        json,
      ]);
      assert.equal(code, 0, output);
      assert.match(output, /\| `GET \/api\/offers\/:id` \|/);
      const report = JSON.parse(fs.readFileSync(json, 'utf8')) as BenchReport;
      const [size] = report.sizes;
      assert.ok(size.counts.deals > 0 && size.counts.messages > 0 && size.counts.notifications > 0);
      assert.deepEqual(
        size.rows.map((r) => r.route),
        ['GET /api/offers/:id', 'POST /api/offers/:id/bids'],
      );
      for (const row of size.rows) {
        assert.ok(row.exchange.ok > 0, `${row.route}: the exchange answered nothing`);
        assert.equal(row.exchange.failed, 0, `${row.route}: the exchange refused requests`);
        assert.ok(row.bare.ok > 0, `${row.route}: the bare server answered nothing`);
      }
      if (process.platform === 'linux') {
        // A write's CPU per answer, in each process that served it.
        const write = size.rows[1].exchange.cpuMsPerOk;
        const bare = size.rows[1].bare.cpuMsPerOk;
        assert.ok(write && write.exchange > 0 && write.database > 0, `exchange CPU ${JSON.stringify(write)}`);
        assert.ok(bare && bare.bare > 0, `bare CPU ${JSON.stringify(bare)}`);
        assert.ok(write.bench > 0 && bare.bench > 0, `the writers' own CPU ${JSON.stringify([write, bare])}`);
        assert.match(
          output,
          /CPU per write, ms .*`POST \/api\/offers\/:id\/bids` [\d.]+ \+ [\d.]+ \(bare [\d.]+; writers [\d.]+\)/,
        );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
