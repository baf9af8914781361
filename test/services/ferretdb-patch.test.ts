/**
 * The FerretDB patches we carry (scripts/services/ferretdb/): lookups by `_id`, also with other
 * conditions or as `$in`, read through the unique `_id` index instead of scanning
 * (id-index.patch); a filter on a field compared with true or false reads through that field's
 * index, keeping what MongoDB would match (bool-field-index.patch); concurrent writers queue inside FerretDB instead of in SQLite's busy handler
 * (serial-writes.patch); an unacknowledged (w: 0) write gets no reply, so the next command on
 * its connection reads its own (no-reply-to-more-to-come.patch); objects are not tracked for
 * leaks outside debug builds (no-resource-tracking.patch); a large document read again is copied
 * from what was decoded (or written) before instead of decoded again, but a scan does not fill
 * the cache (decode-cache.patch); stored values are decoded without a JSON decoder each, to the
 * same values (sjson-decode.patch); command parameters are parsed as before with their tags read once
 * (params-tag-cache.patch); and FerretDB's SQLite driver keeps each connection's prepared statements
 * (sqlite-stmt-cache.patch). On a real MongoDB (MONGODB_URI) these cases do not apply.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { Binary, Long, MongoClient, ObjectId } from 'mongodb';
import { connectTestDatabase } from '../helpers/test-app';
import { skipBecause } from '../helpers/skip';
import { startFerretDb, type RunningService } from '../../scripts/services/services';
import { freePort } from '../../scripts/services/ports';

type Plan = string[];

/** Connects to the test database; skips the suite unless it is FerretDB (true when it is). */
async function skipUnlessFerretDb(ctx: Mocha.Context): Promise<boolean> {
  await connectTestDatabase();
  const build = await mongoose.connection.db!.admin().command({ buildInfo: 1 });
  const ferret = typeof build.ferretdbVersion === 'string';
  if (!ferret) skipBecause(ctx, 'the database is not FerretDB (MONGODB_URI points elsewhere)');
  return ferret;
}

async function sqlitePlan(filter: Record<string, unknown>): Promise<{ plan: Plan; pushdown: boolean }> {
  const db = mongoose.connection.db!;
  const res = await db.command({
    explain: { find: 'ferret_patch_probe', filter },
    verbosity: 'queryPlanner',
  });
  const planner = res.queryPlanner as { Plan?: Plan } | undefined;
  return { plan: planner?.Plan ?? [], pushdown: Boolean(res.filterPushdown) };
}

const details = (plan: Plan) => plan.join(' | ');

/** A FerretDB of the suite's own, with its debug handlers on a known port. */
function ownFerretDb(name: string) {
  const own = { client: undefined as MongoClient | undefined, debugPort: 0 };
  let tmp: string | undefined;
  let db: RunningService | undefined;
  before(async function () {
    await skipUnlessFerretDb(this);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), `tx-ferret-${name}-`));
    own.debugPort = await freePort();
    db = await startFerretDb({ dataDir: tmp, debugPort: own.debugPort });
    own.client = await MongoClient.connect(db.url);
  });
  after(async () => {
    await own.client?.close();
    await db?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });
  return own;
}

describe('FerretDB patch: _id lookups use the _id index', function () {
  let ferret = true;
  const ids = ['a-1', 'a-2', 'a-3'];
  const oid = new mongoose.Types.ObjectId();

  before(async function () {
    ferret = await skipUnlessFerretDb(this);
    const c = mongoose.connection.db!.collection('ferret_patch_probe');
    await c.deleteMany({});
    await c.insertMany([...ids.map((_id, i) => ({ _id, n: i }) as never), { _id: oid, n: 9 } as never]);
  });

  after(async () => {
    if (ferret)
      await mongoose.connection
        .db!.collection('ferret_patch_probe')
        .drop()
        .catch(() => undefined);
  });

  it('when a document is found by a string _id, then SQLite searches the _id index', async () => {
    const { plan, pushdown } = await sqlitePlan({ _id: 'a-2' });
    assert.equal(pushdown, true);
    assert.match(details(plan), /SEARCH .* USING INDEX/);
    assert.doesNotMatch(details(plan), /\bSCAN\b/);
  });

  it('when a document is found by an ObjectId, then SQLite searches the _id index', async () => {
    const { plan } = await sqlitePlan({ _id: oid });
    assert.match(details(plan), /SEARCH .* USING INDEX/);
  });

  it('when the filter adds conditions to _id, then the _id index still narrows the read', async () => {
    const { plan, pushdown } = await sqlitePlan({ _id: 'a-2', n: 1 });
    assert.equal(pushdown, true);
    assert.match(details(plan), /SEARCH .* USING INDEX/);
  });

  it('when documents are found by _id $in, then SQLite searches the _id index', async () => {
    const { plan, pushdown } = await sqlitePlan({ _id: { $in: ['a-1', 'a-3'] } });
    assert.equal(pushdown, true);
    assert.match(details(plan), /SEARCH .* USING INDEX/);
  });

  it('when other conditions decide, then the answers are still those of the whole filter', async () => {
    const c = mongoose.connection.db!.collection('ferret_patch_probe');
    assert.equal(await c.findOne({ _id: 'a-2', n: 5 } as never), null);
    assert.equal((await c.findOne({ _id: 'a-2', n: 1 } as never))?.n, 1);
    const found = await c.find({ _id: { $in: ['a-1', 'a-3', 'missing'] }, n: { $gt: 0 } } as never).toArray();
    assert.deepEqual(
      found.map((d) => d._id),
      ['a-3'],
    );
    assert.equal((await c.findOne({ _id: oid } as never))?.n, 9);
    const updated = await c.updateOne({ _id: 'a-1', n: 0 } as never, { $set: { n: 7 } });
    assert.equal(updated.modifiedCount, 1);
    assert.equal((await c.findOne({ _id: 'a-1' } as never))?.n, 7);
  });
});

