/**
 * The exchange is paid as value is delivered: a milestone's share of the success fee falls due
 * when it is accepted (in proportion to its amount, reduced for a partial acceptance, none for a
 * cancelled one); the buyer records paying the seller for it and the seller confirms receiving
 * it; the deal closes as won once every milestone is settled and every fee paid, exactly once.
 */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { DealModel } from '../../server/deals/deal.model';
import { PaymentModel } from '../../server/payments/payment.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { relistHalfDoneDeals } from '../../server/deal-upkeep/deal-recovery';
import { sweepUnsettledDeals } from '../../server/deal-upkeep/deal-sweep';
import { setLogLevel } from '../../server/common/logger';
import { NotificationModel } from '../../server/notifications/notification.model';
import { startDealNotices } from '../../server/deals/deal-notices.starter';
import { eventually } from '../helpers/eventually';
import { cast, type Cast } from './deals-helpers';
import { agreedDeal } from './payments-helpers';
import type { Member } from '../helpers/factories';

const DAY = 86_400_000;

interface FeeLine {
  payer: string;
  amount: number;
  milestone?: number;
  status?: string;
}

describe('milestones settle a deal: fees per milestone, payments between the parties', function () {
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
    // 600,000,000 in all: 100,000,000 on signing, then milestones of 100, 200 and 200 million.
    // The default schedule's 2 % comes to 12,000,000, split between the parties; the broker earns 30 % of it.
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
            { title: 'Bản vẽ thiết kế', dueDate: due(30), amount: 100_000_000 },
            { title: 'Lắp đặt thử nghiệm', dueDate: due(60), amount: 200_000_000 },
            { title: 'Chuyển giao vận hành', dueDate: due(90), amount: 200_000_000 },
          ],
        },
      },
    );
    clearRecordCaches();
  });

  const act = (m: Member, n: number, action: string, body: Record<string, unknown> = {}) =>
    m.agent.post(`/api/deals/${dealId}/milestones/${n}/${action}`).send(body);
  const fees = async (): Promise<FeeLine[]> =>
    (await c.enterprise.agent.get(`/api/deals/${dealId}/fees`).expect(200)).body.fees;
  const milestones = async () =>
    (await c.enterprise.agent.get(`/api/deals/${dealId}/milestones`).expect(200)).body.milestones;
  const shape = (lines: FeeLine[]) => lines.map((l) => [l.milestone ?? 0, l.payer, l.amount]);
  const timeline = async () => (await DealModel.findById(dealId).lean())!.timeline.map((e) => e.event);

  async function pay(milestone?: number) {
    for (const party of [c.enterprise, c.institute]) {
      const res = await party.agent
        .post(`/api/deals/${dealId}/payments`)
        .send({ provider: 'bank_transfer', ...(milestone ? { milestone } : {}) })
        .expect(201);
      await c.admin.agent.post(`/api/admin/payments/${res.body.payment.id}/confirm`).send({}).expect(200);
    }
  }
  async function deliverAndAccept(n: number) {
    await act(c.institute, n, 'deliver', { note: `Giao mốc ${n}` }).expect(200);
    await act(c.enterprise, n, 'accept').expect(200);
  }

  it('when milestones are accepted, then each one’s share of the fee falls due on it: in proportion, reduced for a partial amount, none for a cancelled one', async () => {
    assert.deepEqual(shape(await fees()), [
      [0, 'buyer', 1_000_000],
      [0, 'seller', 1_000_000],
    ]);
    await pay();
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'delivering');

    // Nothing is owed on a milestone not yet accepted: refused, and no payment written.
    const before = await PaymentModel.countDocuments();
    await c.enterprise.agent
      .post(`/api/deals/${dealId}/payments`)
      .send({ provider: 'bank_transfer', milestone: 1 })
      .expect(409);
    assert.equal(await PaymentModel.countDocuments(), before);

    await deliverAndAccept(1);
    const first = await milestones();
    assert.deepEqual(
      first[0].fees.map((f: FeeLine) => [f.payer, f.amount]),
      [
        ['buyer', 1_000_000],
        ['seller', 1_000_000],
      ],
    );
    assert.equal(first[0].owed, 100_000_000);
    assert.equal(first[0].settled, false);
    assert.deepEqual(first[1].fees, []);

    await act(c.institute, 2, 'deliver', { note: 'Lắp đặt' }).expect(200);
    await act(c.enterprise, 2, 'dispute', { reason: 'Không đạt yêu cầu kỹ thuật' }).expect(200);
    await act(c.admin, 2, 'resolve', { outcome: 'cancelled', note: 'Hủy mốc 2' }).expect(200);
    await act(c.institute, 3, 'deliver', { note: 'Chuyển giao' }).expect(200);
    await act(c.enterprise, 3, 'dispute', { reason: 'Chưa đạt công suất' }).expect(200);
    await act(c.broker, 3, 'resolve', { outcome: 'partial', amount: 100_000_000 }).expect(200);

    assert.deepEqual(shape(await fees()), [
      [0, 'buyer', 1_000_000],
      [0, 'seller', 1_000_000],
      [1, 'buyer', 1_000_000],
      [1, 'seller', 1_000_000],
      [3, 'buyer', 1_000_000],
      [3, 'seller', 1_000_000],
    ]);
    const plan = await milestones();
    assert.deepEqual(
      plan.map((m: { n: number; settled: boolean; owed?: number }) => [m.n, m.settled, m.owed]),
      [
        [1, false, 100_000_000],
        [2, true, undefined],
        [3, false, 100_000_000],
      ],
    );
    // A cancelled milestone owes nothing between the parties either.
    await act(c.enterprise, 2, 'transfer', { reference: 'UNC-2' }).expect(409);
  });

  it('when each milestone is paid for, confirmed and its fee paid, then the deal closes as won, and the broker’s shares add up to their commission', async () => {
    await pay();
    for (const n of [1, 2, 3]) await deliverAndAccept(n);
    for (const n of [1, 2, 3]) {
      await act(c.enterprise, n, 'transfer', { reference: `UNC-${n}` }).expect(200);
      await act(c.institute, n, 'transfer/confirm').expect(200);
    }
    // Paid for and confirmed, but the fees of the last two are not paid: still delivering.
    await pay(1);
    await pay(2);
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'delivering');
    await pay(3);
    const deal = (await DealModel.findById(dealId).lean())!;
    assert.equal(deal.status, 'closed_won');
    assert.equal((await timeline()).filter((e) => e === 'complete').length, 1);
    assert.ok((await fees()).every((l) => l.status === 'paid'));

    const payments = await PaymentModel.find({ dealId }).lean();
    assert.deepEqual(payments.map((p) => p.milestone ?? 0).sort(), [0, 0, 1, 1, 2, 2, 3, 3]);
    const brokerShares = payments.flatMap((p) => p.payees ?? []).reduce((sum, p) => sum + p.amount, 0);
    assert.equal(brokerShares, 3_600_000);
  });

  it('when the wrong party, the wrong moment or a wrong amount records or confirms a payment, then it is refused and nothing is written', async () => {
    await pay();
    await act(c.enterprise, 1, 'transfer', { reference: 'UNC-1' }).expect(409); // not accepted yet
    await deliverAndAccept(1);
    const written = (await timeline()).length;
    await act(c.institute, 1, 'transfer', { reference: 'UNC-1' }).expect(403);
    await act(c.outsider, 1, 'transfer', { reference: 'UNC-1' }).expect(404);
    const noReference = await act(c.enterprise, 1, 'transfer', {}).expect(400);
    assert.equal(noReference.body.error.details[0].field, 'reference');
    const wrongAmount = await act(c.enterprise, 1, 'transfer', { reference: 'UNC-1', amount: 99 }).expect(
      400,
    );
    assert.equal(wrongAmount.body.error.details[0].field, 'amount');
    await act(c.institute, 1, 'transfer/confirm').expect(409); // nothing recorded yet
    await act(c.enterprise, 1, 'transfer/confirm').expect(403);
    assert.equal((await timeline()).length, written);
    assert.equal((await milestones())[0].transfer, undefined);

    // The buyer may correct the reference until the seller confirms; then it is fixed.
    await act(c.enterprise, 1, 'transfer', { reference: 'UNC-1-sai' }).expect(200);
    const corrected = await act(c.enterprise, 1, 'transfer', { reference: 'UNC-1' }).expect(200);
    assert.equal(corrected.body.milestone.transfer.reference, 'UNC-1');
    assert.equal(corrected.body.milestone.transfer.amount, 100_000_000);
    const confirmed = await act(c.institute, 1, 'transfer/confirm').expect(200);
    assert.ok(confirmed.body.milestone.transfer.confirmedAt);
    await act(c.enterprise, 1, 'transfer', { reference: 'UNC-khac' }).expect(409);
    await act(c.institute, 1, 'transfer/confirm').expect(409);
  });

  it('when the buyer records a payment, then the seller is told; when the seller confirms it, then the buyer is', async () => {
    const notices = await startDealNotices(t.ctx, {} as never);
    try {
      await pay();
      await deliverAndAccept(1);
      const told = (userId: string, type: string) => async () =>
        (await NotificationModel.countDocuments({ userId, type })) === 1 || undefined;
      await act(c.enterprise, 1, 'transfer', { reference: 'UNC-1' }).expect(200);
      await eventually(told(c.institute.user.id, 'deal.milestone_payment_recorded'), 'the seller told');
      await act(c.institute, 1, 'transfer/confirm').expect(200);
      await eventually(told(c.enterprise.user.id, 'deal.milestone_payment_confirmed'), 'the buyer told');
      assert.equal(
        await NotificationModel.countDocuments({
          userId: c.enterprise.user.id,
          type: 'deal.milestone_payment_recorded',
        }),
        0,
      );
    } finally {
      await notices.stop();
    }
  });

  it('when the seller confirms five times at once while the last fees are confirmed, then each step is applied once and the deal closes once', async () => {
    await pay();
    for (const n of [1, 2, 3]) await deliverAndAccept(n);
    for (const n of [1, 2]) {
      await act(c.enterprise, n, 'transfer', { reference: `UNC-${n}` }).expect(200);
      await act(c.institute, n, 'transfer/confirm').expect(200);
      await pay(n);
    }
    await act(c.enterprise, 3, 'transfer', { reference: 'UNC-3' }).expect(200);
    const started = await Promise.all(
      [c.enterprise, c.institute].map((party) =>
        party.agent
          .post(`/api/deals/${dealId}/payments`)
          .send({ provider: 'bank_transfer', milestone: 3 })
          .expect(201),
      ),
    );
    const results = await Promise.all([
      ...[1, 2, 3, 4, 5].map(() => act(c.institute, 3, 'transfer/confirm')),
      ...started.map((res) =>
        c.admin.agent.post(`/api/admin/payments/${res.body.payment.id}/confirm`).send({}),
      ),
    ]);
    assert.deepEqual(
      results
        .slice(0, 5)
        .map((r) => r.status)
        .sort(),
      [200, 409, 409, 409, 409],
    );
    assert.deepEqual(
      results.slice(5).map((r) => r.status),
      [200, 200],
    );
    const events = await timeline();
    assert.equal(events.filter((e) => e === 'milestone_confirm_payment').length, 3);
    assert.equal(events.filter((e) => e === 'complete').length, 1);
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'closed_won');
  });

  it('when a process stopped before closing a settled deal, then the sweeper closes it after the restart', async () => {
    await pay();
    for (const n of [1, 2, 3]) await deliverAndAccept(n);
    for (const n of [1, 2, 3]) {
      await act(c.enterprise, n, 'transfer', { reference: `UNC-${n}` }).expect(200);
      await pay(n);
    }
    // The last confirmation written, its closing lost with the process.
    await DealModel.updateOne(
      { _id: dealId },
      { $set: { 'delivery.2.transfer.confirmedAt': new Date(), status: 'delivering' } },
    );
    await DealModel.updateOne(
      { _id: dealId },
      {
        $set: {
          'delivery.0.transfer.confirmedAt': new Date(),
          'delivery.1.transfer.confirmedAt': new Date(),
        },
      },
    );
    clearRecordCaches();
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'delivering');
    await relistHalfDoneDeals();
    const report = await sweepUnsettledDeals(t.ctx);
    assert.deepEqual(report.moved, [dealId]);
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'closed_won');
  });
});
