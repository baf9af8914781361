/**
 * The embedded database is reached through a Unix socket in its data folder by the exchange on
 * the same machine (`localUrl`), with loopback TCP (`url`) beside it for everything else; a data
 * folder whose socket path would be too long falls back to TCP, and a socket left by a FerretDB
 * killed outright does not keep the next one from starting.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startFerretDb, type RunningDatabase } from '../../scripts/services/services';

async function roundTrip(url: string, value: string): Promise<unknown> {
  const client = await MongoClient.connect(`${url}socket_probe`, { serverSelectionTimeoutMS: 5_000 });
  try {
    const probes = client.db().collection<{ _id: string; value: string }>('probes');
    await probes.replaceOne({ _id: value }, { value }, { upsert: true });
    return (await probes.findOne({ _id: value }))?.value;
  } finally {
    await client.close();
  }
}

describe('the embedded database through its Unix socket', function () {
  this.timeout(60_000);
  const running: RunningDatabase[] = [];
  const dirs: string[] = [];
  const tmp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-sock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const db of running.splice(0)) await db.stop();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when FerretDB starts, then the socket in its data folder and the TCP port reach the same database', async () => {
    const dataDir = path.join(tmp(), 'db');
    const db = await startFerretDb({ dataDir });
    running.push(db);
    assert.equal(db.localUrl, `mongodb://${encodeURIComponent(path.join(dataDir, 'ferretdb.sock'))}/`);
    assert.ok(fs.statSync(path.join(dataDir, 'ferretdb.sock')).isSocket());
    assert.equal(await roundTrip(db.localUrl, 'through the socket'), 'through the socket');
    const client = await MongoClient.connect(`${db.url}socket_probe`);
    try {
      assert.deepEqual(
        (await client.db().collection('probes').find().toArray()).map((d) => d.value),
        ['through the socket'],
      );
    } finally {
      await client.close();
    }
  });

  it('when the socket path would be too long, then the exchange is given TCP', async () => {
    const dataDir = path.join(tmp(), 'd'.repeat(100));
    const db = await startFerretDb({ dataDir });
    running.push(db);
    assert.equal(db.localUrl, db.url);
    assert.equal(fs.existsSync(path.join(dataDir, 'ferretdb.sock')), false);
    assert.equal(await roundTrip(db.localUrl, 'over tcp'), 'over tcp');
  });

  it('when a socket file is left in the data folder, then FerretDB still starts and listens on it', async () => {
    const dataDir = path.join(tmp(), 'db');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'ferretdb.sock'), 'left behind');
    const db = await startFerretDb({ dataDir });
    running.push(db);
    assert.equal(await roundTrip(db.localUrl, 'after a stale socket'), 'after a stale socket');
  });
});