describe("FerretDB patch: a filter on a true/false field reads through that field's index", function () {
  let ferret = true;
  const probe = () => mongoose.connection.db!.collection('ferret_patch_flags');

  before(async function () {
    ferret = await skipUnlessFerretDb(this);
    await probe()
      .drop()
      .catch(() => undefined);
    await probe().createIndex({ flag: 1 });
    const plain = Array.from({ length: 40 }, (_, i) => ({ _id: `p-${i}`, flag: i % 10 === 0 }));
    await probe().insertMany([
      ...plain,
      // What MongoDB matches beyond a plain true: an array holding true; what it does not: the
      // string "true", a document, a missing field.
      { _id: 'array-with-true', flag: [false, true] },
      { _id: 'array-without-true', flag: [false] },
      { _id: 'string-true', flag: 'true' },
      { _id: 'document', flag: { true: true } },
      { _id: 'missing' },
    ] as never[]);
  });

  after(async () => {
    if (ferret)
      await probe()
        .drop()
        .catch(() => undefined);
  });

  async function planOf(filter: Record<string, unknown>): Promise<string> {
    const res = await mongoose.connection.db!.command({
      explain: { find: 'ferret_patch_flags', filter },
      verbosity: 'queryPlanner',
    });
    return details((res.queryPlanner as { Plan?: Plan } | undefined)?.Plan ?? []);
  }

  const ids = async (filter: Record<string, unknown>) =>
    (
      await probe()
        .find(filter as never)
        .toArray()
    )
      .map((d) => String(d._id))
      .sort();

  it("when documents are found by a field equal to true, then SQLite searches that field's index", async () => {
    const plan = await planOf({ flag: true });
    assert.match(plan, /SEARCH .* USING INDEX \S*flag_1/);
    assert.doesNotMatch(plan, /\bSCAN\b/);
    assert.match(await planOf({ flag: false, other: 3 }), /SEARCH .* USING INDEX \S*flag_1/);
  });

  it('when the field holds arrays, strings, documents or nothing, then the answers are those of the whole filter', async () => {
    assert.deepEqual(await ids({ flag: true }), ['array-with-true', 'p-0', 'p-10', 'p-20', 'p-30']);
    const falses = await ids({ flag: false });
    assert.equal(falses.length, 36 + 2);
    assert.ok(falses.includes('array-with-true') && falses.includes('array-without-true'));
    assert.ok(!falses.some((id) => ['string-true', 'document', 'missing'].includes(id)));
    assert.deepEqual(await ids({ flag: true, _id: { $ne: 'p-0' } }), [
      'array-with-true',
      'p-10',
      'p-20',
      'p-30',
    ]);
    assert.equal(await probe().countDocuments({ flag: true }), 5);
    assert.equal(await probe().countDocuments({ flag: 'true' }), 1);
  });

  it('when documents are updated and deleted by such a filter, then exactly the matching ones change', async () => {
    const updated = await probe().updateMany({ flag: true, _id: { $ne: 'array-with-true' } } as never, {
      $set: { flag: false },
    });
    assert.equal(updated.modifiedCount, 4);
    assert.deepEqual(await ids({ flag: true }), ['array-with-true']);
    const deleted = await probe().deleteMany({ flag: true });
    assert.equal(deleted.deletedCount, 1);
    assert.deepEqual(await ids({ flag: true }), []);
    assert.equal(await probe().countDocuments({}), 44);
  });
});

