/**
 * Locks in memory (server/common/memory-locks.ts), chosen with LOCK_BACKEND=memory when one
 * exchange process is its database's only user (`npm start` on its embedded database): one
 * holder at a time, only the holder frees or renews its lock, an expired holder fails the fencing
 * check, a waiter is woken when the lock is freed, and a store's writers still go one at a time
 * without writing a lock document.
 */
import assert from 'node:assert/strict';
import mongoose, { Schema } from 'mongoose';
import { connectTestDatabase } from '../helpers/test-app';
import { createMemoryLocks } from '../../server/common/memory-locks';
import { LockModel, withLock } from '../../server/common/locks';
import { RecordStore, lockBackendName, useLockBackend } from '../../server/common/store';
import { loadConfig } from '../../server/config';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ProbeDoc {
  _id: mongoose.Types.ObjectId;
  n: number;
  writers: string[];
}

const ProbeModel: mongoose.Model<any> =
  mongoose.models.MemoryLockProbe ??
  mongoose.model('MemoryLockProbe', new Schema({ n: Number, writers: [String] }, { versionKey: false }));

const probes = new RecordStore<ProbeDoc>({
  label: 'Probe',
  model: ProbeModel,
  lockKey: (id) => `probe:${id}`,
});

describe('locks in memory (one process alone on its database)', function () {
  this.timeout(20_000);
  before(connectTestDatabase);
  afterEach(() => useLockBackend(null));

  it('when two holders ask for one lock, then one gets it, and the other can neither free, renew nor pass the fencing check with it', async () => {
    const locks = createMemoryLocks();
    const taken = await Promise.all([locks.take('k', 'a', 5000), locks.take('k', 'b', 5000)]);
    assert.deepEqual(taken, [true, false]);
    await locks.release('k', 'b');
    assert.equal(await locks.renew('k', 'b', 5000), false);
    assert.equal(await locks.remaining('k', 'b'), -1);
    assert.ok((await locks.remaining('k', 'a')) > 1000);
    await locks.release('k', 'a');
    assert.equal(await locks.take('k', 'b', 5000), true);
  });

  it('when a holder’s lock expires and another takes it, then the first fails the fencing check and cannot free the new lock', async () => {
    const locks = createMemoryLocks();
    assert.equal(await locks.take('k', 'stalled', 50), true);
    await sleep(80);
    assert.equal(await locks.take('k', 'next', 5000), true);
    assert.equal(await locks.remaining('k', 'stalled'), -1);
    await locks.release('k', 'stalled');
    assert.ok((await locks.remaining('k', 'next')) > 1000);
    assert.equal(await locks.renew('k', 'stalled', 5000), false);
  });

  it('when a lock is freed, then a waiter is woken at once rather than polling', async () => {
    const locks = createMemoryLocks();
    await locks.take('k', 'first', 5000);
    let woken = false;
    const waiting = locks.waitFor('k', 5000).then(() => (woken = true));
    await sleep(20);
    assert.equal(woken, false);
    await locks.release('k', 'first');
    await waiting;
    assert.equal(woken, true);
    await locks.waitFor('k', 5000); // free: resolves at once
  });

  it('when ten writers change one record through a store on memory locks, then each sees the one before it and no lock document is written', async () => {
    useLockBackend(createMemoryLocks());
    assert.equal(lockBackendName(), 'memory');
    const id = String((await probes.create({ n: 0, writers: [] }))._id);
    let lockInserts = 0;
    const onCommand = (e: { commandName: string; command: Record<string, unknown> }) => {
      if (e.commandName === 'insert' && e.command.insert === LockModel.collection.collectionName)
        lockInserts++;
    };
    const client = mongoose.connection.getClient();
    client.on('commandStarted', onCommand);
    try {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          probes.mutate(id, (current) => ({
            change: { $set: { n: current.n + 1 }, $push: { writers: `w${i}` } },
            result: current.n + 1,
          })),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.result).sort((a, b) => a - b),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      );
      // withLock's waiters (the owner lists', the rollups') take turns as well.
      let inside = 0;
      let most = 0;
      await Promise.all(
        Array.from({ length: 5 }, () =>
          withLock('memory-probe', async () => {
            most = Math.max(most, ++inside);
            await sleep(5);
            inside--;
          }),
        ),
      );
      assert.equal(most, 1);
    } finally {
      client.off('commandStarted', onCommand);
    }
    const doc = (await ProbeModel.findById(id).lean()) as ProbeDoc;
    assert.equal(doc.n, 10);
    assert.equal(lockInserts, 0);
  });

  it('when LOCK_BACKEND=memory is asked for beside REDIS_URL, then the configuration is refused naming it', () => {
    assert.throws(
      () => loadConfig({ LOCK_BACKEND: 'memory', REDIS_URL: 'redis://127.0.0.1:6379', NODE_ENV: 'test' }),
      /LOCK_BACKEND/,
    );
    assert.equal(loadConfig({ LOCK_BACKEND: 'memory', NODE_ENV: 'test' }).lockBackend, 'memory');
    assert.equal(loadConfig({ NODE_ENV: 'test' }).lockBackend, 'database');
  });
});
