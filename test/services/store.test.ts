/**
 * The store base (server/common/store.ts) on the real database: writers of one record take turns,
 * a lock is renewed while its holder works and fenced right before the write, a busy record
 * answers 409 after a bounded wait, and a plan that refuses or changes nothing writes nothing.
 */
import assert from 'node:assert/strict';
import mongoose, { Schema } from 'mongoose';
import { connectTestDatabase } from '../helpers/test-app';
import { AppError } from '../../server/common/errors';
import { LockModel } from '../../server/common/locks';
import { onRecordWritten, type RecordChange } from '../../server/common/record-changes';
import {
  RecordStore,
  compareLockKeys,
  holdLocks,
  lockTiming,
  type Mutation,
} from '../../server/common/store';

interface ProbeDoc {
  _id: mongoose.Types.ObjectId;
  n: number;
  writers: string[];
}

const ProbeModel: mongoose.Model<any> =
  mongoose.models.StoreProbe ??
  mongoose.model('StoreProbe', new Schema({ n: Number, writers: [String] }, { versionKey: false }));

const probes = new RecordStore<ProbeDoc>({
  label: 'Probe',
  model: ProbeModel,
  lockKey: (id) => `probe:${id}`,
  recordType: 'message',
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function increment(writer: string) {
  return (current: ProbeDoc) => ({
    change: { $set: { n: current.n + 1 }, $push: { writers: writer } },
    result: current.n + 1,
  });
}

async function stored(id: string): Promise<ProbeDoc> {
  return (await ProbeModel.findById(id).lean()) as ProbeDoc;
}

describe('store base: mutate under a renewed, fenced lock', function () {
  this.timeout(30000);
  const saved = { ...lockTiming };
  let changes: RecordChange[] = [];
  let stopListening: () => void = () => {};
  let id: string;

  before(connectTestDatabase);
  beforeEach(async () => {
    Object.assign(lockTiming, saved);
    changes = [];
    stopListening = onRecordWritten((c) => {
      if (c.id === id) changes.push(c);
    });
    id = String((await probes.create({ n: 0, writers: [] }))._id);
    changes = [];
  });
  afterEach(() => {
    stopListening();
    Object.assign(lockTiming, saved);
  });

  it('when ten writers change one record at once, then each sees the one before it and none is lost', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => probes.mutate(id, increment(`w${i}`))),
    );
    assert.deepEqual(
      results.map((r) => r.result).sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    const doc = await stored(id);
    assert.equal(doc.n, 10);
    assert.equal(doc.writers.length, 10);
    assert.equal(changes.length, 10);
  });

  it('when ten writers in one process change one record at once, then they wait their turn in the process: each takes the lock once, without polling', async () => {
    let lockInserts = 0;
    const client = mongoose.connection.getClient();
    const onCommand = (e: { commandName: string; command: Record<string, unknown> }) => {
      if (e.commandName === 'insert' && e.command.insert === LockModel.collection.collectionName)
        lockInserts++;
    };
    client.on('commandStarted', onCommand);
    try {
      await Promise.all(Array.from({ length: 10 }, (_, i) => probes.mutate(id, increment(`w${i}`))));
    } finally {
      client.off('commandStarted', onCommand);
    }
    assert.equal((await stored(id)).n, 10);
    assert.equal(lockInserts, 10);
  });

  it('when a flow holds the record past the lock’s lifetime, then its lock is renewed and a second writer waits for it', async () => {
    lockTiming.ttlMs = 300;
    const order: string[] = [];
    const first = probes.hold(id, async () => {
      await sleep(1200); // four lifetimes of the lock
      const m = await probes.mutate(id, increment('first'));
      order.push('first');
      return m;
    });
    await sleep(50);
    const second = probes.mutate(id, increment('second')).then((m) => {
      order.push('second');
      return m;
    });
    const [a, b] = (await Promise.all([first, second])) as Mutation<ProbeDoc, number>[];
    assert.deepEqual(order, ['first', 'second']);
    assert.equal(a.result, 1);
    assert.equal(b.result, 2);
    assert.deepEqual((await stored(id)).writers, ['first', 'second']);
  });

  it('when the lock was lost to another holder before the write, then the fencing check refuses the write', async () => {
    const attempt = probes.hold(id, async () => {
      // As if the lock expired and another writer took it meanwhile.
      await LockModel.collection.updateOne({ _id: `probe:${id}` } as never, {
        $set: { owner: 'someone-else' },
      });
      return probes.mutate(id, increment('stale'));
    });
    await assert.rejects(attempt, (err: unknown) => err instanceof AppError && err.status === 409);
    const doc = await stored(id);
    assert.equal(doc.n, 0);
    assert.deepEqual(doc.writers, []);
    assert.equal(changes.length, 0);
  });

  it('when the record stays busy beyond the wait, then the writer gets 409 and nothing is written', async () => {
    lockTiming.waitMs = 200;
    await LockModel.collection.insertOne({
      _id: `probe:${id}`,
      owner: 'another-process',
      until: new Date(Date.now() + 60_000),
    } as never);
    try {
      await assert.rejects(
        probes.mutate(id, increment('late')),
        (err: unknown) => err instanceof AppError && err.status === 409,
      );
    } finally {
      await LockModel.collection.deleteOne({ _id: `probe:${id}` } as never);
    }
    assert.equal((await stored(id)).n, 0);
    assert.equal(changes.length, 0);
  });

  it('when a lock’s holder died, then its lock expires and the next writer goes ahead', async () => {
    await LockModel.collection.insertOne({
      _id: `probe:${id}`,
      owner: 'a-dead-process',
      until: new Date(Date.now() - 1),
    } as never);
    const m = await probes.mutate(id, increment('next'));
    assert.equal(m.result, 1);
  });

  it('when the plan refuses, then the refusal reaches the caller and nothing is written or announced', async () => {
    await assert.rejects(
      probes.mutate(id, () => {
        throw AppError.conflict('not now');
      }),
      (err: unknown) => err instanceof AppError && err.message === 'not now',
    );
    const unchanged = await probes.mutate(id, (current) => ({ result: current.n }));
    assert.equal(unchanged.written, false);
    assert.equal((await stored(id)).n, 0);
    assert.equal(changes.length, 0);
    assert.equal(await LockModel.collection.countDocuments({ _id: `probe:${id}` } as never), 0);
  });

  it('when a write succeeds, then the record-change hooks hear of it with the record before and after', async () => {
    await probes.mutate(id, increment('one'));
    assert.equal(changes.length, 1);
    assert.equal(changes[0].type, 'message');
    assert.equal((changes[0].before as unknown as ProbeDoc).n, 0);
    assert.equal((changes[0].after as unknown as ProbeDoc).n, 1);
    assert.equal(await probes.remove(id), true);
    assert.equal(changes[1].after, null);
  });

  it('when a flow takes several locks, then they are taken in the fixed order and a mutate inside reuses them', async () => {
    const keys = ['payment:1', 'listing:offer:9', 'deal:3', 'bid:2'].sort(compareLockKeys);
    assert.deepEqual(keys, ['listing:offer:9', 'bid:2', 'deal:3', 'payment:1']);
    const m = await holdLocks([`probe:${id}`, 'deal:probe'], () => probes.mutate(id, increment('inside')));
    assert.equal(m.result, 1);
  });
});