describe('FerretDB patch: writers queue inside FerretDB, not in SQLite', function () {
  this.timeout(60_000);
  let tmp: string | undefined;
  let db: RunningService | undefined;
  let client: MongoClient | undefined;

  before(async function () {
    await skipUnlessFerretDb(this);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-ferret-serial-'));
    // No busy handler at all: a write that found another connection writing would fail at once
    // with "database is locked" (unpatched, nearly every one of these writes does).
    db = await startFerretDb({ dataDir: tmp, pragmas: ['busy_timeout(0)', 'journal_mode(wal)'] });
    client = await MongoClient.connect(db.url, { maxPoolSize: 40 });
  });

  after(async () => {
    await client?.close();
    await db?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('when twenty clients insert, update and delete at once, then every write succeeds and is stored', async () => {
    const c = client!.db('serial_writes').collection<{ _id: string; n: number }>('probe');
    await c.insertOne({ _id: 'first', n: 0 });
    const writers = Array.from({ length: 20 }, (_, w) => w);
    await Promise.all(
      writers.map(async (w) => {
        for (let i = 0; i < 10; i++) {
          await c.insertOne({ _id: `${w}-${i}`, n: 0 });
          await c.updateOne({ _id: `${w}-${i}` }, { $inc: { n: 1 } });
          if (i % 2 === 1) await c.deleteOne({ _id: `${w}-${i}` });
        }
      }),
    );
    const kept = await c.find({ _id: { $ne: 'first' } }).toArray();
    assert.equal(kept.length, 20 * 5);
    assert.ok(kept.every((d) => d.n === 1 && Number(d._id.split('-')[1]) % 2 === 0));
  });
});

describe('FerretDB patch: no leak tracking outside debug builds', function () {
  this.timeout(60_000);
  const own = ownFerretDb('tracking');

  it('when commands have run, then FerretDB keeps no pprof profile of its live objects', async () => {
    const c = own.client!.db('tracking').collection<{ _id: string; n: number }>('probe');
    await c.insertMany([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
    ]);
    assert.equal((await c.find({ n: { $gt: 0 } }).toArray()).length, 2);
    await c.updateOne({ _id: 'a' }, { $inc: { n: 1 } });
    // Unpatched, every iterator, transaction and connection adds to a "FerretDB/…" profile and
    // gets a finalizer: the index of profiles names them.
    const index = await (await fetch(`http://127.0.0.1:${own.debugPort}/debug/pprof/`)).text();
    assert.match(index, /goroutine/, 'the debug handler answered');
    assert.doesNotMatch(index, /FerretDB\//);
  });
});

describe('FerretDB patch: an unacknowledged write gets no reply', function () {
  let client: MongoClient | undefined;

  before(async function () {
    await skipUnlessFerretDb(this);
    // One connection, so the command after the w: 0 write is sent where its reply would wait.
    client = await MongoClient.connect(process.env.MONGODB_URI!, { maxPoolSize: 1, minPoolSize: 1 });
  });

  after(async () => {
    await client?.db().collection('ferret_w0_probe').deleteMany({});
    await client?.close();
  });

  it('when a w: 0 delete is followed by reads and writes on the same connection, then each gets its own answer', async () => {
    const c = client!.db().collection<{ _id: string; n: number }>('ferret_w0_probe');
    await c.deleteMany({});
    await c.insertMany([
      { _id: 'kept', n: 1 },
      { _id: 'old', n: 0 },
    ]);
    await c.deleteMany({ n: 0 }, { writeConcern: { w: 0 } });
    // Unpatched, this find reads the delete's reply: "BSON element cursor is missing".
    const found = await c.find({}).toArray();
    const inserted = await c.insertOne({ _id: 'new', n: 2 });
    const count = await c.countDocuments({});
    assert.deepEqual(
      found.map((d) => d._id),
      ['kept'],
    );
    assert.equal(inserted.insertedId, 'new');
    assert.equal(count, 2);
  });
});

describe('FerretDB patch: large documents are decoded once per stored text', function () {
  this.timeout(60_000);
  const own = ownFerretDb('decode');

  type Big = {
    _id: string;
    title: string;
    sheets: { version: number; note: string }[];
    meta?: { n: number };
  };
  const counters = async () => {
    const vars = (await (await fetch(`http://127.0.0.1:${own.debugPort}/debug/vars`)).json()) as Record<
      string,
      number
    >;
    return { hits: vars.sqlite_decode_cache_hits, misses: vars.sqlite_decode_cache_misses };
  };
  const sheets = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ version: i + 1, note: `điều khoản ${i} `.repeat(8) }));

  it('when a large document is read again, updated and read, then the reads after the first decode nothing and every answer is the stored document', async () => {
    const c = own.client!.db('decode').collection<Big>('deals');
    await c.insertMany([
      { _id: 'a', title: 'A', sheets: sheets(20) },
      { _id: 'b', title: 'B', sheets: sheets(20) },
    ]);
    const start = await counters();
    assert.equal(typeof start.hits, 'number', 'the patched FerretDB counts its decode cache at /debug/vars');

    const first = await c.findOne({ _id: 'a' });
    const again = await c.findOne({ _id: 'a' });
    assert.deepEqual(again, first);
    assert.equal(first!.sheets.length, 20);

    // An update reads the document it changes (a hit) and remembers the text it writes.
    const after = await c.findOneAndUpdate(
      { _id: 'a' },
      { $push: { sheets: { version: 21, note: 'mới' } }, $set: { 'meta.n': 1 } },
      { returnDocument: 'after' },
    );
    assert.equal(after!.sheets.length, 21);
    const read = await c.findOne({ _id: 'a' });
    assert.deepEqual(read, after);
    // The changed copy did not leak into what is kept for the old text or for the other document.
    await c.updateOne({ _id: 'a' }, { $set: { sheets: sheets(20), meta: { n: 2 } } });
    const back = await c.findOne({ _id: 'a' });
    assert.deepEqual(back!.sheets, first!.sheets);
    assert.deepEqual(back!.meta, { n: 2 });
    const other = await c.findOne({ _id: 'b' });
    assert.equal(other!.title, 'B');
    assert.equal(other!.sheets.length, 20);
    assert.equal(other!.meta, undefined);

    const end = await counters();
    // Decoded from JSON: 'a' once and 'b' once; the second read, both updates' reads and the
    // reads after each update came from the cache.
    assert.equal(end.misses - start.misses, 2);
    assert.ok(end.hits - start.hits >= 5, `hits: ${end.hits - start.hits}`);
  });

  it('when a whole collection is scanned, then only the first documents of the scan are kept and a later read of the others decodes again', async () => {
    const c = own.client!.db('decode').collection<Big>('scanned');
    await c.insertMany(
      Array.from({ length: 40 }, (_, i) => ({
        _id: `s${String(i).padStart(2, '0')}`,
        title: `S${i}`,
        sheets: sheets(20),
      })),
    );
    // Inserted texts are not kept: the scan decodes each document for the first time.
    const scanned = await c.find({}).sort({ _id: 1 }).toArray();
    assert.equal(scanned.length, 40);
    const before = await counters();
    const late = await c.findOne({ _id: 's35' });
    const early = await c.findOne({ _id: 's01' });
    const after = await counters();
    assert.deepEqual(late, scanned[35]);
    assert.deepEqual(early, scanned[1]);
    assert.equal(after.misses - before.misses, 1, 'the 36th document of the scan was not kept');
    assert.equal(after.hits - before.hits, 1, 'the 2nd document of the scan was kept');
  });
});

