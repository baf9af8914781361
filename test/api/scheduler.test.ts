import assert from 'node:assert/strict';
import { connectTestDatabase, resetDatabase } from '../helpers/test-app';
import { eventually } from '../helpers/eventually';
import { startScheduler, type JobHandler } from '../../server/scheduler/scheduler';
import { enqueueJob } from '../../server/scheduler/job.store';
import { JobModel } from '../../server/scheduler/job.model';
import { LockModel, withLock } from '../../server/common/locks';
import { claimOnce } from '../../server/common/claims';
import { setLogLevel } from '../../server/common/logger';

const jobDone = (id: unknown) => async () => JobModel.findOne({ _id: id, status: 'done' }).lean();

describe('the durable scheduler', function () {
  this.timeout(30_000);
  const workers: { stop(): Promise<void> | void }[] = [];
  before(async () => {
    setLogLevel(process.env.LOG_LEVEL ?? 'silent');
    await connectTestDatabase();
  });
  beforeEach(resetDatabase);
  afterEach(async () => {
    while (workers.length) await workers.pop()!.stop();
  });

  function run(handlers: Record<string, JobHandler>, extra: { maxAttempts?: number; lockMs?: number } = {}) {
    const worker = startScheduler({ handlers, intervalMs: 50, ...extra });
    workers.push(worker);
    return worker;
  }

  it('enqueueing the same work twice (same dedupeKey) keeps one job', async () => {
    const first = await enqueueJob({ type: 'x', runAt: new Date(), dedupeKey: 'x:1' });
    const again = await enqueueJob({ type: 'x', runAt: new Date(), dedupeKey: 'x:1' });
    assert.equal(String(first._id), String(again._id));
    await enqueueJob({ type: 'x', runAt: new Date() });
    await enqueueJob({ type: 'x', runAt: new Date() });
    assert.equal(await JobModel.countDocuments({}), 3);
  });

  it('when three schedulers run against one database, then each due job runs once', async () => {
    let runs = 0;
    const handlers = {
      count: async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
    };
    run(handlers);
    run(handlers);
    run(handlers);
    const jobs = await Promise.all(
      [1, 2, 3, 4, 5].map(() => enqueueJob({ type: 'count', runAt: new Date() })),
    );
    for (const job of jobs) await eventually(jobDone(job._id), 'the job to finish');
    assert.equal(runs, 5);
  });

  it('a job waits for its time', async () => {
    let ran = false;
    run({ later: async () => void (ran = true), now: async () => undefined });
    const job = await enqueueJob({ type: 'later', runAt: new Date(Date.now() + 3600_000) });
    const marker = await enqueueJob({ type: 'now', runAt: new Date() });
    await eventually(jobDone(marker._id), 'a job due now to run');
    assert.equal(ran, false);
    assert.equal((await JobModel.findById(job._id).lean())?.status, 'pending');
  });

  it('a failing job is retried later and marked failed after its last attempt', async () => {
    let runs = 0;
    run(
      {
        broken: async () => {
          runs++;
          throw new Error('boom');
        },
      },
      { maxAttempts: 2 },
    );
    const job = await enqueueJob({ type: 'broken', runAt: new Date() });
    const retried = await eventually(
      async () => JobModel.findOne({ _id: job._id, status: 'pending', attempts: 1 }).lean(),
      'the retry to be scheduled',
    );
    assert.equal(retried.lastError, 'boom');
    assert.ok(retried.runAt.getTime() > Date.now());
    await JobModel.updateOne({ _id: job._id }, { $set: { runAt: new Date() } });
    const failed = await eventually(
      async () => JobModel.findOne({ _id: job._id, status: 'failed' }).lean(),
      'failure',
    );
    assert.equal(failed.attempts, 2);
    assert.equal(runs, 2);
  });

  it('a handler may put its job off to a later time', async () => {
    const later = new Date(Date.now() + 3600_000);
    run({ wait: async () => ({ rescheduleAt: later }) });
    const job = await enqueueJob({ type: 'wait', runAt: new Date() });
    const pending = await eventually(
      async () => JobModel.findOne({ _id: job._id, status: 'pending', runAt: later }).lean(),
      'the job to be put off',
    );
    assert.equal(pending.lockedBy, undefined);
  });

  it('a scheduler leaves alone the jobs of types it does not handle', async () => {
    run({ mine: async () => undefined });
    const foreign = await enqueueJob({ type: 'someone-else', runAt: new Date() });
    const mine = await enqueueJob({ type: 'mine', runAt: new Date() });
    await eventually(jobDone(mine._id), 'its own job');
    assert.equal((await JobModel.findById(foreign._id).lean())?.status, 'pending');
  });

  it('a job left running by a dead process is taken over when its lock expires', async () => {
    let runs = 0;
    const job = await JobModel.create({
      type: 'orphan',
      runAt: new Date(Date.now() - 60_000),
      status: 'running',
      lockedBy: 'dead-process',
      lockedUntil: new Date(Date.now() - 1000),
      attempts: 1,
    });
    await LockModel.collection.insertOne({
      _id: `job:${job._id}`,
      owner: 'dead',
      until: new Date(Date.now() - 1000),
    } as never);
    run({ orphan: async () => void runs++ });
    await eventually(jobDone(job._id), 'the orphaned job to finish');
    assert.equal(runs, 1);
  });

  it('withLock runs concurrent critical sections one after another; claimOnce lets one of many win', async () => {
    let inside = 0;
    let most = 0;
    await Promise.all(
      [1, 2, 3, 4].map(() =>
        withLock('test:section', async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 10));
          inside--;
        }),
      ),
    );
    assert.equal(most, 1);
    const wins = await Promise.all([1, 2, 3, 4].map(() => claimOnce('test:once', {})));
    assert.equal(wins.filter(Boolean).length, 1);
  });
});
