/**
 * A deal whose agreed terms carry milestones delivers before it is complete: the seller delivers,
 * the buyer accepts or asks for changes, an unanswered delivery is accepted by the system when
 * its time comes, a dispute stops that clock until the broker or an operator resolves it, and
 * the deal closes as won once every milestone is settled (paid for, confirmed received, its share
 * of the success fee paid: milestone-settlement.test.ts walks that in detail).
 */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { DealModel } from '../../server/deals/deal.model';
import { JobModel } from '../../server/scheduler/job.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { autoAcceptMilestone, settleMilestoneAs } from '../../server/deals/milestone.service';
import { dealPayments } from '../../server/payments';
import { MILESTONE_AUTO_ACCEPT, MILESTONE_REMINDER } from '../../server/scheduler/job-types';
import { remindBuyerOfMilestone } from '../../server/deals/milestone-jobs';
import { setLogLevel } from '../../server/common/logger';
import { NotificationModel } from '../../server/notifications/notification.model';
import { startDealNotices } from '../../server/deals/deal-notices.starter';
import { eventually } from '../helpers/eventually';
import { cast, type Cast } from './deals-helpers';
import { agreedDeal } from './payments-helpers';
import type { Member } from '../helpers/factories';
import type { SessionUser } from '../../server/common/session-user';

const DAY = 86_400_000;