describe('FerretDB patch: stored values decode to what was written', function () {
  this.timeout(60_000);
  const own = ownFerretDb('sjson');

  it('when documents of every stored type, escaped and plain strings, are read back, then each is what was inserted', async () => {
    const c = own.client!.db('sjson').collection('values');
    const id = new ObjectId();
    const doc = {
      _id: id,
      plain: 'Công nghệ xử lý nước thải dệt nhuộm',
      escaped: 'a "quoted" \\ back\\slash, tab\tnewline\n and \u0001 control',
      emoji: 'đ 🌾 漢字',
      empty: '',
      int32: 2_147_483_647,
      negative: -42,
      int64: new Long('9007199254740993'),
      double: 3.25,
      tiny: 1e-7,
      big: 1.5e300,
      date: new Date('2026-12-05T21:00:00.123Z'),
      yes: true,
      no: false,
      nothing: null,
      binary: new Binary(Buffer.from([0, 1, 2, 250])),
      regex: /^nước/i,
      nested: { deeper: { list: [1, 'two', { three: [3.5, null, 'bốn'] }], when: new Date(0) } },
      emptyList: [],
      emptyDoc: {},
    };
    await c.insertOne(doc);
    const [read] = await c.find({ _id: id }).toArray();
    assert.deepEqual(read, doc);
  });
});

