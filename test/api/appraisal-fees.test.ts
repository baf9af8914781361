/**
 * An appraisal's fee through the exchange's payments: set by the schedule when the request is
 * made, due once an expert takes it on, paid by bank transfer or card, the report shown to the
 * requester once it is paid, and the experts' share (and a broker's commission on a deal's fee)
 * recorded in the ledger as the exchange's payouts, cancelled by a refund.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signUp, type Member } from '../helpers/factories';
import { cast, publishedOffer, type Cast } from './deals-helpers';
import { agreedDeal, deliver, sessionObject, signedEvent } from './payments-helpers';
import { PaymentModel } from '../../server/payments/payment.model';
import { LedgerEntryModel } from '../../server/payments/ledger.model';
import { DEFAULT_FEE_SCHEDULE } from '../../server/fees';

const REPORT = {
  trlAssessed: 5,
  findings: 'Mẫu thử đạt yêu cầu ở phòng thí nghiệm.',
  risks: 'Chưa thử ở quy mô sản xuất.',
  recommendation: 'Đạt TRL 5.',
};

describe('appraisal fees and payouts', function () {
  this.timeout(90_000);
  let t: TestApp;
  let c: Cast;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  async function expert(name: string): Promise<Member> {
    const m = await signUp(t.app, { kind: 'institute', name, orgName: `Văn phòng ${name}` });
    await c.admin.agent.post(`/api/admin/users/${m.user.id}/role`).send({ role: 'expert' }).expect(200);
    await m.agent
      .put('/api/experts/me')
      .send({ fields: ['engineering_technology'] })
      .expect(200);
    return m;
  }

  /** A technology appraisal of the institute's offer, taken on by `experts`; its id. */
  async function takenOn(experts: Member[], body: Record<string, unknown> = {}): Promise<string> {
    const offerId = await publishedOffer(c.institute);
    const created = await c.institute.agent
      .post('/api/appraisals')
      .send({ listingKind: 'offer', listingId: offerId, type: 'technology', ...body })
      .expect(201);
    const id = created.body.appraisal.id as string;
    await c.admin.agent
      .post(`/api/admin/appraisals/${id}/assign`)
      .send({ expertIds: experts.map((e) => e.user.id) })
      .expect(200);
    for (const e of experts) await e.agent.post(`/api/appraisals/${id}/accept`).expect(200);
    return id;
  }

  const payFee = (m: Member, id: string, provider = 'bank_transfer') =>
    m.agent.post(`/api/appraisals/${id}/payments`).send({ provider });
  const payouts = async () => (await c.admin.agent.get('/api/admin/payouts').expect(200)).body;

  it('sets the fee by the schedule when the request is made, in the currency asked for', async () => {
    const offerId = await publishedOffer(c.institute);
    const ask = (body: Record<string, unknown>) =>
      c.institute.agent
        .post('/api/appraisals')
        .send({ listingKind: 'offer', listingId: offerId, ...body })
        .expect(201);
    const technology = (await ask({ type: 'technology' })).body.appraisal;
    assert.deepEqual(technology.fee, { amount: 10_000_000, currency: 'VND', status: 'unpaid' });
    const valuation = (await ask({ type: 'valuation', currency: 'USD' })).body.appraisal;
    assert.deepEqual(valuation.fee, { amount: 100_000, currency: 'USD', status: 'unpaid' });
    // Anyone reads the schedule's appraisal fees before asking.
    assert.deepEqual((await request(t.app).get('/api/appraisals/fees').expect(200)).body.fees, [
      { type: 'technology', currency: 'VND', amount: 10_000_000 },
      { type: 'technology', currency: 'USD', amount: 50_000 },
      { type: 'valuation', currency: 'VND', amount: 20_000_000 },
      { type: 'valuation', currency: 'USD', amount: 100_000 },
    ]);
    const bad = await c.institute.agent
      .post('/api/appraisals')
      .send({ listingKind: 'offer', listingId: offerId, type: 'technology', currency: 'EUR' })
      .expect(400);
    assert.equal(bad.body.error.details[0].field, 'currency');
  });

  it('is due once an expert takes the request on: before, paying is refused and nothing is written', async () => {
    const lan = await expert('Trần Thị Lan');
    const offerId = await publishedOffer(c.institute);
    const created = await c.institute.agent
      .post('/api/appraisals')
      .send({ listingKind: 'offer', listingId: offerId, type: 'technology' })
      .expect(201);
    const id = created.body.appraisal.id as string;
    const early = await payFee(c.institute, id).expect(409);
    assert.match(early.body.error.message, /once an expert has taken the request on/);
    await c.admin.agent
      .post(`/api/admin/appraisals/${id}/assign`)
      .send({ expertIds: [lan.user.id] })
      .expect(200);
    await payFee(c.institute, id).expect(409);
    assert.equal(await PaymentModel.countDocuments({}), 0);

    await lan.agent.post(`/api/appraisals/${id}/accept`).expect(200);
    // Only the requesting organization pays; a bad provider is named; signed out is 401.
    await payFee(c.enterprise, id).expect(404);
    await payFee(lan, id).expect(403);
    const bad = await payFee(c.institute, id, 'cash').expect(400);
    assert.equal(bad.body.error.details[0].field, 'provider');
    await request(t.app)
      .post(`/api/appraisals/${id}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(401);
    assert.equal(await PaymentModel.countDocuments({}), 0);

    const first = await payFee(c.institute, id).expect(201);
    const again = await payFee(c.institute, id).expect(201);
    assert.equal(again.body.payment.id, first.body.payment.id, 'asking again resumes the same payment');
    assert.equal(first.body.payment.appraisalId, id);
    assert.equal(first.body.payment.purpose, 'appraisal_fee');
    assert.equal(first.body.payment.payer, 'requester');
    assert.equal(first.body.payment.dealId, undefined);
    assert.deepEqual(first.body.instructions.amount, 10_000_000);
    assert.equal(
      (await c.institute.agent.get(`/api/appraisals/${id}`).expect(200)).body.appraisal.fee.status,
      'pending',
    );
  });

  it('shows the report to the requester once paid; the experts share 70 % of it in the ledger, recorded once', async () => {
    const lan = await expert('Trần Thị Lan');
    const binh = await expert('Nguyễn Văn Bình');
    // 10,000,000 VND for a technology appraisal: 70 % is 7,000,000, shared by the two experts.
    const id = await takenOn([lan, binh]);
    await lan.agent.post(`/api/appraisals/${id}/report`).send(REPORT).expect(200);
    const withheld = (await c.institute.agent.get(`/api/appraisals/${id}`).expect(200)).body.appraisal;
    assert.equal(withheld.reportWithheld, true);
    assert.equal(withheld.report, undefined);
    const listed = (await c.institute.agent.get('/api/appraisals').expect(200)).body.appraisals[0];
    assert.equal(listed.report, undefined, 'nor in the list');
    for (const reader of [lan, binh, c.admin]) {
      const seen = (await reader.agent.get(`/api/appraisals/${id}`).expect(200)).body.appraisal;
      assert.equal(seen.report.trlAssessed, 5);
    }

    const started = await payFee(c.institute, id).expect(201);
    const paymentId = started.body.payment.id as string;
    assert.deepEqual(
      started.body.payment.payees.map((p: { userId: string; amount: number }) => [p.userId, p.amount]),
      [
        [lan.user.id, 3_500_000],
        [binh.user.id, 3_500_000],
      ],
    );
    assert.deepEqual((await payouts()).payouts, [], 'nothing is owed before the fee is paid');
    const confirm = () => c.admin.agent.post(`/api/admin/payments/${paymentId}/confirm`).send({});
    await confirm().expect(200);
    await confirm().expect(409);

    const read = (await c.institute.agent.get(`/api/appraisals/${id}`).expect(200)).body.appraisal;
    assert.deepEqual(read.fee, { amount: 10_000_000, currency: 'VND', status: 'paid', paymentId });
    assert.equal(read.report.trlAssessed, 5);

    const { payouts: entries, totals } = await payouts();
    assert.deepEqual(
      entries
        .map((e: Record<string, unknown>) => [e.kind, e.purpose, e.payeeName, e.amount, e.appraisalId])
        .sort(),
      [
        ['payout_due', 'expert_share', 'Nguyễn Văn Bình', 3_500_000, id],
        ['payout_due', 'expert_share', 'Trần Thị Lan', 3_500_000, id],
      ],
    );
    assert.deepEqual(
      totals.map((x: Record<string, unknown>) => [x.name, x.currency, x.owed]),
      [
        ['Nguyễn Văn Bình', 'VND', 3_500_000],
        ['Trần Thị Lan', 'VND', 3_500_000],
      ],
    );
    const kinds = (await LedgerEntryModel.find({ paymentId }).lean()).map((e) => e.kind).sort();
    assert.deepEqual(kinds, ['payment_received', 'payment_started', 'payout_due', 'payout_due']);

    // An operator records paying Lan's share, once; she sees it paid, Bình his still due.
    const lansShare = entries.find((e: { payeeUserId: string }) => e.payeeUserId === lan.user.id);
    assert.equal(lansShare.status, 'due');
    const bad = await c.admin.agent.post(`/api/admin/payouts/${lansShare.id}/paid`).send({}).expect(400);
    assert.equal(bad.body.error.details[0].field, 'reference');
    const paid = await c.admin.agent
      .post(`/api/admin/payouts/${lansShare.id}/paid`)
      .send({ reference: 'UNC-2026-118' })
      .expect(200);
    assert.equal(paid.body.payout.status, 'paid');
    assert.equal(paid.body.payout.paidReference, 'UNC-2026-118');
    await c.admin.agent
      .post(`/api/admin/payouts/${lansShare.id}/paid`)
      .send({ reference: 'again' })
      .expect(409);
    await c.admin.agent.post(`/api/admin/payouts/${paymentId}/paid`).send({ reference: 'wrong' }).expect(404);
    const lans = (await lan.agent.get('/api/payouts/mine').expect(200)).body;
    assert.deepEqual(
      lans.payouts.map((p: Record<string, unknown>) => [p.status, p.amount, p.paidReference]),
      [['paid', 3_500_000, 'UNC-2026-118']],
    );
    assert.deepEqual(
      lans.totals.map((x: Record<string, unknown>) => [x.owed, x.paid]),
      [[0, 3_500_000]],
    );
    const binhs = (await binh.agent.get('/api/payouts/mine').expect(200)).body;
    assert.deepEqual(
      binhs.payouts.map((p: Record<string, unknown>) => [p.status, p.amount]),
      [['due', 3_500_000]],
    );
    assert.deepEqual((await c.institute.agent.get('/api/payouts/mine').expect(200)).body.payouts, []);
    assert.equal(await LedgerEntryModel.countDocuments({ kind: 'payout_paid' }), 1);

    // Payouts are the operators' business.
    await c.institute.agent.get('/api/admin/payouts').expect(403);
    await lan.agent.get('/api/admin/payouts').expect(403);
    await request(t.app).get('/api/admin/payouts').expect(401);

    // The receipt names the appraisal; the owner publishes.
    const receipt = await c.institute.agent.get(`/api/payments/${paymentId}/receipt?lang=en`).expect(200);
    assert.match(receipt.text, /Appraisal request/);
    await c.institute.agent.post(`/api/appraisals/${id}/publish`).expect(200);
  });

  it('pays by card: a webhook delivered twice marks it paid once, and an operator’s refund cancels the payouts and withholds the report again', async () => {
    const lan = await expert('Trần Thị Lan');
    const id = await takenOn([lan], { currency: 'USD' });
    await lan.agent.post(`/api/appraisals/${id}/report`).send(REPORT).expect(200);
    const started = await payFee(c.institute, id, 'stripe').expect(201);
    assert.ok(started.body.checkoutUrl);
    const payment = started.body.payment;
    assert.equal(payment.amount, 50_000);
    const event = signedEvent('checkout.session.completed', sessionObject(payment));
    await deliver(t.app, event).expect(200);
    await deliver(t.app, event).expect(200);
    const paid = (await c.institute.agent.get(`/api/payments/${payment.id}`).expect(200)).body;
    assert.equal(paid.payment.status, 'paid');
    assert.deepEqual(paid.appraisal, { id, title: 'Công nghệ xử lý nước thải bằng màng sinh học' });
    const entries = (await payouts()).payouts;
    assert.deepEqual(
      entries.map((e: Record<string, unknown>) => [e.kind, e.amount, e.currency, e.payeeUserId]),
      [['payout_due', 35_000, 'USD', lan.user.id]],
    );
    assert.equal(
      (await c.institute.agent.get(`/api/appraisals/${id}`).expect(200)).body.appraisal.report.trlAssessed,
      5,
    );

    // An operator refunds it, with a reason (required).
    await c.admin.agent.post(`/api/admin/payments/${payment.id}/refund`).send({}).expect(400);
    await c.admin.agent
      .post(`/api/admin/payments/${payment.id}/refund`)
      .send({ reason: 'Chuyên gia rút khỏi yêu cầu' })
      .expect(200);
    const { payouts: after, totals } = await payouts();
    assert.deepEqual(
      after.map((e: { status: string }) => e.status),
      ['cancelled'],
    );
    assert.deepEqual(
      totals.map((x: Record<string, unknown>) => [x.currency, x.owed, x.paid]),
      [['USD', 0, 0]],
    );
    const kinds = (await LedgerEntryModel.find({ paymentId: payment.id }).lean()).map((e) => e.kind).sort();
    assert.deepEqual(kinds, [
      'payment_received',
      'payment_started',
      'payout_cancelled',
      'payout_due',
      'refund',
    ]);
    // A cancelled share is not paid.
    await c.admin.agent
      .post(`/api/admin/payouts/${after[0].id}/paid`)
      .send({ reference: 'CK-123' })
      .expect(409);
    const again = (await c.institute.agent.get(`/api/appraisals/${id}`).expect(200)).body.appraisal;
    assert.equal(again.fee.status, 'unpaid');
    assert.equal(again.reportWithheld, true);
  });

  it('an appraisal is free where the schedule sets no fee: the report is read and published at once', async () => {
    const { appraisalFee: _none, ...withoutAppraisalFees } = DEFAULT_FEE_SCHEDULE;
    const free = await createTestApp({ FEE_SCHEDULE: JSON.stringify(withoutAppraisalFees) });
    const members = await cast(free.app);
    const m = await signUp(free.app, { kind: 'institute', name: 'Đỗ Miễn Phí' });
    await members.admin.agent.post(`/api/admin/users/${m.user.id}/role`).send({ role: 'expert' }).expect(200);
    await m.agent
      .put('/api/experts/me')
      .send({ fields: ['engineering_technology'] })
      .expect(200);
    const offerId = await publishedOffer(members.institute);
    const created = await members.institute.agent
      .post('/api/appraisals')
      .send({ listingKind: 'offer', listingId: offerId, type: 'valuation' })
      .expect(201);
    const id = created.body.appraisal.id as string;
    assert.equal(created.body.appraisal.fee, undefined);
    assert.deepEqual((await request(free.app).get('/api/appraisals/fees').expect(200)).body.fees, []);
    await members.admin.agent
      .post(`/api/admin/appraisals/${id}/assign`)
      .send({ expertIds: [m.user.id] })
      .expect(200);
    await m.agent.post(`/api/appraisals/${id}/accept`).expect(200);
    const noFee = await members.institute.agent
      .post(`/api/appraisals/${id}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(409);
    assert.match(noFee.body.error.message, /no fee/);
    await m.agent
      .post(`/api/appraisals/${id}/report`)
      .send({ ...REPORT, valuation: { low: 1, high: 2, currency: 'VND', method: 'cost' } })
      .expect(200);
    const read = (await members.institute.agent.get(`/api/appraisals/${id}`).expect(200)).body.appraisal;
    assert.equal(read.report.trlAssessed, 5);
    await members.institute.agent.post(`/api/appraisals/${id}/publish`).expect(200);
  });

  it('a broker’s commission on a deal’s fee is owed once that fee is paid', async () => {
    const dealId = await agreedDeal(c.institute, c.enterprise, { brokerUserId: c.broker.user.id });
    // 500,000,000 VND at 2 % = 10,000,000, split 5,000,000 each; the broker earns 30 %: 1,500,000 per line.
    const started = await c.enterprise.agent
      .post(`/api/deals/${dealId}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    assert.deepEqual(started.body.payment.payees, [
      { userId: c.broker.user.id, purpose: 'broker_commission', amount: 1_500_000 },
    ]);
    assert.deepEqual((await payouts()).payouts, []);
    await c.admin.agent.post(`/api/admin/payments/${started.body.payment.id}/confirm`).send({}).expect(200);
    const { payouts: entries, totals } = await payouts();
    assert.deepEqual(
      entries.map((e: Record<string, unknown>) => [e.kind, e.purpose, e.amount, e.dealId, e.payeeUserId]),
      [['payout_due', 'broker_commission', 1_500_000, dealId, c.broker.user.id]],
    );
    assert.deepEqual(
      totals.map((x: Record<string, unknown>) => [x.payeeUserId, x.owed]),
      [[c.broker.user.id, 1_500_000]],
    );
    // The deal's ledger, as its parties read it, keeps to their payments: the payout is the operators'.
    const ledger = (await c.institute.agent.get(`/api/deals/${dealId}/ledger`).expect(200)).body.entries;
    assert.deepEqual(
      ledger.map((e: { kind: string }) => e.kind),
      ['payment_started', 'payment_received'],
    );
    assert.equal(await LedgerEntryModel.countDocuments({ dealId, kind: 'payout_due' }), 1);
  });
});
