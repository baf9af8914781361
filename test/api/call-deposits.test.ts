/**
 * Deposits on calls for proposals: a call may ask each proposer a deposit (fixed, or a percentage
 * of the budget's maximum); a proposal without a paid one is refused and writes nothing; at the
 * call's close a proposer with no proposal is refunded and a pending deposit is closed; while the
 * owner chooses, a proposer's deposit is held, refunded once its proposal is turned down (or the
 * call ends), credited to the deal of a chosen proposal, each exactly once however often the
 * settlement runs; an operator may forfeit the deposit of a chosen proposer who walked away.
 */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { DemandModel } from '../../server/demands/demand.model';
import { BidModel } from '../../server/bids/bid.model';
import { DealModel } from '../../server/deals/deal.model';
import { PaymentModel } from '../../server/payments/payment.model';
import { LedgerEntryModel } from '../../server/payments/ledger.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { JobModel, type JobDoc } from '../../server/scheduler/job.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { deadlineJobHandlers, CALL_CLOSE } from '../../server/bids/deadline-jobs';
import { CALL_DEPOSITS } from '../../server/scheduler/job-types';
import { setLogLevel } from '../../server/common/logger';
import { signUp, type Member } from '../helpers/factories';
import {
  aBid,
  passDeadline,
  cast,
  depositCall,
  inOneHour,
  publishedDemand,
  type Cast,
} from './deals-helpers';
import { demandBody, fieldsOf, inDays } from './offers-helpers';
import {
  demandPayload,
  demandValuesOf,
  emptyDemandValues,
  type DemandValues,
} from '../../client/src/features/listings/demandForm';

