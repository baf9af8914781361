/**
 * Royalty report reminders: terms that set a royalty schedule, at their agreement, one durable
 * job that runs at the end of each reporting period (the agreed cadence, quarterly by default)
 * and reminds the licensee's members of each ended period without a report, once per period
 * however often it runs; a licensee whose licensor is still delivering milestones files reports.
 */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { DealModel } from '../../server/deals/deal.model';
import { JobModel } from '../../server/scheduler/job.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { setLogLevel } from '../../server/common/logger';
import { startScheduler } from '../../server/scheduler/scheduler';
import { relistHalfDoneDeals } from '../../server/deal-upkeep/deal-recovery';
import { watchCommands } from '../helpers/command-watch';
import { ROYALTY_REMINDER } from '../../server/scheduler/job-types';
import {
  remindRoyaltyReports,
  royaltyReminderJobHandlers,
  ROYALTY_REPORT_DUE_NOTIFICATION,
} from '../../server/deals/royalty-reminder-jobs';
import { nextPeriod, periodBounds, periodContaining, periodsDue } from '../../server/deals/royalty-schedule';
import { eventually } from '../helpers/eventually';
import { cast, publishedOffer, terms, type Cast } from './deals-helpers';
import { agreedDeal } from './payments-helpers';
import type { Member } from '../helpers/factories';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const M = 1_000_000;
const after = (d: Date, ms = HOUR) => new Date(d.getTime() + ms);

