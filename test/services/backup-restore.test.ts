/**
 * `npm run backup` and `npm run restore` for the embedded default: a backup taken while the
 * exchange runs on its own FerretDB, restored into a fresh data folder, holds every record and
 * GridFS document of that moment (and nothing written after), and the exchange started on it
 * rebuilds its search index and finds the listings again.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import mongoose from 'mongoose';
import request from 'supertest';
import { startFerretDb, type RunningService } from '../../scripts/services/services';
import { spawnExchangeProcess, type ExchangeProcess } from '../helpers/exchange-process';
import { eventually } from '../helpers/eventually';

const root = path.resolve(__dirname, '../..');
const DB = 'techexchange';

function runScript(script: string, args: string[], dataDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

/** Every collection's document ids (the lock collection aside: locks come and go). */
async function idsByCollection(conn: mongoose.Connection): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const { name } of await conn.db!.listCollections({}, { nameOnly: true }).toArray()) {
    if (name === 'locks') continue;
    const docs = await conn
      .db!.collection(name)
      .find({}, { projection: { _id: 1 } })
      .toArray();
    out.set(name, docs.map((d) => String(d._id)).sort());
  }
  return out;
}

async function readGridFs(conn: mongoose.Connection, id: mongoose.Types.ObjectId): Promise<Buffer> {
  const bucket = new mongoose.mongo.GridFSBucket(conn.db!, { bucketName: 'documents' });
  const chunks: Buffer[] = [];
  for await (const chunk of bucket.openDownloadStream(id)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('backup and restore of the embedded database', function () {
  this.timeout(180_000);
  let tmp: string;
  const services: RunningService[] = [];
  const exchanges: ExchangeProcess[] = [];
  const connections: mongoose.Connection[] = [];

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-backup-'));
  });
  after(async () => {
    for (const c of connections) await c.close();
    for (const e of exchanges) await e.stop();
    for (const s of services) await s.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('when a backup taken while the exchange runs is restored into a fresh folder, then every record is there and search finds the listings', async () => {
    const source = path.join(tmp, 'source');
    const sourceDb = await startFerretDb({ dataDir: path.join(source, 'db') });
    services.push(sourceDb);
    const running = await spawnExchangeProcess({
      MONGODB_URI: `${sourceDb.url}${DB}`,
      DATA_DIR: source,
      SEARCH_INDEX_PATH: path.join(source, 'search', 'listings.sqlite'),
      SEED_DEMO: 'true',
    });
    exchanges.push(running);
    const sourceConn = await mongoose.createConnection(`${sourceDb.url}${DB}`).asPromise();
    connections.push(sourceConn);
    const contract = Buffer.from('Hợp đồng chuyển giao công nghệ — bản ký');
    const fileId = new mongoose.Types.ObjectId();
    await new Promise<void>((resolve, reject) => {
      const bucket = new mongoose.mongo.GridFSBucket(sourceConn.db!, { bucketName: 'documents' });
      bucket
        .openUploadStreamWithId(fileId, 'hop-dong.pdf')
        .on('finish', resolve)
        .on('error', reject)
        .end(contract);
    });
    // A listing image's files, as the exchange stores them beside the database.
    const imageDir = path.join(source, 'listing-images', 'image-probe');
    fs.mkdirSync(imageDir, { recursive: true });
    fs.writeFileSync(path.join(imageDir, 'thumb.webp'), 'webp-bytes');
    const before = await idsByCollection(sourceConn);
    assert.ok((before.get('offers')?.length ?? 0) > 10, 'the demo data is there');

    const backupDir = path.join(tmp, 'backup');
    const backup = runScript('scripts/backup.ts', ['--out', backupDir], source);
    assert.equal(backup.status, 0, backup.stderr);
    const afterBackup = new mongoose.Types.ObjectId();
    await sourceConn
      .db!.collection('organizations')
      .insertOne({ _id: afterBackup, name: 'written after the backup' });
    await running.stop();
    await sourceDb.stop();

    const fresh = path.join(tmp, 'fresh');
    const restore = runScript('scripts/restore.ts', [backupDir], fresh);
    assert.equal(restore.status, 0, restore.stderr);
    const freshDb = await startFerretDb({ dataDir: path.join(fresh, 'db') });
    services.push(freshDb);
    const freshConn = await mongoose.createConnection(`${freshDb.url}${DB}`).asPromise();
    connections.push(freshConn);
    const restored = await idsByCollection(freshConn);
    for (const [name, ids] of before) {
      const got = new Set(restored.get(name) ?? []);
      const lost = ids.filter((id) => !got.has(id));
      assert.deepEqual(lost, [], `every record of ${name} is restored`);
    }
    assert.deepEqual((await readGridFs(freshConn, fileId)).toString(), contract.toString());
    assert.equal(
      fs.readFileSync(path.join(fresh, 'listing-images', 'image-probe', 'thumb.webp'), 'utf8'),
      'webp-bytes',
      'the listing images are restored',
    );
    assert.equal(await freshConn.db!.collection('organizations').countDocuments({ _id: afterBackup }), 0);

    const exchange = await spawnExchangeProcess({
      MONGODB_URI: `${freshDb.url}${DB}`,
      DATA_DIR: fresh,
      SEARCH_INDEX_PATH: path.join(fresh, 'search', 'listings.sqlite'),
    });
    exchanges.push(exchange);
    const found = await eventually(async () => {
      const res = await request(exchange.url).get('/api/search').query({ q: 'xu ly nuoc thai' }).expect(200);
      return res.body.total > 0 ? res.body : null;
    }, 'the rebuilt search index to find the demo listings');
    assert.ok(found.hits.some((hit: { title: string }) => /nước thải/i.test(hit.title)));
  });

  it('when the target folder already holds a database, then restore refuses and leaves it as it was', () => {
    const target = path.join(tmp, 'occupied');
    fs.mkdirSync(path.join(target, 'db'), { recursive: true });
    fs.writeFileSync(path.join(target, 'db', `${DB}.sqlite`), 'the database in use');
    const res = runScript('scripts/restore.ts', [path.join(tmp, 'backup')], target);
    assert.notEqual(res.status, 0);
    assert.match(res.stderr, /already holds databases.*--replace/);
    assert.equal(fs.readFileSync(path.join(target, 'db', `${DB}.sqlite`), 'utf8'), 'the database in use');
  });
});
