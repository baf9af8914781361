/**
 * The embedded FerretDB runs its Go code on one processor (FERRETDB_GOMAXPROCS, default 1): it
 * shares the machine with the exchange, and SQLite takes one write at a time anyway.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FERRETDB_GOMAXPROCS, startFerretDb, type RunningDatabase } from '../../scripts/services/services';
import { freePort } from '../../scripts/services/ports';

/** A gauge of FerretDB's own metrics (its debug handler serves Prometheus text). */
async function gauge(debugPort: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${debugPort}/debug/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  assert.ok(line, `FerretDB reports ${name}`);
  return Number(line.slice(name.length + 1));
}

describe('the embedded database’s processors', function () {
  this.timeout(60_000);
  let db: RunningDatabase | undefined;
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-procs-'));
  });
  after(async () => {
    await db?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when FerretDB starts, then its Go scheduler runs on the processors it is given (one by default)', async () => {
    const debugPort = await freePort();
    db = await startFerretDb({ dataDir: path.join(dir, 'db'), debugPort });
    assert.equal(FERRETDB_GOMAXPROCS, process.env.FERRETDB_GOMAXPROCS || '1');
    assert.equal(await gauge(debugPort, 'go_sched_gomaxprocs_threads'), Number(FERRETDB_GOMAXPROCS));
  });
});