describe('royalty report reminders', function () {
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

  /** A licence negotiated and agreed by both parties through the API, on these terms. */
  async function licensed(sheet: Record<string, unknown> = {}): Promise<string> {
    const offerId = await publishedOffer(c.institute);
    const deal = await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    const dealId = deal.body.deal.id as string;
    await c.enterprise.agent
      .post(`/api/deals/${dealId}/terms`)
      .send(terms(300 * M, { milestones: [], royaltyPct: 3, ...sheet }))
      .expect(201);
    await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    return dealId;
  }

  const jobOf = async (dealId: string) =>
    JobModel.findOne({ type: ROYALTY_REMINDER, 'payload.dealId': dealId }).lean();

  const reminders = async (m: Member) =>
    (await m.agent.get('/api/notifications').expect(200)).body.notifications.filter(
      (n: { type: string }) => n.type === ROYALTY_REPORT_DUE_NOTIFICATION,
    ) as { title: string; body: string; link: string; data: { dealId: string; period: string } }[];

  it('when terms with a royalty are agreed, then a reminder is scheduled for the end of the agreement’s period: quarterly by default, monthly when agreed so', async () => {
    const quarterly = await licensed();
    const monthly = await licensed({ royaltyReporting: 'monthly' });
    const none = await licensed({ royaltyPct: 0 });
    const now = new Date();
    assert.deepEqual(
      (await jobOf(quarterly))?.runAt.toISOString(),
      periodBounds(periodContaining(now, 'quarterly')).end.toISOString(),
    );
    assert.deepEqual(
      (await jobOf(monthly))?.runAt.toISOString(),
      periodBounds(periodContaining(now, 'monthly')).end.toISOString(),
    );
    assert.equal(await jobOf(none), null);
    // The cadence is an agreed term: the deal shows it, and a sheet may not name another one.
    const deal = (await c.institute.agent.get(`/api/deals/${monthly}`).expect(200)).body.deal;
    assert.equal(deal.termSheets[0].royaltyReporting, 'monthly');
    const offerId = await publishedOffer(c.institute);
    const open = await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    const bad = await c.enterprise.agent
      .post(`/api/deals/${open.body.deal.id}/terms`)
      .send(terms(300 * M, { royaltyPct: 3, royaltyReporting: 'yearly' }))
      .expect(400);
    assert.equal(bad.body.error.details[0].field, 'royaltyReporting');
  });

  it('when a period ends with no report, then the licensee’s members are reminded once; a period filed is not; run twice, nobody twice', async () => {
    const dealId = await licensed({ royaltyReporting: 'monthly' });
    const payload = { dealId };
    const first = periodContaining(new Date(), 'monthly');
    const second = nextPeriod(first);
    const third = nextPeriod(second);

    // Before the period ends: nothing to remind of, look again at its end.
    const early = await remindRoyaltyReports(t.ctx, payload, new Date());
    assert.deepEqual([early.periods, early.notified], [[], 0]);
    assert.equal(early.rescheduleAt?.toISOString(), periodBounds(first).end.toISOString());

    // Time moves past the first period's end.
    const ended = await remindRoyaltyReports(t.ctx, payload, after(periodBounds(first).end));
    assert.deepEqual([ended.periods, ended.notified], [[first], 1]);
    assert.equal(ended.rescheduleAt?.toISOString(), periodBounds(second).end.toISOString());
    const [notice, ...more] = await reminders(c.enterprise);
    assert.deepEqual(more, []);
    assert.equal(notice.data.period, first);
    assert.equal(notice.link, `/deals/${dealId}`);
    assert.match(notice.title, /Royalty report due|Đến hạn báo cáo tiền bản quyền/);
    assert.deepEqual(await reminders(c.institute), []); // the licensor files nothing
    assert.deepEqual(await reminders(c.outsider), []);

    // Run again: nobody twice.
    const rerun = await remindRoyaltyReports(t.ctx, payload, after(periodBounds(first).end, 2 * HOUR));
    assert.equal(rerun.notified, 0);

    // The licensee files the second period; at the third's end only the third is new.
    await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ period: second, netSales: 100 * M, currency: 'VND' })
      .expect(201);
    const later = await remindRoyaltyReports(t.ctx, payload, after(periodBounds(third).end));
    assert.deepEqual(later.periods, [first, third]); // the first is still owed, but reminded already
    assert.equal(later.notified, 1);
    assert.deepEqual((await reminders(c.enterprise)).map((n) => n.data.period).sort(), [first, third].sort());
    assert.equal(await NotificationModel.countDocuments({ type: ROYALTY_REPORT_DUE_NOTIFICATION }), 2);
  });

  it('when the deal is cancelled, then the reminders end', async () => {
    const dealId = await licensed();
    await DealModel.updateOne({ _id: dealId }, { $set: { status: 'cancelled' } });
    clearRecordCaches();
    const result = await remindRoyaltyReports(t.ctx, { dealId }, new Date(Date.now() + 400 * DAY));
    assert.deepEqual(result, { periods: [], notified: 0 });
  });

  it('when the scheduler runs the reminder of a licence agreed months ago, then each ended period is reminded once and the job waits for the next period’s end', async () => {
    const dealId = await licensed();
    // The agreement is moved 200 days back, as if the licence had run since.
    const deal = (await DealModel.findById(dealId).lean())!;
    const agreedAt = new Date(Date.now() - 200 * DAY);
    await DealModel.updateOne(
      { _id: dealId },
      { $set: { timeline: deal.timeline.map((e) => (e.to === 'agreed' ? { ...e, at: agreedAt } : e)) } },
    );
    clearRecordCaches();
    const owed = periodsDue({ agreedAt, cadence: 'quarterly' }, new Date());
    assert.ok(owed.length >= 2, owed.join());
    const job = (await jobOf(dealId))!;
    const runOnce = async () => {
      const started = new Date();
      await JobModel.updateOne({ _id: job._id }, { $set: { runAt: started } });
      const worker = startScheduler({ handlers: royaltyReminderJobHandlers(t.ctx), intervalMs: 50 });
      workers.push(worker);
      const next = await eventually(async () => {
        const j = await JobModel.findOne({ _id: job._id, status: 'pending' }).lean();
        return j && j.runAt > after(started, 60_000) ? j : null;
      }, 'the reminder to run and wait for the next period');
      await workers.pop()!.stop();
      return next;
    };
    const next = await runOnce();
    assert.equal(
      next.runAt.toISOString(),
      periodBounds(periodContaining(new Date(), 'quarterly')).end.toISOString(),
    );
    assert.deepEqual((await reminders(c.enterprise)).map((n) => n.data.period).sort(), [...owed].sort());
    await runOnce();
    assert.equal(
      await NotificationModel.countDocuments({ type: ROYALTY_REPORT_DUE_NOTIFICATION }),
      owed.length,
    );
  });

  it('when the licensor is still delivering milestones, then the licensee files its royalty reports', async () => {
    const dealId = await agreedDeal(c.institute, c.enterprise, { status: 'delivering' });
    await DealModel.updateOne({ _id: dealId }, { $set: { 'termSheets.0.royaltyPct': 2.5 } });
    clearRecordCaches();
    const res = await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ period: '2026-Q1', netSales: 40 * M, currency: 'VND' })
      .expect(201);
    assert.equal(res.body.report.royalty, 1 * M);
    await c.institute.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ period: '2026-Q2', netSales: 40 * M, currency: 'VND' })
      .expect(403);
  });
  it('when licences were won before their reminders existed (or a stop lost the job), then the start-up pass schedules each once, reading the deals in one pass; none for a licence without a royalty or a deal lost', async () => {
    const won = await licensed({ royaltyReporting: 'monthly' });
    const noRoyalty = await licensed({ royaltyPct: 0 });
    const lost = await licensed();
    for (const id of [won, noRoyalty])
      await DealModel.updateOne({ _id: id }, { $set: { status: 'closed_won' } });
    await DealModel.updateOne({ _id: lost }, { $set: { status: 'cancelled' } });
    await JobModel.deleteMany({ type: ROYALTY_REMINDER });
    clearRecordCaches();

    const watch = watchCommands();
    await relistHalfDoneDeals();
    watch.stop();
    const dealScans = watch.asked.filter(
      (a) => a.collection === 'deals' && !Object.keys(a.filter as object).includes('_id'),
    );
    assert.equal(dealScans.length, 1, 'one pass over the deals (FerretDB reads them all for any filter)');
    const jobs = await JobModel.find({ type: ROYALTY_REMINDER }).lean();
    assert.deepEqual(
      jobs.map((j) => [(j.payload as { dealId: string }).dealId, j.runAt.toISOString(), j.status]),
      [[won, periodBounds(periodContaining(new Date(), 'monthly')).end.toISOString(), 'pending']],
    );
    // Another restart keeps it as it is.
    await relistHalfDoneDeals();
    assert.equal(await JobModel.countDocuments({ type: ROYALTY_REMINDER }), 1);
  });
});