describe('milestones carry a deal through delivery', function () {
  this.timeout(60_000);
  let t: TestApp;
  let c: Cast;
  let dealId: string;
  before(async () => {
    setLogLevel(process.env.LOG_LEVEL ?? 'silent');
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
    // 100,000,000 of the price falls due on signing; the milestones carry the other 500,000,000.
    dealId = await agreedDeal(c.institute, c.enterprise, {
      price: 600_000_000,
      brokerUserId: c.broker.user.id,
    });
    const due = (days: number) => new Date(Date.now() + days * DAY);
    await DealModel.updateOne(
      { _id: dealId },
      {
        $set: {
          'termSheets.0.milestones': [
            { title: 'Bản vẽ thiết kế', dueDate: due(30), amount: 100_000_000, deliverable: 'Bộ bản vẽ' },
            { title: 'Lắp đặt thử nghiệm', dueDate: due(60), amount: 200_000_000 },
            { title: 'Chuyển giao vận hành', dueDate: due(90), amount: 200_000_000 },
          ],
        },
      },
    );
    clearRecordCaches();
  });

  const deps = () => ({
    bus: t.ctx.bus,
    acceptAfterDays: 14,
    schedule: t.ctx.config.feeSchedule,
    payments: dealPayments,
  });
  const act = (m: Member, n: number, action: string, body: Record<string, unknown> = {}) =>
    m.agent.post(`/api/deals/${dealId}/milestones/${n}/${action}`).send(body);
  const milestones = async (m: Member = c.enterprise) =>
    (await m.agent.get(`/api/deals/${dealId}/milestones`).expect(200)).body;

  async function payEveryFee(milestone?: number) {
    for (const party of [c.enterprise, c.institute]) {
      const res = await party.agent
        .post(`/api/deals/${dealId}/payments`)
        .send({ provider: 'bank_transfer', ...(milestone ? { milestone } : {}) })
        .expect(201);
      await c.admin.agent.post(`/api/admin/payments/${res.body.payment.id}/confirm`).send({}).expect(200);
    }
  }

  /** The buyer pays the seller for milestone `n` and the seller confirms it; both pay its fee. */
  async function settle(n: number) {
    await act(c.enterprise, n, 'transfer', { reference: `UNC-2026-${n}` }).expect(200);
    await act(c.institute, n, 'transfer/confirm').expect(200);
    await payEveryFee(n);
  }

  it('when every fee of a deal with milestones is paid, then it delivers its plan instead of closing', async () => {
    await act(c.institute, 1, 'deliver', { note: 'Gửi bản vẽ' }).expect(409);
    await payEveryFee();
    const plan = await milestones();
    assert.equal(plan.status, 'delivering');
    assert.deepEqual(
      plan.milestones.map((m: { n: number; status: string; amount: number }) => [m.n, m.status, m.amount]),
      [
        [1, 'pending', 100_000_000],
        [2, 'pending', 200_000_000],
        [3, 'pending', 200_000_000],
      ],
    );
    assert.equal(plan.milestones[0].deliverable, 'Bộ bản vẽ');
    await c.outsider.agent.get(`/api/deals/${dealId}/milestones`).expect(404);
  });

  it('when the seller delivers, the buyer asks for changes, the seller delivers again and the buyer accepts, then each step is the right party’s and recorded', async () => {
    await payEveryFee();
    // The wrong party, or the wrong moment, is refused and changes nothing.
    await act(c.enterprise, 1, 'deliver', { note: 'x' }).expect(403);
    await act(c.institute, 1, 'accept').expect(403);
    await act(c.enterprise, 1, 'accept').expect(409);
    await act(c.institute, 1, 'deliver', {}).expect(400);
    await act(c.institute, 1, 'deliver', { note: 'Bản vẽ', documentIds: ['nope'] }).expect(400);
    assert.equal((await milestones()).milestones[0].status, 'pending');

    await act(c.institute, 1, 'deliver', { note: 'Gửi bản vẽ phiên bản 1' }).expect(200);
    await act(c.enterprise, 1, 'request-changes', {}).expect(400);
    const sentBack = await act(c.enterprise, 1, 'request-changes', { note: 'Thiếu bản vẽ điện' }).expect(200);
    assert.equal(sentBack.body.milestone.status, 'changes_requested');
    assert.equal(sentBack.body.milestone.changesNote, 'Thiếu bản vẽ điện');
    await act(c.institute, 1, 'deliver', { note: 'Bổ sung bản vẽ điện' }).expect(200);
    const accepted = await act(c.enterprise, 1, 'accept').expect(200);
    assert.equal(accepted.body.milestone.status, 'accepted');
    assert.equal(accepted.body.dealStatus, 'delivering');
    await act(c.enterprise, 1, 'accept').expect(409);

    const events = (await DealModel.findById(dealId).lean())!.timeline.map((e) => e.event);
    for (const e of ['milestone_deliver', 'milestone_request_changes', 'milestone_accept'])
      assert.ok(events.includes(e), e);
  });

  it('when the buyer leaves a delivery unanswered, then the system accepts it once its time has come, and not before', async () => {
    await payEveryFee();
    await act(c.institute, 2, 'deliver', { note: 'Lắp đặt xong' }).expect(200);
    const job = await JobModel.findOne({ type: MILESTONE_AUTO_ACCEPT }).lean();
    assert.ok(job, 'the acceptance is scheduled');
    const payload = job!.payload as { dealId: string; n: number; deliveredAt: string };
    assert.equal(payload.n, 2);
    const deliveredAt = new Date(payload.deliveredAt).getTime();
    assert.ok(Math.abs(job!.runAt.getTime() - (deliveredAt + 14 * DAY)) < 1000);

    // The buyer is reminded three days before, once.
    const reminder = await JobModel.findOne({ type: MILESTONE_REMINDER }).lean();
    assert.ok(Math.abs(reminder!.runAt.getTime() - (deliveredAt + 11 * DAY)) < 1000);
    assert.equal(await remindBuyerOfMilestone(t.ctx, payload), true);
    await remindBuyerOfMilestone(t.ctx, payload);
    const reminded = await NotificationModel.find({ type: 'deal.milestone_reminder' }).lean();
    assert.deepEqual(
      reminded.map((r) => String(r.userId)),
      [c.enterprise.user.id],
    );

    const early = await autoAcceptMilestone(payload, deps(), new Date(deliveredAt + 3 * DAY));
    assert.equal(early.accepted, false);
    assert.ok(early.rescheduleAt);
    assert.equal((await milestones()).milestones[1].status, 'delivered');

    const late = await autoAcceptMilestone(payload, deps(), new Date(deliveredAt + 15 * DAY));
    assert.equal(late.accepted, true);
    const m = (await milestones()).milestones[1];
    assert.deepEqual([m.status, m.autoAccepted], ['accepted', true]);
    // Once answered, there is nothing to remind of; run again (a retried job), nothing more happens.
    assert.equal(await remindBuyerOfMilestone(t.ctx, payload), false);
    assert.equal(
      (await autoAcceptMilestone(payload, deps(), new Date(deliveredAt + 16 * DAY))).accepted,
      false,
    );
  });

  it('when a delivery is disputed, then the clock stops; the broker resolves it with a partial amount and, every milestone settled, the deal closes as won', async () => {
    await payEveryFee();
    for (const n of [1, 2]) {
      await act(c.institute, n, 'deliver', { note: `Giao mốc ${n}` }).expect(200);
      await act(c.enterprise, n, 'accept').expect(200);
    }
    await act(c.institute, 3, 'deliver', { note: 'Chuyển giao vận hành' }).expect(200);
    const payload = (await JobModel.findOne({ type: MILESTONE_AUTO_ACCEPT, 'payload.n': 3 }).lean())!
      .payload as { dealId: string; n: number; deliveredAt: string };
    await act(c.enterprise, 3, 'dispute', {}).expect(400);
    await act(c.enterprise, 3, 'dispute', { reason: 'Hệ thống chưa đạt công suất' }).expect(200);
    const paused = await autoAcceptMilestone(payload, deps(), new Date(Date.now() + 30 * DAY));
    assert.equal(paused.accepted, false);
    assert.equal((await milestones()).milestones[2].status, 'disputed');

    // Only the deal's broker or an operator resolves; a partial outcome needs its amount.
    await act(c.enterprise, 3, 'resolve', { outcome: 'accepted' }).expect(403);
    const noAmount = await act(c.broker, 3, 'resolve', { outcome: 'partial' }).expect(400);
    assert.equal(noAmount.body.error.details[0].field, 'amount');
    await act(c.broker, 3, 'resolve', { outcome: 'partial', amount: 300_000_000 }).expect(400);
    const resolved = await act(c.broker, 3, 'resolve', {
      outcome: 'partial',
      amount: 150_000_000,
      note: 'Chấp nhận 75 %',
    }).expect(200);
    assert.equal(resolved.body.milestone.status, 'accepted');
    assert.equal(resolved.body.milestone.acceptedAmount, 150_000_000);
    assert.equal(resolved.body.milestone.dispute.outcome, 'partial');
    assert.equal(resolved.body.milestone.owed, 150_000_000);
    // Every milestone is answered, none is settled yet: the deal still delivers.
    assert.equal(resolved.body.dealStatus, 'delivering');

    await settle(1);
    await settle(2);
    await act(c.enterprise, 3, 'transfer', { reference: 'UNC-2026-3', amount: 200_000_000 }).expect(400);
    await act(c.enterprise, 3, 'transfer', { reference: 'UNC-2026-3' }).expect(200);
    await payEveryFee(3);
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'delivering');
    const last = await act(c.institute, 3, 'transfer/confirm').expect(200);
    assert.equal(last.body.milestone.transfer.amount, 150_000_000);
    assert.equal(last.body.milestone.settled, true);
    assert.equal(last.body.dealStatus, 'closed_won');

    const deal = (await DealModel.findById(dealId).lean())!;
    assert.equal(deal.status, 'closed_won');
    assert.ok(deal.closedAt);
    assert.equal(deal.timeline.at(-1)!.event, 'complete');
    await act(c.institute, 3, 'deliver', { note: 'again' }).expect(409);
  });

  it('when the deal sweep closes the deal while the seller confirms the last payment, then the answer still says the deal is closed as won', async () => {
    await payEveryFee();
    for (const n of [1, 2, 3]) {
      await act(c.institute, n, 'deliver', { note: `Mốc ${n}` }).expect(200);
      await act(c.enterprise, n, 'accept').expect(200);
    }
    await settle(1);
    await settle(2);
    await act(c.enterprise, 3, 'transfer', { reference: 'UNC-2026-3' }).expect(200);
    await payEveryFee(3);
    const me = (await c.institute.agent.get('/api/auth/me').expect(200)).body as { user: SessionUser };
    // The sweep closes the deal the moment the confirmation asks, so the confirmation finds it closed.
    const sweepFirst: typeof dealPayments = {
      ...dealPayments,
      completeIfAllPaid: async (...args) => {
        assert.equal(await dealPayments.completeIfAllPaid(...args), true);
        return false;
      },
    };
    const answer = await settleMilestoneAs(
      me.user,
      dealId,
      3,
      'confirm',
      {},
      { ...deps(), payments: sweepFirst },
    );
    assert.equal(answer.milestone.settled, true);
    assert.equal(answer.dealStatus, 'closed_won');
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'closed_won');
  });

  it('when a milestone is delivered or sent back, then whoever acts next is told', async () => {
    const notices = await startDealNotices(t.ctx, {} as never);
    try {
      await payEveryFee();
      await act(c.institute, 1, 'deliver', { note: 'Gửi bản vẽ' }).expect(200);
      await eventually(
        async () =>
          (await NotificationModel.countDocuments({
            userId: c.enterprise.user.id,
            type: 'deal.milestone_delivered',
          })) === 1 || undefined,
        'the buyer told of the delivery',
      );
      await act(c.enterprise, 1, 'request-changes', { note: 'Thiếu bản vẽ điện' }).expect(200);
      await eventually(
        async () =>
          (await NotificationModel.countDocuments({
            userId: c.institute.user.id,
            type: 'deal.milestone_changes_requested',
          })) === 1 || undefined,
        'the seller told of the change request',
      );
      // Nobody is told of their own step.
      assert.equal(
        await NotificationModel.countDocuments({
          userId: c.institute.user.id,
          type: 'deal.milestone_delivered',
        }),
        0,
      );
    } finally {
      await notices.stop();
    }
  });

  it('when the buyer accepts the same delivery five times at once, and the seller delivers twice at once, then each step is applied once', async () => {
    await payEveryFee();
    const deliveries = await Promise.all(
      [1, 2].map(() => act(c.institute, 1, 'deliver', { note: 'Bản vẽ' })),
    );
    assert.deepEqual(deliveries.map((r) => r.status).sort(), [200, 409]);
    const accepts = await Promise.all([1, 2, 3, 4, 5].map(() => act(c.enterprise, 1, 'accept')));
    assert.deepEqual(accepts.map((r) => r.status).sort(), [200, 409, 409, 409, 409]);
    const events = (await DealModel.findById(dealId).lean())!.timeline.map((e) => e.event);
    assert.equal(events.filter((e) => e === 'milestone_deliver').length, 1);
    assert.equal(events.filter((e) => e === 'milestone_accept').length, 1);
    assert.equal(await JobModel.countDocuments({ type: MILESTONE_AUTO_ACCEPT }), 1);
  });

  it('when a dispute ends in re-delivery, then the milestone is pending again and the seller delivers anew', async () => {
    await payEveryFee();
    await act(c.institute, 1, 'deliver', { note: 'Bản vẽ' }).expect(200);
    await act(c.institute, 1, 'dispute', { reason: 'Bên mua không phản hồi' }).expect(200);
    await act(c.admin, 1, 'resolve', { outcome: 'redelivery', note: 'Giao lại bản đầy đủ' }).expect(200);
    assert.equal((await milestones()).milestones[0].status, 'pending');
    await act(c.institute, 1, 'deliver', { note: 'Bản đầy đủ' }).expect(200);
    assert.equal(await JobModel.countDocuments({ type: MILESTONE_AUTO_ACCEPT, 'payload.n': 1 }), 2);
  });
});
