/**
 * The embedded database runs with the settings the scripts give it: FerretDB's Go collector at
 * GOGC 400 (its own default, 100, cost a seventh of its CPU under write load), unless the
 * environment names another, read back from FerretDB's own runtime metrics.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFerretDb, type RunningDatabase } from '../../scripts/services/services';
import { freePort } from '../../scripts/services/ports';

async function gcPercentOf(debugPort: number): Promise<number> {
  const metrics = await (await fetch(`http://127.0.0.1:${debugPort}/debug/metrics`)).text();
  const line = metrics.split('\n').find((l) => l.startsWith('go_gc_gogc_percent '));
  assert.ok(line, 'FerretDB reports go_gc_gogc_percent');
  return Number(line.split(' ')[1]);
}

describe("the embedded database's runtime settings", function () {
  this.timeout(60_000);
  let db: RunningDatabase | undefined;
  let dir: string | undefined;
  const savedGogc = process.env.GOGC;
  afterEach(async () => {
    await db?.stop();
    db = undefined;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (savedGogc === undefined) delete process.env.GOGC;
    else process.env.GOGC = savedGogc;
  });

  async function start(): Promise<number> {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-ferret-settings-'));
    const debugPort = await freePort();
    db = await startFerretDb({ dataDir: dir, debugPort });
    return debugPort;
  }

  it('when FerretDB starts, then its garbage collector runs at GOGC 400', async () => {
    delete process.env.GOGC;
    assert.equal(await gcPercentOf(await start()), 400);
  });

  it('when the environment sets GOGC, then FerretDB runs with that value', async () => {
    process.env.GOGC = '150';
    assert.equal(await gcPercentOf(await start()), 150);
  });
});