describe("FerretDB's SQLite driver patch: each connection keeps its prepared statements", function () {
  this.timeout(60_000);
  const own = ownFerretDb('stmts');

  const counters = async () => {
    const vars = (await (await fetch(`http://127.0.0.1:${own.debugPort}/debug/vars`)).json()) as Record<
      string,
      number
    >;
    return { prepared: vars.sqlite_stmt_cache_prepared, reused: vars.sqlite_stmt_cache_reused };
  };

  it('when the same find runs again and again, then its statement is prepared once and reused', async () => {
    const c = own.client!.db('stmts').collection<{ _id: string; n: number }>('probe');
    await c.insertMany(Array.from({ length: 5 }, (_, n) => ({ _id: `d${n}`, n })));
    await c.findOne({ _id: 'd0' });
    const before = await counters();
    for (let i = 0; i < 50; i++) assert.equal((await c.findOne({ _id: `d${i % 5}` }))?.n, i % 5);
    const after = await counters();
    // Unpatched, the driver prepares and finalizes every statement on each use (no counters at all).
    assert.ok(after.reused - before.reused >= 50, `reused ${after.reused - before.reused} times`);
    assert.ok(after.prepared - before.prepared < 10, `prepared ${after.prepared - before.prepared} times`);
  });

  it('when a write fails on a unique key, then the same statements still write and read afterwards', async () => {
    const c = own.client!.db('stmts').collection<{ _id: string; n: number }>('unique');
    await c.insertOne({ _id: 'a', n: 1 });
    await assert.rejects(c.insertOne({ _id: 'a', n: 2 }), /duplicate key/i);
    await c.insertOne({ _id: 'b', n: 3 });
    await c.updateOne({ _id: 'a' }, { $set: { n: 4 } });
    assert.deepEqual(await c.find({}).sort({ _id: 1 }).toArray(), [
      { _id: 'a', n: 4 },
      { _id: 'b', n: 3 },
    ]);
  });

  it('when a cursor is left after its first batch, then writes and the same query on the connection go on', async () => {
    const c = own.client!.db('stmts').collection<{ _id: string; n: number }>('cursor');
    await c.insertMany(Array.from({ length: 30 }, (_, n) => ({ _id: `c${String(n).padStart(2, '0')}`, n })));
    const cursor = c.find({}, { batchSize: 5 });
    assert.equal((await cursor.next())?._id, 'c00');
    // The open cursor holds its statement: the same query meanwhile prepares its own.
    assert.equal((await c.find({}).toArray()).length, 30);
    await c.updateOne({ _id: 'c29' }, { $set: { n: 290 } });
    await cursor.close();
    assert.equal((await c.findOne({ _id: 'c29' }))?.n, 290);
    assert.equal((await c.find({}).toArray()).length, 30);
  });

  it('when a collection is dropped and made again, then the statements kept for it read the new one', async () => {
    const db = own.client!.db('stmts');
    const c = db.collection<{ _id: string; v: string }>('again');
    await c.insertOne({ _id: 'x', v: 'first' });
    assert.equal((await c.findOne({ _id: 'x' }))?.v, 'first');
    await c.drop();
    assert.equal(await c.findOne({ _id: 'x' }), null);
    await c.insertOne({ _id: 'x', v: 'second' });
    await c.createIndex({ v: 1 });
    assert.equal((await c.findOne({ _id: 'x' }))?.v, 'second');
    await c.updateOne({ _id: 'x' }, { $set: { v: 'third' } });
    assert.deepEqual(await c.find({ _id: 'x' }).toArray(), [{ _id: 'x', v: 'third' }]);
  });
});

describe('FerretDB patch: command parameters are parsed as before', function () {
  this.timeout(60_000);
  const own = ownFerretDb('params');

  it('when a command names an unknown field, leaves out a required one or asks for one not implemented, then it is refused as before', async () => {
    const db = own.client!.db('params');
    await db.collection('probe').insertOne({ _id: 'p', n: 1 } as never);
    await assert.rejects(db.command({ find: 'probe', filter: {}, noSuchOption: 1 }), /unknown field/);
    await assert.rejects(db.command({ distinct: 'probe' }), /BSON field 'distinct.key' is missing/);
    await assert.rejects(
      db.command({ find: 'probe', filter: {}, collation: { locale: 'vi' } }),
      /support for field "collation" .* is not implemented/,
    );
    const values = await db.command({ distinct: 'probe', key: 'n' });
    assert.deepEqual(values.values, [1]);
    const found = await db.command({ find: 'probe', filter: { n: 1 }, limit: 1, batchSize: 5 });
    assert.deepEqual((found.cursor as { firstBatch: unknown[] }).firstBatch, [{ _id: 'p', n: 1 }]);
  });
});
