/**
 * Royalty reports: the licensee files its net sales for a period, the royalty and the exchange's
 * fee on it are computed as integers; one report per period; the licensor confirms receiving it
 * once; each party pays its share of the fee through the payments; nobody else may do any of it.
 */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { DealModel } from '../../server/deals/deal.model';
import { PaymentModel } from '../../server/payments/payment.model';
import { LedgerEntryModel } from '../../server/payments/ledger.model';
import { applyEventToPayment } from '../../server/payments/payment-transitions';
import { clearRecordCaches } from '../../server/common/record-cache';
import { cast, type Cast } from './deals-helpers';
import { agreedDeal, deliver, sessionObject, signedEvent } from './payments-helpers';

describe('royalty reports', function () {
  this.timeout(30_000);
  let t: TestApp;
  let c: Cast;
  let dealId: string;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
    dealId = await agreedDeal(c.institute, c.enterprise, { status: 'closed_won' });
    await DealModel.updateOne({ _id: dealId }, { $set: { 'termSheets.0.royaltyPct': 3.5 } });
    clearRecordCaches();
  });
  const reportsOf = async () => (await DealModel.findById(dealId).lean())!.royaltyReports ?? [];

  it('when the licensee reports net sales, then the royalty and the fee are computed, and the parties see the report', async () => {
    // 3.5 % of 123,456,789 ₫ = 4,320,987.6 → 4,320,988; the fee is 2 % of it = 86,420 (86,419.76),
    // split 43,210 / 43,210.
    const res = await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ period: '2026-Q3', netSales: 123_456_789, currency: 'VND' })
      .expect(201);
    const { report } = res.body;
    assert.equal(report.royalty, 4_320_988);
    assert.equal(report.royaltyPct, 3.5);
    assert.deepEqual(
      report.fees.map((f: { payer: string; amount: number }) => [f.payer, f.amount]),
      [
        ['buyer', 43_210],
        ['seller', 43_210],
      ],
    );
    assert.equal(report.status, 'filed');
    const seen = (await c.institute.agent.get(`/api/deals/${dealId}/royalty-reports`).expect(200)).body;
    assert.equal(seen.royaltyPct, 3.5);
    assert.equal(seen.reports[0].id, report.id);
    await c.outsider.agent.get(`/api/deals/${dealId}/royalty-reports`).expect(404);
    const timeline = (await DealModel.findById(dealId).lean())!.timeline.map((e) => e.event);
    assert.ok(timeline.includes('royalty_reported'));
  });

  it('when the report is filed by the licensor, twice for a period, in another currency or with bad input, then it is refused and nothing is written', async () => {
    const body = { period: '2026-07', netSales: 10_000_000, currency: 'VND' };
    await c.institute.agent.post(`/api/deals/${dealId}/royalty-reports`).send(body).expect(403);
    await c.outsider.agent.post(`/api/deals/${dealId}/royalty-reports`).send(body).expect(404);
    const wrongCurrency = await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ ...body, currency: 'USD' })
      .expect(400);
    assert.equal(wrongCurrency.body.error.details[0].field, 'currency');
    const badPeriod = await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ ...body, period: '2026-13' })
      .expect(400);
    assert.equal(badPeriod.body.error.details[0].field, 'period');
    await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ ...body, netSales: 1.5 })
      .expect(400);
    assert.equal((await reportsOf()).length, 0);

    await c.enterprise.agent.post(`/api/deals/${dealId}/royalty-reports`).send(body).expect(201);
    await c.enterprise.agent.post(`/api/deals/${dealId}/royalty-reports`).send(body).expect(409);
    assert.equal((await reportsOf()).length, 1);
  });

  it('when the agreed terms set no royalty, then no report can be filed', async () => {
    await DealModel.updateOne({ _id: dealId }, { $unset: { 'termSheets.0.royaltyPct': 1 } });
    clearRecordCaches();
    await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ period: '2026-07', netSales: 10_000_000, currency: 'VND' })
      .expect(409);
    assert.equal((await reportsOf()).length, 0);
  });

  it('when the licensor confirms receiving the royalty, then it is confirmed once; the licensee cannot confirm it', async () => {
    const filed = await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ period: '2026-08', netSales: 50_000_000, currency: 'VND' })
      .expect(201);
    const id = filed.body.report.id;
    await c.enterprise.agent.post(`/api/deals/${dealId}/royalty-reports/${id}/confirm`).expect(403);
    assert.equal((await reportsOf())[0].confirmedAt, undefined);
    const confirmed = await c.institute.agent
      .post(`/api/deals/${dealId}/royalty-reports/${id}/confirm`)
      .expect(200);
    assert.equal(confirmed.body.report.status, 'confirmed');
    await c.institute.agent.post(`/api/deals/${dealId}/royalty-reports/${id}/confirm`).expect(409);
    await c.institute.agent
      .post(`/api/deals/${dealId}/royalty-reports/${'0'.repeat(24)}/confirm`)
      .expect(404);
  });

  it('when a party pays its share of the fee by bank transfer, then one payment per report and payer is made, and an operator’s confirmation shows it paid', async () => {
    const filed = await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ period: '2026-09', netSales: 100_000_000, currency: 'VND' })
      .expect(201);
    const id = filed.body.report.id;
    const paying = await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports/${id}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    assert.equal(paying.body.payment.purpose, 'royalty_fee');
    assert.equal(paying.body.payment.royaltyReportId, id);
    assert.equal(paying.body.payment.amount, filed.body.report.fees[0].amount);
    const again = await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports/${id}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    assert.equal(again.body.payment.id, paying.body.payment.id);
    await c.outsider.agent
      .post(`/api/deals/${dealId}/royalty-reports/${id}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(404);
    assert.equal(await PaymentModel.countDocuments({}), 1);

    await c.admin.agent.post(`/api/admin/payments/${paying.body.payment.id}/confirm`).send({}).expect(200);
    const listed = (await c.enterprise.agent.get(`/api/deals/${dealId}/royalty-reports`).expect(200)).body;
    const buyerFee = listed.reports[0].fees.find((f: { payer: string }) => f.payer === 'buyer');
    assert.equal(buyerFee.status, 'paid');
    // The deal's own fees are unchanged by a royalty's.
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'closed_won');
  });

  it('when a deal with a broker has its royalty fee paid, then the broker’s share of each line falls due at once and once, however often or concurrently the payment is confirmed', async () => {
    await DealModel.updateOne({ _id: dealId }, { $set: { brokerUserId: c.broker.user.id } });
    clearRecordCaches();
    // 3.5 % of 100,000,000 ₫ = 3,500,000; the fee is 2 % of it = 70,000, split 35,000 a side;
    // the broker's 30 % of it, 21,000, is shared 10,500 a side.
    const filed = await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ period: '2026-10', netSales: 100_000_000, currency: 'VND' })
      .expect(201);
    const id = filed.body.report.id;
    const payouts = async () =>
      (await c.admin.agent.get('/api/admin/payouts').expect(200)).body.payouts as {
        id: string;
        kind: string;
        purpose: string;
        amount: number;
        paymentId: string;
        dealId: string;
        payeeUserId: string;
        status: string;
      }[];

    // The buyer pays by bank transfer; three operators' confirmations race, then one repeats.
    const bank = await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports/${id}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    assert.deepEqual(bank.body.payment.payees, [
      { userId: c.broker.user.id, purpose: 'broker_commission', amount: 10_500 },
    ]);
    assert.deepEqual(await payouts(), [], 'nothing is owed before the fee is paid');
    const confirmations = await Promise.all(
      [0, 1, 2].map(() => c.admin.agent.post(`/api/admin/payments/${bank.body.payment.id}/confirm`).send({})),
    );
    assert.deepEqual(confirmations.map((r) => r.status).sort(), [200, 409, 409]);
    await applyEventToPayment(bank.body.payment.id, 'paid', { source: 'operator' });
    const afterBank = await payouts();
    assert.deepEqual(
      afterBank.map((p) => [p.kind, p.purpose, p.amount, p.paymentId, p.dealId, p.payeeUserId, p.status]),
      [['payout_due', 'broker_commission', 10_500, bank.body.payment.id, dealId, c.broker.user.id, 'due']],
    );

    // The seller pays by card; Stripe's confirmation arrives twice at once, and once more later.
    const card = await c.institute.agent
      .post(`/api/deals/${dealId}/royalty-reports/${id}/payments`)
      .send({ provider: 'stripe' })
      .expect(201);
    const completed = signedEvent('checkout.session.completed', sessionObject(card.body.payment));
    await Promise.all([deliver(t.app, completed).expect(200), deliver(t.app, completed).expect(200)]);
    await deliver(t.app, signedEvent('checkout.session.completed', sessionObject(card.body.payment))).expect(
      200,
    );
    assert.equal((await PaymentModel.findById(card.body.payment.id).lean())!.status, 'paid');
    const both = await payouts();
    assert.deepEqual(
      both.map((p) => [p.paymentId, p.amount]).sort(),
      [
        [bank.body.payment.id, 10_500],
        [card.body.payment.id, 10_500],
      ].sort(),
    );
    assert.equal(
      await LedgerEntryModel.countDocuments({ dealId, kind: 'payout_due', purpose: 'broker_commission' }),
      2,
    );

    // The broker sees its commissions; an operator records paying one.
    const mine = (await c.broker.agent.get('/api/payouts/mine').expect(200)).body;
    assert.deepEqual(
      mine.payouts.map((p: { amount: number; status: string }) => [p.amount, p.status]),
      [
        [10_500, 'due'],
        [10_500, 'due'],
      ],
    );
    assert.deepEqual(
      mine.totals.map((x: { owed: number; currency: string }) => [x.owed, x.currency]),
      [[21_000, 'VND']],
    );
    await c.admin.agent
      .post(`/api/admin/payouts/${both[0].id}/paid`)
      .send({ reference: 'CK-ROYALTY-1' })
      .expect(200);
    assert.deepEqual((await payouts()).map((p) => p.status).sort(), ['due', 'paid']);
  });

  it('when a deal without a broker has its royalty fee paid, then no payout is owed', async () => {
    const filed = await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ period: '2026-11', netSales: 100_000_000, currency: 'VND' })
      .expect(201);
    const paying = await c.enterprise.agent
      .post(`/api/deals/${dealId}/royalty-reports/${filed.body.report.id}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    assert.equal(paying.body.payment.payees, undefined);
    await c.admin.agent.post(`/api/admin/payments/${paying.body.payment.id}/confirm`).send({}).expect(200);
    assert.deepEqual((await c.admin.agent.get('/api/admin/payouts').expect(200)).body.payouts, []);
  });
});
