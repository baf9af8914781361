/**
 * Locks in Redis (server/common/redis-locks.ts), used instead of lock documents when REDIS_URL
 * is set: one holder at a time, only the holder frees or renews its lock, the fencing check
 * refuses a holder whose lock expired or was taken, and two exchange processes sharing a Redis
 * take their records' locks there.
 */
import assert from 'node:assert/strict';
import mongoose, { Schema } from 'mongoose';
import request from 'supertest';
import { createClient } from 'redis';
import { connectTestDatabase, resetDatabase } from '../helpers/test-app';
import { startRedis, type RunningService } from '../../scripts/services/services';
import { connectRedisLocks, type RedisLocks } from '../../server/common/redis-locks';
import { LockModel } from '../../server/common/locks';
import { AppError } from '../../server/common/errors';
import { RecordStore, holdLocks, lockBackendName, useLockBackend } from '../../server/common/store';
import { startRedisPair, type RedisPair } from '../helpers/redis-processes';
import { PASSWORD } from '../helpers/factories';
import { cast, publishedOffer, terms } from '../api/deals-helpers';
import { DealModel } from '../../server/deals/deal.model';
import type { Express } from 'express';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ProbeDoc {
  _id: mongoose.Types.ObjectId;
  n: number;
  writers: string[];
}

const ProbeModel: mongoose.Model<any> =
  mongoose.models.RedisLockProbe ??
  mongoose.model('RedisLockProbe', new Schema({ n: Number, writers: [String] }, { versionKey: false }));

const probes = new RecordStore<ProbeDoc>({
  label: 'Probe',
  model: ProbeModel,
  lockKey: (id) => `probe:${id}`,
});

const increment = (writer: string) => (current: ProbeDoc) => ({
  change: { $set: { n: current.n + 1 }, $push: { writers: writer } },
  result: current.n + 1,
});

describe('locks in Redis', function () {
  this.timeout(30_000);
  let redis: RunningService;
  let locks: RedisLocks;
  let raw: ReturnType<typeof createClient>;

  before(async () => {
    await connectTestDatabase();
    redis = await startRedis();
    locks = await connectRedisLocks(redis.url);
    raw = createClient({ url: redis.url });
    await raw.connect();
  });
  after(async () => {
    useLockBackend(null);
    await raw?.close();
    await locks?.stop();
    await redis?.stop();
  });
  afterEach(() => useLockBackend(null));

  it('when two holders ask for one lock, then one gets it, and the other can neither free, renew nor pass the fencing check with it', async () => {
    const { backend } = locks;
    const taken = await Promise.all([backend.take('k:1', 'a', 5000), backend.take('k:1', 'b', 5000)]);
    assert.deepEqual([...taken].sort(), [false, true]);
    const [winner, loser] = taken[0] ? ['a', 'b'] : ['b', 'a'];
    await backend.release('k:1', loser);
    assert.equal(await raw.get('tx:lock:k:1'), winner);
    assert.equal(await backend.renew('k:1', loser, 5000), false);
    assert.equal((await backend.remaining('k:1', loser)) > 0, false);
    assert.equal((await backend.remaining('k:1', winner)) > 1000, true);
    await backend.release('k:1', winner);
    assert.equal(await raw.get('tx:lock:k:1'), null);
    assert.equal(await backend.take('k:1', loser, 5000), true);
  });

  it('when a holder’s lock expires and another takes it, then the first fails the fencing check and cannot free the new lock', async () => {
    const { backend } = locks;
    assert.equal(await backend.take('k:2', 'stalled', 100), true);
    await sleep(200);
    assert.equal(await backend.take('k:2', 'next', 5000), true);
    assert.equal((await backend.remaining('k:2', 'stalled')) > 0, false);
    await backend.release('k:2', 'stalled');
    assert.equal((await backend.remaining('k:2', 'next')) > 1000, true);
    await backend.release('k:2', 'next');
  });

  it('when the lock will not last the fencing margin, then the check refuses even its own holder', async () => {
    const { backend } = locks;
    assert.equal(await backend.take('k:3', 'short', 300), true);
    assert.equal((await backend.remaining('k:3', 'short')) > 1000, false);
    assert.equal(await backend.renew('k:3', 'short', 5000), true);
    assert.equal((await backend.remaining('k:3', 'short')) > 1000, true);
    await backend.release('k:3', 'short');
  });

  it('when ten writers change one record through a store on Redis locks, then each sees the one before it and no lock document is written', async () => {
    useLockBackend(locks.backend);
    assert.equal(lockBackendName(), 'redis');
    const id = String((await probes.create({ n: 0, writers: [] }))._id);
    const watched = { inserts: 0 };
    const onCommand = (e: { commandName: string; command: Record<string, unknown> }) => {
      if (e.commandName === 'insert' && e.command.insert === LockModel.collection.collectionName)
        watched.inserts++;
    };
    const client = mongoose.connection.getClient();
    client.on('commandStarted', onCommand);
    try {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => probes.mutate(id, increment(`w${i}`))),
      );
      assert.deepEqual(
        results.map((r) => r.result).sort((a, b) => a - b),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      );
    } finally {
      client.off('commandStarted', onCommand);
    }
    const doc = (await ProbeModel.findById(id).lean()) as ProbeDoc;
    assert.equal(doc.n, 10);
    assert.equal(doc.writers.length, 10);
    assert.equal(watched.inserts, 0);
  });

  it('when the Redis lock was taken by another holder before the write, then the fencing check refuses the write', async () => {
    useLockBackend(locks.backend);
    const id = String((await probes.create({ n: 0, writers: [] }))._id);
    const attempt = holdLocks([`probe:${id}`], async () => {
      await raw.set(`tx:lock:probe:${id}`, 'someone-else', { expiration: { type: 'PX', value: 60_000 } });
      return probes.mutate(id, increment('stale'));
    });
    await assert.rejects(attempt, (err: unknown) => err instanceof AppError && err.status === 409);
    const doc = (await ProbeModel.findById(id).lean()) as ProbeDoc;
    assert.equal(doc.n, 0);
    assert.equal(await raw.get(`tx:lock:probe:${id}`), 'someone-else');
    await raw.del(`tx:lock:probe:${id}`);
  });
});

