/**
 * Overdue milestones: when a deal starts delivering, each milestone with a due date gets a durable
 * check at that date; a milestone still open past it is told once to both parties and the
 * operators (never for one accepted or cancelled, never twice however often the check runs), and
 * operators list the overdue milestones across deals, the most overdue first.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import request from 'supertest';
import type { CommandStartedEvent } from 'mongodb';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { DealModel } from '../../server/deals/deal.model';
import { JobModel } from '../../server/scheduler/job.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { setLogLevel } from '../../server/common/logger';
import { transitionDeal } from '../../server/deals/deal.service';
import { scheduleOverdueChecks } from '../../server/deals/delivery-jobs';
import { relistHalfDoneDeals } from '../../server/deal-upkeep/deal-recovery';
import { startScheduler } from '../../server/scheduler/scheduler';
import { MILESTONE_OVERDUE } from '../../server/scheduler/job-types';
import {
  milestoneOverdueJobHandlers,
  notifyOverdueMilestone,
  type OverduePayload,
} from '../../server/deals/milestone-overdue-jobs';
import { eventually } from '../helpers/eventually';
import { cast, type Cast } from './deals-helpers';
import { agreedDeal } from './payments-helpers';
import type { Member } from '../helpers/factories';

const DAY = 86_400_000;
const days = (n: number) => new Date(Date.now() + n * DAY);

describe('overdue milestones are flagged to both parties and the operators', function () {
  this.timeout(60_000);
  let t: TestApp;
  let c: Cast;
  const workers: { stop(): void | Promise<void> }[] = [];
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

  /**
   * A deal whose fees are settled and whose agreed terms carry these milestones: it starts
   * delivering as the payments' last step moves it (the same transition, with its jobs).
   */
  async function deliveringDeal(
    milestones: { title: string; dueDate?: Date; amount?: number }[],
    parties: { seller?: Member; buyer?: Member; title?: string } = {},
  ): Promise<string> {
    const dealId = await agreedDeal(parties.seller ?? c.institute, parties.buyer ?? c.enterprise, {
      title: parties.title,
    });
    await DealModel.updateOne({ _id: dealId }, { $set: { 'termSheets.0.milestones': milestones } });
    clearRecordCaches();
    await transitionDeal(
      dealId,
      'start_delivery',
      { role: 'system' },
      { bus: t.ctx.bus, expectedFrom: ['awaiting_payment'] },
    );
    return dealId;
  }

  const overdueNotices = async (m: Member) =>
    (await m.agent.get('/api/notifications').expect(200)).body.notifications.filter(
      (n: { type: string }) => n.type === 'deal.milestone_overdue',
    ) as { title: string; body: string; link: string; data: Record<string, unknown> }[];

  const payloadOf = async (dealId: string, n: number) =>
    (await JobModel.findOne({ type: MILESTONE_OVERDUE, 'payload.dealId': dealId, 'payload.n': n }).lean())!
      .payload as OverduePayload;

  it('when the delivery plan is made, then each open milestone with a due date has its check at that date, once', async () => {
    const due = [days(10), days(40)];
    const dealId = await deliveringDeal([
      { title: 'Bản vẽ thiết kế', dueDate: due[0], amount: 100_000_000 },
      { title: 'Lắp đặt', dueDate: due[1], amount: 200_000_000 },
      { title: 'Không hạn', amount: 50_000_000 },
    ]);
    const jobs = await JobModel.find({ type: MILESTONE_OVERDUE }).sort({ runAt: 1 }).lean();
    assert.deepEqual(
      jobs.map((j) => [(j.payload as OverduePayload).n, j.runAt.toISOString(), j.status]),
      [
        [1, due[0].toISOString(), 'pending'],
        [2, due[1].toISOString(), 'pending'],
      ],
    );
    // The step repeated (a retried flow) schedules nothing more.
    await scheduleOverdueChecks((await DealModel.findById(dealId).lean())!);
    assert.equal(await JobModel.countDocuments({ type: MILESTONE_OVERDUE }), 2);
  });

  it('when a stop lost a delivering deal’s checks (or it was delivering before they existed), then the start-up pass schedules them again, once', async () => {
    const due = [days(10), days(40)];
    await deliveringDeal([
      { title: 'Bản vẽ thiết kế', dueDate: due[0], amount: 100_000_000 },
      { title: 'Lắp đặt', dueDate: due[1], amount: 200_000_000 },
    ]);
    await JobModel.deleteMany({ type: MILESTONE_OVERDUE });
    clearRecordCaches();
    await relistHalfDoneDeals();
    const jobs = await JobModel.find({ type: MILESTONE_OVERDUE }).sort({ runAt: 1 }).lean();
    assert.deepEqual(
      jobs.map((j) => [(j.payload as OverduePayload).n, j.runAt.toISOString(), j.status]),
      [
        [1, due[0].toISOString(), 'pending'],
        [2, due[1].toISOString(), 'pending'],
      ],
    );
    // Another restart keeps them as they are.
    await relistHalfDoneDeals();
    assert.equal(await JobModel.countDocuments({ type: MILESTONE_OVERDUE }), 2);
  });

  it('when a milestone passes its due date unaccepted, then the seller, the buyer and the operators are told once, however often the check runs', async () => {
    const dueDate = days(10);
    const dealId = await deliveringDeal([
      { title: 'Bản vẽ thiết kế', dueDate, amount: 100_000_000 },
      { title: 'Lắp đặt', dueDate: days(40), amount: 200_000_000 },
    ]);
    const payload = await payloadOf(dealId, 1);

    // Before its time the check only says when to look again.
    const early = await notifyOverdueMilestone(t.ctx, payload, days(9));
    assert.equal(early.notified, 0);
    assert.ok(early.rescheduleAt && early.rescheduleAt > dueDate);
    for (const m of [c.institute, c.enterprise, c.admin]) assert.deepEqual(await overdueNotices(m), []);

    // Time moves three days past the due date.
    const late = await notifyOverdueMilestone(t.ctx, payload, new Date(dueDate.getTime() + 2.5 * DAY));
    assert.equal(late.notified, 3);
    for (const m of [c.institute, c.enterprise, c.admin]) {
      const [notice, ...more] = await overdueNotices(m);
      assert.deepEqual(more, [], m.user.email);
      assert.match(notice.title, /Bản vẽ thiết kế/);
      assert.equal(notice.link, `/deals/${dealId}`);
      assert.deepEqual([notice.data.n, notice.data.daysOverdue, notice.data.status], [1, 3, 'pending']);
    }
    // Nobody outside the deal hears of it; the broker role is not an operator.
    for (const m of [c.outsider, c.broker, c.rival]) assert.deepEqual(await overdueNotices(m), []);

    // Run again (a retry, another process): nobody is told twice.
    const again = await notifyOverdueMilestone(t.ctx, payload, new Date(dueDate.getTime() + 4 * DAY));
    assert.equal(again.notified, 0);
    assert.equal(await NotificationModel.countDocuments({ type: 'deal.milestone_overdue' }), 3);
  });

  it('when a milestone is accepted or cancelled before its due date passes, then its check tells nobody', async () => {
    const dealId = await deliveringDeal([
      { title: 'Bản vẽ thiết kế', dueDate: days(10), amount: 100_000_000 },
      { title: 'Lắp đặt', dueDate: days(20), amount: 200_000_000 },
      { title: 'Vận hành', dueDate: days(30), amount: 200_000_000 },
    ]);
    await DealModel.updateOne(
      { _id: dealId },
      { $set: { 'delivery.0.status': 'accepted', 'delivery.1.status': 'cancelled' } },
    );
    clearRecordCaches();
    for (const n of [1, 2]) {
      const result = await notifyOverdueMilestone(t.ctx, await payloadOf(dealId, n), days(60));
      assert.equal(result.notified, 0, `milestone ${n}`);
    }
    // A deal no longer delivering owes no notice either.
    await DealModel.updateOne({ _id: dealId }, { $set: { status: 'cancelled' } });
    clearRecordCaches();
    assert.equal((await notifyOverdueMilestone(t.ctx, await payloadOf(dealId, 3), days(60))).notified, 0);
    assert.equal(await NotificationModel.countDocuments({ type: 'deal.milestone_overdue' }), 0);
  });

  it('when the scheduler runs a due check, then the parties and the operators are told; run again, nobody twice', async () => {
    // The plan is made late: its first milestone was due two days ago.
    const dealId = await deliveringDeal([
      { title: 'Bản vẽ thiết kế', dueDate: days(-2), amount: 100_000_000 },
      { title: 'Lắp đặt', dueDate: days(30), amount: 200_000_000 },
    ]);
    const job = await JobModel.findOne({ type: MILESTONE_OVERDUE, 'payload.n': 1 }).lean();
    assert.ok(job && job.runAt <= new Date());
    const worker = startScheduler({ handlers: milestoneOverdueJobHandlers(t.ctx), intervalMs: 50 });
    workers.push(worker);
    await eventually(
      async () => JobModel.findOne({ _id: job!._id, status: 'done' }).lean(),
      'the check to run',
    );
    const told = await eventually(async () => {
      const found = await NotificationModel.find({ type: 'deal.milestone_overdue' }).lean();
      return found.length === 3 ? found : null;
    }, 'the three notices');
    assert.deepEqual(
      told.map((n) => String(n.userId)).sort(),
      [c.institute.user.id, c.enterprise.user.id, c.admin.user.id].sort(),
    );
    assert.equal((await overdueNotices(c.enterprise))[0].data.dealId, dealId);
    // The job run again (requeued by hand) tells nobody twice; the later milestone's check waits.
    await JobModel.updateOne({ _id: job!._id }, { $set: { status: 'pending', runAt: new Date() } });
    await worker.tick();
    await eventually(async () => JobModel.findOne({ _id: job!._id, status: 'done' }).lean(), 'the rerun');
    assert.equal(await NotificationModel.countDocuments({ type: 'deal.milestone_overdue' }), 3);
    assert.equal(
      (await JobModel.findOne({ type: MILESTONE_OVERDUE, 'payload.n': 2 }).lean())!.status,
      'pending',
    );
  });

  describe('GET /api/admin/milestones/overdue', () => {
    it('when milestones are overdue on several deals, then operators list each with its deal, due date and days overdue, the most overdue first', async () => {
      const first = await deliveringDeal([
        { title: 'Bản vẽ thiết kế', dueDate: days(-5.5), amount: 100_000_000 },
        { title: 'Lắp đặt', dueDate: days(-1.5), amount: 100_000_000 },
        { title: 'Vận hành', dueDate: days(20), amount: 100_000_000 },
      ]);
      const second = await deliveringDeal(
        [
          { title: 'Chuyển giao quy trình', dueDate: days(-3.5), amount: 100_000_000 },
          { title: 'Không hạn', amount: 100_000_000 },
        ],
        { seller: c.institute, buyer: c.rival, title: 'Công nghệ lọc nước' },
      );
      // A deal delivering on time is not read at all; neither is one without due dates.
      await deliveringDeal([{ title: 'Đúng hạn', dueDate: days(15), amount: 1 }], { buyer: c.outsider });
      await deliveringDeal([{ title: 'Không hạn', amount: 1 }], { buyer: c.outsider, title: 'Khác' });

      const res = await c.admin.agent.get('/api/admin/milestones/overdue').expect(200);
      assert.equal(res.body.total, 3);
      assert.deepEqual(
        res.body.milestones.map((m: { dealId: string; n: number; daysOverdue: number; status: string }) => [
          m.dealId,
          m.n,
          m.daysOverdue,
          m.status,
        ]),
        [
          [first, 1, 6, 'pending'],
          [second, 1, 4, 'pending'],
          [first, 2, 2, 'pending'],
        ],
      );
      const row = res.body.milestones[1];
      assert.equal(row.title, 'Chuyển giao quy trình');
      assert.equal(row.listingTitle, 'Công nghệ lọc nước');
      assert.deepEqual(row.seller, { id: c.institute.orgId, name: 'Viện Công nghệ Môi trường' });
      assert.deepEqual(row.buyer, { id: c.rival.orgId, name: 'Công ty Môi trường Xanh' });
      assert.ok(row.dueDate);

      // Paged.
      const page2 = await c.admin.agent.get('/api/admin/milestones/overdue?page=2&limit=2').expect(200);
      assert.deepEqual(
        page2.body.milestones.map((m: { dealId: string; n: number }) => [m.dealId, m.n]),
        [[first, 2]],
      );
      assert.equal(page2.body.total, 3);

      // Settled milestones leave the list: the first deal's overdue ones accepted and cancelled.
      await DealModel.updateOne(
        { _id: first },
        { $set: { 'delivery.0.status': 'accepted', 'delivery.1.status': 'cancelled' } },
      );
      clearRecordCaches();
      const after = await c.admin.agent.get('/api/admin/milestones/overdue').expect(200);
      assert.deepEqual(
        after.body.milestones.map((m: { dealId: string; n: number }) => [m.dealId, m.n]),
        [[second, 1]],
      );
    });

    it('when the list is read, then the database is asked by _id only', async () => {
      await deliveringDeal([{ title: 'Bản vẽ', dueDate: days(-2), amount: 1 }]);
      clearRecordCaches();
      const asked: { command: string; filter: unknown }[] = [];
      const client = mongoose.connection.getClient();
      const listener = (e: CommandStartedEvent) => {
        if (!['find', 'count', 'aggregate', 'distinct', 'findAndModify'].includes(e.commandName)) return;
        const body = e.command as Record<string, any>;
        asked.push({ command: e.commandName, filter: body.filter ?? body.query ?? body.pipeline ?? {} });
      };
      client.on('commandStarted', listener);
      try {
        const res = await c.admin.agent.get('/api/admin/milestones/overdue').expect(200);
        assert.equal(res.body.total, 1);
      } finally {
        client.off('commandStarted', listener);
      }
      const notById = asked.filter(
        (a) => a.command !== 'find' || !a.filter || typeof a.filter !== 'object' || !('_id' in a.filter),
      );
      assert.deepEqual(notById, []);
    });

    it('when a member or a visitor asks, then 403 or 401; a bad page is 400 naming it', async () => {
      await c.enterprise.agent.get('/api/admin/milestones/overdue').expect(403);
      await c.broker.agent.get('/api/admin/milestones/overdue').expect(403);
      await request(t.app).get('/api/admin/milestones/overdue').expect(401);
      const bad = await c.admin.agent.get('/api/admin/milestones/overdue?limit=0').expect(400);
      assert.equal(bad.body.error.details[0].field, 'limit');
    });
  });
});
