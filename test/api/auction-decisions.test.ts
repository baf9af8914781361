import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { eventually } from '../helpers/eventually';
import { BidModel } from '../../server/bids/bid.model';
import { DealModel } from '../../server/deals/deal.model';
import { JobModel } from '../../server/scheduler/job.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { closeAuction } from '../../server/bids/deadline-close.service';
import { planBidTransition } from '../../server/bids/bid-lifecycle';
import { startScheduler } from '../../server/scheduler/scheduler';
import { enqueueJob } from '../../server/scheduler/job.store';
import {
  alertOperatorsOfFailedJob,
  JOB_FAILED_NOTIFICATION,
} from '../../server/notifications/failed-job-alert';
import { setLogLevel } from '../../server/common/logger';
import { aBid, passDeadline, auctionOffer, cast, inOneHour, type Cast } from './deals-helpers';

describe('auctions are decided by the system alone', function () {
  this.timeout(60_000);
  let t: TestApp;
  let c: Cast;
  const workers: { stop(): Promise<void> | void }[] = [];
  before(async () => {
    setLogLevel(process.env.LOG_LEVEL ?? 'silent');
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });
  afterEach(async () => {
    while (workers.length) await workers.pop()!.stop();
  });

  /** An auction with two bids whose closing time has passed, its close job not run yet. */
  async function pastClosingTime() {
    const offerId = await auctionOffer(c.institute, inOneHour());
    const low = await c.enterprise.agent
      .post(`/api/offers/${offerId}/bids`)
      .send(aBid(160_000_000))
      .expect(201);
    const top = await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(180_000_000)).expect(201);
    await passDeadline('offer', offerId);
    clearRecordCaches();
    return { offerId, lowId: low.body.bid.id as string, topId: top.body.bid.id as string };
  }

  it('when the owner tries to accept, reject or shortlist a bid between the closing time and the close, then 409 and nothing changes', async () => {
    const { lowId, topId } = await pastClosingTime();
    for (const action of ['accept', 'reject', 'shortlist']) {
      // A rejection says why; the reason is no excuse to decide an auction by hand.
      const res = await c.institute.agent
        .post(`/api/bids/${lowId}/${action}`)
        .send({ reason: 'price_too_high' })
        .expect(409);
      assert.match(res.body.error.message, /decided by its close/);
    }
    const statuses = await Promise.all(
      [lowId, topId].map(async (id) => (await BidModel.findById(id).lean())!.status),
    );
    assert.deepEqual(statuses, ['submitted', 'submitted']);
    assert.equal(await DealModel.countDocuments({}), 0);
  });

  it('when the close runs after such a refusal, then the highest bid wins and the lower one is rejected', async () => {
    const { offerId, lowId, topId } = await pastClosingTime();
    await c.institute.agent.post(`/api/bids/${lowId}/accept`).expect(409);
    const result = await closeAuction(offerId, t.ctx);
    assert.equal(result.done && 'outcome' in result && result.outcome, 'sold');
    assert.equal((await BidModel.findById(topId).lean())!.status, 'accepted');
    assert.equal((await BidModel.findById(lowId).lean())!.status, 'rejected');
    const deals = await DealModel.find({}).lean();
    assert.deepEqual(
      deals.map((d) => String(d.buyerOrgId)),
      [c.rival.orgId],
    );
  });

  it('owner decisions on an auction are refused by the bid rules; the system may still decide', () => {
    assert.deepEqual(planBidTransition('submitted', 'accept', 'system', { auction: true }), {
      ok: true,
      to: 'accepted',
    });
    const owner = planBidTransition('submitted', 'accept', 'owner', { auction: true });
    assert.equal(owner.ok, false);
    assert.equal(!owner.ok && owner.reason, 'system_decides');
  });

  it('when a job fails for good after its retries, then every operator is notified once', async () => {
    let runs = 0;
    const worker = startScheduler({
      handlers: {
        'auction.close': async () => {
          runs++;
          throw new Error('the winner could not be accepted');
        },
      },
      intervalMs: 50,
      maxAttempts: 2,
      onFailedForGood: (job, err) => alertOperatorsOfFailedJob(t.ctx, job, err),
    });
    workers.push(worker);
    const job = await enqueueJob({ type: 'auction.close', runAt: new Date(), payload: { offerId: 'x' } });
    await eventually(
      async () => JobModel.findOne({ _id: job._id, status: 'pending', attempts: 1 }).lean(),
      'the retry to be scheduled',
    );
    assert.equal(await NotificationModel.countDocuments({ type: JOB_FAILED_NOTIFICATION }), 0);
    await JobModel.updateOne({ _id: job._id }, { $set: { runAt: new Date() } });
    await eventually(async () => JobModel.findOne({ _id: job._id, status: 'failed' }).lean(), 'failure');
    const alerts = await eventually(async () => {
      const found = await NotificationModel.find({ type: JOB_FAILED_NOTIFICATION }).lean();
      return found.length ? found : null;
    }, 'the operators to be alerted');
    assert.equal(runs, 2);
    assert.deepEqual(
      alerts.map((n) => String(n.userId)),
      [c.admin.user.id],
    );
    assert.match(alerts[0].title.en, /auction\.close/);
    await eventually(async () => {
      const seen = await c.admin.agent.get('/api/notifications').expect(200);
      return seen.body.notifications.some((n: { type: string }) => n.type === JOB_FAILED_NOTIFICATION);
    }, 'the operator to see the alert');
  });
});