describe('locks in Redis across two server processes', function () {
  this.timeout(60_000);
  let pair: RedisPair;
  let raw: ReturnType<typeof createClient>;

  before(async () => {
    pair = await startRedisPair();
    raw = createClient({ url: pair.redis.url });
    await raw.connect();
  });
  after(async () => {
    await raw?.close();
    await pair?.stop();
  });
  beforeEach(resetDatabase);

  it('when both processes take proposals for one deal at once, then each proposal gets its own version and none is lost', async () => {
    const c = await cast(pair.a.url as unknown as Express);
    const offerId = await publishedOffer(c.institute);
    const deal = await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    const dealId = deal.body.deal.id as string;
    const onB = request.agent(pair.b.url);
    await onB.post('/api/auth/login').send({ email: c.institute.user.email, password: PASSWORD }).expect(200);
    const proposals = Array.from({ length: 8 }, (_, i) =>
      (i % 2 ? onB : c.institute.agent)
        .post(`/api/deals/${dealId}/terms`)
        .send(terms(300_000_000 + i * 1000))
        .expect(201),
    );
    const versions = (await Promise.all(proposals)).map((res) => res.body.termSheet.version as number);
    const stored = await DealModel.findById(dealId).lean();
    const sheetCount = stored!.termSheets.length;
    assert.equal(new Set(versions).size, 8);
    assert.equal(sheetCount, 8);
    assert.deepEqual(
      stored!.termSheets.map((s) => s.price).sort(),
      versions.map((_, i) => 300_000_000 + i * 1000).sort(),
    );
  });

  it('when a deal’s lock is held in Redis, then a proposal through either process waits for it and then goes ahead', async () => {
    const c = await cast(pair.a.url as unknown as Express);
    const offerId = await publishedOffer(c.institute);
    const deal = await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    const dealId = deal.body.deal.id as string;
    await raw.set(`tx:lock:deal:${dealId}`, 'another-holder', { expiration: { type: 'PX', value: 30_000 } });
    const proposal = c.institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(310_000_000));
    const answered = proposal.then((res) => res);
    await sleep(700);
    assert.equal((await DealModel.findById(dealId).lean())!.termSheets.length, 0);
    await raw.del(`tx:lock:deal:${dealId}`);
    const res = await answered;
    assert.equal(res.status, 201);
    assert.equal((await DealModel.findById(dealId).lean())!.termSheets.length, 1);
  });
});
