/**
 * The deadline sweep enqueues the close of an auction or a call found past its deadline with the
 * run time taken from that deadline: never `Invalid Date` (which the job store refuses, so the
 * close was never enqueued and the refusal was logged at every sweep).
 */
import assert from 'node:assert/strict';
import { connectTestDatabase, resetDatabase } from '../helpers/test-app';
import { signUp } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { JobModel } from '../../server/scheduler/job.model';
import { enqueueJob } from '../../server/scheduler/job.store';
import { AUCTION_CLOSE, CALL_CLOSE, enqueueDueDeadlines } from '../../server/bids/deadline-jobs';
import { DEADLINE_GRACE_MS } from '../../server/bids/deadline-close.service';
import { auctionOffer, publishedDemand } from './deals-helpers';

describe('the deadline sweep’s job times', () => {
  before(async () => {
    await connectTestDatabase();
    await createTestApp();
  });
  beforeEach(resetDatabase);

  it('when an auction and a call are past their deadline, then each close job runs at its deadline plus the grace', async () => {
    const t = await createTestApp();
    const owner = await signUp(t.app, { kind: 'institute' });
    const buyer = await signUp(t.app, { kind: 'enterprise' });
    const closesAt = new Date(Date.now() - 3_600_000);
    const offerId = await auctionOffer(owner, closesAt);
    const demandId = await publishedDemand(buyer, { mode: 'call_for_proposals', deadline: closesAt });
    await enqueueDueDeadlines();
    const jobs = await JobModel.find({}).lean();
    const auction = jobs.find((j) => j.type === AUCTION_CLOSE);
    const call = jobs.find((j) => j.type === CALL_CLOSE);
    assert.equal(auction?.payload?.offerId, offerId);
    assert.equal(call?.payload?.demandId, demandId);
    for (const job of [auction!, call!]) {
      assert.ok(!Number.isNaN(new Date(job.runAt).getTime()), `${job.type} runAt is a date`);
      assert.equal(new Date(job.runAt).getTime(), closesAt.getTime() + DEADLINE_GRACE_MS);
    }
  });

  it('when a job is given no time to run, then it is refused naming the job, and nothing is written', async () => {
    await assert.rejects(
      () =>
        enqueueJob({ type: AUCTION_CLOSE, runAt: new Date(undefined as never), payload: { offerId: 'x' } }),
      /^Error: Job auction\.close was given no time to run \(runAt Invalid Date; payload \{"offerId":"x"\}\)/,
    );
    assert.equal(await JobModel.countDocuments({}), 0);
  });
});