describe('deposits on calls for proposals', function () {
  this.timeout(60_000);
  let t: TestApp;
  let c: Cast;
  before(async () => {
    setLogLevel(process.env.LOG_LEVEL ?? 'silent');
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  async function payDeposit(m: Member, demandId: string): Promise<string> {
    const res = await m.agent
      .post(`/api/demands/${demandId}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    return res.body.payment.id as string;
  }
  async function confirm(paymentId: string) {
    await c.admin.agent.post(`/api/admin/payments/${paymentId}/confirm`).send({}).expect(200);
  }
  async function paidProposal(
    m: Member,
    demandId: string,
    amount: number,
  ): Promise<{ paymentId: string; bidId: string }> {
    const paymentId = await payDeposit(m, demandId);
    await confirm(paymentId);
    const res = await m.agent.post(`/api/demands/${demandId}/proposals`).send(aBid(amount)).expect(201);
    return { paymentId, bidId: res.body.bid.id };
  }
  /** The call's deadline passes and its close job runs. */
  async function runClose(demandId: string) {
    await passDeadline('demand', demandId);
    clearRecordCaches();
    await deadlineJobHandlers(t.ctx)[CALL_CLOSE]({ payload: { demandId } } as unknown as JobDoc);
  }
  /** What the scheduler would run: every deposit job of the call (each safe to run again). */
  async function runDepositJobs() {
    const jobs = (await JobModel.find({ type: CALL_DEPOSITS }).lean()) as JobDoc[];
    for (const job of jobs) await deadlineJobHandlers(t.ctx)[CALL_DEPOSITS](job);
    return jobs;
  }
  const payment = async (id: string) => (await PaymentModel.findById(id).lean())!;
  const told = (m: Member, type: string) => NotificationModel.countDocuments({ userId: m.user.id, type });
  const ledger = (kind: 'refund' | 'deposit_credited' | 'deposit_forfeited', paymentId: string) =>
    LedgerEntryModel.countDocuments({ kind, paymentId });

  it('when a demand asks a deposit without being a call, both kinds of deposit, or a percentage of no maximum budget, then 400 names the field and nothing is written', async () => {
    const open = await c.enterprise.agent
      .post('/api/demands')
      .send(demandBody({ deposit: 5_000_000 }))
      .expect(400);
    assert.deepEqual(fieldsOf(open), ['deposit']);
    const call = { mode: 'call_for_proposals', deadline: inDays(10) };
    const both = await c.enterprise.agent
      .post('/api/demands')
      .send(demandBody({ ...call, deposit: 5_000_000, depositPct: 2 }))
      .expect(400);
    assert.deepEqual(fieldsOf(both), ['depositPct']);
    const noMax = await c.enterprise.agent
      .post('/api/demands')
      .send(demandBody({ ...call, depositPct: 2, budget: { min: 100_000_000, currency: 'VND' } }))
      .expect(400);
    assert.deepEqual(fieldsOf(noMax), ['depositPct']);
    await c.enterprise.agent
      .post('/api/demands')
      .send(demandBody({ ...call, depositPct: 80 }))
      .expect(400);
    assert.equal(await DemandModel.countDocuments({}), 0);

    // A percentage of the budget's maximum (2 % of 2,000,000,000 ₫), shown on the demand.
    const made = await c.enterprise.agent
      .post('/api/demands')
      .send(demandBody({ ...call, depositPct: 2 }))
      .expect(201);
    assert.equal(made.body.demand.deposit, 40_000_000);
    assert.equal(made.body.demand.depositPct, 2);
    // A draft may drop it again; turning the call into an open demand with a deposit is refused.
    const id = made.body.demand.id as string;
    const patched = await c.enterprise.agent
      .patch(`/api/demands/${id}`)
      .send({ mode: 'open', deadline: null })
      .expect(400);
    assert.deepEqual(fieldsOf(patched), ['depositPct']);
    assert.equal((await DemandModel.findById(id).lean())!.mode, 'call_for_proposals');
  });

  it('when the demand form sends a call’s deposit (or none), then the server takes it as the form shows it, and a saved form sends back a percentage unchanged', async () => {
    const base = {
      ...emptyDemandValues('vi'),
      title: 'Cần hệ thống IoT giám sát nhà kính',
      field: 'agricultural_sciences',
      subField: 'high_tech_agriculture',
      minTrl: '6',
      transferModes: ['turnkey'],
      budgetMin: '100000000',
      budgetMax: '500000000',
    } as DemandValues;
    const open = await c.enterprise.agent.post('/api/demands').send(demandPayload(base)).expect(201);
    assert.equal(open.body.demand.deposit, undefined);
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16);
    const call = { ...base, mode: 'call_for_proposals' as const, deadline, deposit: '10.000.000' };
    const made = await c.enterprise.agent.post('/api/demands').send(demandPayload(call)).expect(201);
    assert.equal(made.body.demand.deposit, 10_000_000);
    const byPct = await c.enterprise.agent
      .post('/api/demands')
      .send({ ...demandPayload(call), deposit: null, depositPct: 4 })
      .expect(201);
    const again = demandValuesOf(byPct.body.demand);
    assert.deepEqual([again.deposit, again.depositPct], ['', 4]);
    const saved = await c.enterprise.agent
      .patch(`/api/demands/${byPct.body.demand.id}`)
      .send(demandPayload(again))
      .expect(200);
    assert.deepEqual([saved.body.demand.deposit, saved.body.demand.depositPct], [20_000_000, 4]);
  });

  it('when a published call asks a deposit, then its deposit cannot change by a revision (409 naming it, nothing written)', async () => {
    const demandId = await depositCall(c.enterprise, inOneHour(), 1_000_000);
    const res = await c.enterprise.agent
      .patch(`/api/demands/${demandId}`)
      .send({ deposit: 2_000_000 })
      .expect(409);
    assert.equal(res.body.error.details[0].field, 'deposit');
    const stored = (await DemandModel.findById(demandId).lean())!;
    assert.equal(stored.deposit, 1_000_000);
    assert.equal(stored.revision, undefined);
  });

  it('when a proposer has not paid the deposit, then its proposal is refused with 409 and nothing is written; once confirmed, it may propose', async () => {
    const demandId = await depositCall(c.enterprise, inOneHour(), 1_000_000);
    const shown = (await c.institute.agent.get(`/api/demands/${demandId}`).expect(200)).body.demand;
    assert.equal(shown.deposit, 1_000_000);

    const refused = await c.institute.agent
      .post(`/api/demands/${demandId}/proposals`)
      .send(aBid())
      .expect(409);
    assert.match(
      refused.body.error.message,
      /call for proposals asks each proposer a deposit of .*1[.,]000[.,]000/,
    );
    assert.equal(await BidModel.countDocuments({}), 0);

    const none = (await c.institute.agent.get(`/api/demands/${demandId}/deposits/mine`).expect(200)).body;
    assert.deepEqual([none.required, none.status, none.amount], [true, 'none', 1_000_000]);
    const started = await c.institute.agent
      .post(`/api/demands/${demandId}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    assert.equal(started.body.payment.demandId, demandId);
    assert.equal(started.body.payment.offerId, undefined);
    assert.equal(started.body.payment.purpose, 'bid_deposit');
    assert.ok(started.body.instructions.reference);
    const again = await c.institute.agent
      .post(`/api/demands/${demandId}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    assert.equal(again.body.payment.id, started.body.payment.id);
    await c.institute.agent.post(`/api/demands/${demandId}/proposals`).send(aBid()).expect(409);
    assert.equal(await BidModel.countDocuments({}), 0);

    await confirm(started.body.payment.id);
    const mine = (await c.institute.agent.get(`/api/demands/${demandId}/deposits/mine`).expect(200)).body;
    assert.equal(mine.status, 'paid');
    await c.institute.agent.post(`/api/demands/${demandId}/proposals`).send(aBid()).expect(201);
    assert.equal(await BidModel.countDocuments({}), 1);
    // The receipt names the call.
    const receipt = await c.institute.agent
      .get(`/api/payments/${started.body.payment.id}/receipt?lang=en`)
      .expect(200);
    assert.match(receipt.text, /Call for proposals/);
  });

  it('when the owner, an operator or an outsider to open demands asks to pay, then it is refused and no payment is written; the owner and operators list the deposits', async () => {
    const demandId = await depositCall(c.enterprise, inOneHour());
    await c.enterprise.agent
      .post(`/api/demands/${demandId}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(403);
    await c.admin.agent
      .post(`/api/demands/${demandId}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(403);
    const open = await publishedDemand(c.enterprise);
    const plain = await c.institute.agent
      .post(`/api/demands/${open}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(409);
    assert.match(plain.body.error.message, /asks no deposit/);
    assert.equal(await PaymentModel.countDocuments({}), 0);
    await c.enterprise.agent.get(`/api/demands/${demandId}/deposits`).expect(200);
    await c.admin.agent.get(`/api/demands/${demandId}/deposits`).expect(200);
    await c.institute.agent.get(`/api/demands/${demandId}/deposits`).expect(403);
    // After the deadline no deposit can be paid.
    await passDeadline('demand', demandId);
    clearRecordCaches();
    await c.institute.agent
      .post(`/api/demands/${demandId}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(409);
    assert.equal(await PaymentModel.countDocuments({}), 0);
  });

  it('when the call closes and the owner chooses, then each deposit is refunded or credited exactly once, and the others are held until the call ends', async () => {
    const demandId = await depositCall(c.enterprise, inOneHour(), 1_000_000);
    const chosen = await paidProposal(c.rival, demandId, 200_000_000);
    const turnedDown = await paidProposal(c.outsider, demandId, 150_000_000);
    const standing = await paidProposal(c.institute, demandId, 180_000_000);
    // Paid, but never proposed; and one still being paid at the close.
    const idle = await signUp(t.app, { kind: 'university', orgName: 'Trường Đại học Bách khoa' });
    const idlePaid = await payDeposit(idle, demandId);
    await confirm(idlePaid);
    const late = await signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Chậm Chân' });
    const latePending = await payDeposit(late, demandId);

    await runClose(demandId);
    assert.equal((await payment(idlePaid)).status, 'refunded');
    assert.equal((await payment(latePending)).status, 'failed');
    for (const held of [chosen, turnedDown, standing]) {
      const p = await payment(held.paymentId);
      assert.equal(p.status, 'paid');
      assert.equal(p.deposit?.outcome, undefined);
    }
    assert.equal(await told(idle, 'deposit.refunded'), 1);
    // A watch job runs again while deposits are held.
    const watch = await JobModel.findOne({ type: CALL_DEPOSITS, 'payload.watch': true }).lean();
    assert.ok(watch);

    // The owner turns one proposal down: its proposer is refunded (a durable job per decision).
    await c.enterprise.agent
      .post(`/api/bids/${turnedDown.bidId}/reject`)
      .send({ reason: 'price_too_high' })
      .expect(200);
    // The owner chooses another: a deal opens, its proposer's deposit is credited to it.
    const accepted = await c.enterprise.agent.post(`/api/bids/${chosen.bidId}/accept`).expect(201);
    const dealId = accepted.body.deal.id as string;
    await runDepositJobs();
    assert.equal((await payment(turnedDown.paymentId)).status, 'refunded');
    const credited = await payment(chosen.paymentId);
    assert.equal(credited.status, 'paid');
    assert.equal(credited.deposit?.outcome, 'credited');
    assert.equal(String(credited.deposit?.dealId), dealId);
    // The proposal still in the running keeps its deposit.
    assert.equal((await payment(standing.paymentId)).status, 'paid');
    assert.equal((await payment(standing.paymentId)).deposit?.outcome, undefined);

    // The proposers see it; the chosen one's deal carries the credit against the seller's fees.
    const lost = (await c.outsider.agent.get(`/api/demands/${demandId}/deposits/mine`).expect(200)).body;
    assert.equal(lost.status, 'refunded');
    const won = (await c.rival.agent.get(`/api/demands/${demandId}/deposits/mine`).expect(200)).body;
    assert.deepEqual([won.payment.deposit.outcome, won.payment.deposit.dealId], ['credited', dealId]);
    const deal = (await c.rival.agent.get(`/api/deals/${dealId}`).expect(200)).body.deal;
    assert.equal(deal.sellerOrgId, c.rival.orgId);
    assert.deepEqual(deal.depositCredit, {
      paymentId: chosen.paymentId,
      amount: 1_000_000,
      currency: 'VND',
      payer: 'seller',
    });
    await c.rival.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const fees = (await c.rival.agent.get(`/api/deals/${dealId}/fees`).expect(200)).body.fees as {
      payer: string;
      credited?: number;
    }[];
    const seller = fees.filter((f) => f.payer === 'seller');
    assert.equal(
      seller.reduce((sum, f) => sum + (f.credited ?? 0), 0),
      1_000_000,
    );
    assert.ok(fees.filter((f) => f.payer === 'buyer').every((f) => !f.credited));

    // Running everything again changes nothing, and tells nobody twice.
    const entries = await LedgerEntryModel.countDocuments({});
    await runDepositJobs();
    await deadlineJobHandlers(t.ctx)[CALL_CLOSE]({ payload: { demandId } } as unknown as JobDoc);
    assert.equal(await LedgerEntryModel.countDocuments({}), entries);
    assert.equal(await told(c.outsider, 'deposit.refunded'), 1);
    assert.equal(await told(c.rival, 'deposit.credited'), 1);
    assert.equal(await told(c.institute, 'deposit.refunded'), 0);

    // The owner closes the call: the proposal left standing is refunded, once, by the watch job.
    await c.enterprise.agent.post(`/api/demands/${demandId}/close`).expect(200);
    await runDepositJobs();
    await runDepositJobs();
    assert.equal((await payment(standing.paymentId)).status, 'refunded');
    assert.equal(await told(c.institute, 'deposit.refunded'), 1);
    for (const refunded of [idlePaid, turnedDown.paymentId, standing.paymentId])
      assert.equal(await ledger('refund', refunded), 1, `one refund entry for ${refunded}`);
    assert.equal(await ledger('deposit_credited', chosen.paymentId), 1);
    assert.equal(await ledger('refund', chosen.paymentId), 0);
  });

  it('when a proposer withdraws before the deadline, then its deposit stays held (it may propose again) until the close refunds it', async () => {
    const demandId = await depositCall(c.enterprise, inOneHour(), 1_000_000);
    const first = await paidProposal(c.institute, demandId, 200_000_000);
    await c.institute.agent.post(`/api/bids/${first.bidId}/withdraw`).expect(200);
    assert.equal(await JobModel.countDocuments({ type: CALL_DEPOSITS }), 0);
    assert.equal((await payment(first.paymentId)).status, 'paid');
    const again = await c.institute.agent
      .post(`/api/demands/${demandId}/proposals`)
      .send(aBid(190_000_000))
      .expect(201);
    await c.institute.agent.post(`/api/bids/${again.body.bid.id}/withdraw`).expect(200);
    await runClose(demandId);
    assert.equal((await payment(first.paymentId)).status, 'refunded');
    assert.equal(await told(c.institute, 'deposit.refunded'), 1);
  });

  it('when a call is withdrawn before its deadline, then every paid deposit is refunded at its close', async () => {
    const demandId = await depositCall(c.enterprise, inOneHour(), 1_000_000);
    const first = await paidProposal(c.rival, demandId, 200_000_000);
    const second = await paidProposal(c.institute, demandId, 210_000_000);
    await c.enterprise.agent.delete(`/api/demands/${demandId}`).expect(200);
    await runClose(demandId);
    assert.equal((await payment(first.paymentId)).status, 'refunded');
    assert.equal((await payment(second.paymentId)).status, 'refunded');
    assert.equal(await told(c.rival, 'deposit.refunded'), 1);
  });

  it('when the chosen proposer walks away, then an operator may forfeit its deposit, and not before', async () => {
    const demandId = await depositCall(c.enterprise, inOneHour(), 1_000_000);
    const chosen = await paidProposal(c.rival, demandId, 200_000_000);
    await runClose(demandId);
    const dealId = (await c.enterprise.agent.post(`/api/bids/${chosen.bidId}/accept`).expect(201)).body.deal
      .id;
    await runDepositJobs();
    const early = await c.admin.agent
      .post(`/api/admin/payments/${chosen.paymentId}/forfeit`)
      .send({ reason: 'Bên được chọn rút lui' })
      .expect(409);
    assert.match(early.body.error.message, /walked away/);
    assert.equal((await payment(chosen.paymentId)).deposit?.outcome, 'credited');

    await c.rival.agent.post(`/api/deals/${dealId}/walk-away`).send({ reason: 'timing' }).expect(200);
    const res = await c.admin.agent
      .post(`/api/admin/payments/${chosen.paymentId}/forfeit`)
      .send({ reason: 'Bên được chọn rút lui' })
      .expect(200);
    assert.equal(res.body.payment.deposit.outcome, 'forfeited');
    assert.equal(res.body.payment.demandId, demandId);
    assert.equal(await ledger('deposit_forfeited', chosen.paymentId), 1);
    assert.equal(await told(c.rival, 'deposit.forfeited'), 1);
    // The settlement runs on: a forfeited deposit is never refunded.
    await runDepositJobs();
    assert.equal((await payment(chosen.paymentId)).status, 'paid');
    assert.equal(await DealModel.countDocuments({}), 1);
  });
});
