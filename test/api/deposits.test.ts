/**
 * Bid deposits on auctions: an auction may ask each bidder a deposit; a bid without a paid one is
 * refused and writes nothing; at the close the losers' deposits are refunded, the winner's is
 * credited to its deal, and one still being paid is closed; an operator may forfeit the deposit
 * of a winner who walked away.
 */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { OfferModel } from '../../server/offers/offer.model';
import { BidModel } from '../../server/bids/bid.model';
import { DealModel } from '../../server/deals/deal.model';
import { PaymentModel } from '../../server/payments/payment.model';
import { LedgerEntryModel } from '../../server/payments/ledger.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { deadlineJobHandlers, AUCTION_CLOSE } from '../../server/bids/deadline-jobs';
import type { JobDoc } from '../../server/scheduler/job.model';
import { setLogLevel } from '../../server/common/logger';
import { completeDealIfAllPaid } from '../../server/payments/deal-completion';
import { aBid, passDeadline, cast, depositAuctionOffer, inOneHour, type Cast } from './deals-helpers';
import type { Member } from '../helpers/factories';
import { offerBody } from './offers-helpers';
import { depositSurplusJobHandlers } from '../../server/payments/deposit-surplus-jobs';
import { DEPOSIT_SURPLUS_REFUND, RUNNER_UP_DEPOSIT } from '../../server/scheduler/job-types';
import { JobModel } from '../../server/scheduler/job.model';
import { relistHalfDoneDeals } from '../../server/deal-upkeep/deal-recovery';
import { deliver, recordStripeCalls, signedEvent } from './payments-helpers';
import { paymentProvidersFor } from '../../server/payments/providers';
import { SURPLUS_REFUND_NOTIFICATION } from '../../server/payments/deposit-surplus.service';
import { AuditModel } from '../../server/audit/audit.model';

describe('bid deposits on auctions', function () {
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

  async function payDeposit(m: Member, offerId: string): Promise<string> {
    const res = await m.agent
      .post(`/api/offers/${offerId}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    return res.body.payment.id as string;
  }
  async function confirm(paymentId: string) {
    await c.admin.agent.post(`/api/admin/payments/${paymentId}/confirm`).send({}).expect(200);
  }
  /** The deal's surplus refund job, run as the scheduler runs it (it is made when terms are agreed). */
  async function runSurplus(dealId: string) {
    assert.ok(await JobModel.exists({ type: DEPOSIT_SURPLUS_REFUND, 'payload.dealId': dealId }));
    clearRecordCaches();
    return depositSurplusJobHandlers(t.ctx)[DEPOSIT_SURPLUS_REFUND]({
      payload: { dealId },
    } as unknown as JobDoc);
  }
  /** An auction won at 180,000,000 ₫ with a 10,000,000 ₫ deposit, its terms agreed: the buyer's fee is 1,800,000. */
  async function agreedAuctionDeal(): Promise<{ dealId: string; depositId: string }> {
    const offerId = await depositAuctionOffer(c.institute, inOneHour(), 10_000_000);
    const depositId = await payDeposit(c.rival, offerId);
    await confirm(depositId);
    await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(180_000_000)).expect(201);
    await runClose(offerId);
    const dealId = String((await DealModel.findOne({}).lean())!._id);
    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await c.rival.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    return { dealId, depositId };
  }
  /** The winner walks away: its deal is cancelled, then an operator forfeits its deposit. */
  async function forfeitAfterWalkAway(dealId: string, depositId: string) {
    await DealModel.updateOne({ _id: dealId }, { $set: { status: 'cancelled' } });
    clearRecordCaches();
    return c.admin.agent
      .post(`/api/admin/payments/${depositId}/forfeit`)
      .send({ reason: 'Bên thắng rút lui' })
      .expect(200);
  }
  async function runClose(offerId: string) {
    await passDeadline('offer', offerId);
    clearRecordCaches();
    const handler = deadlineJobHandlers(t.ctx)[AUCTION_CLOSE];
    await handler({ payload: { offerId } } as unknown as JobDoc);
  }

  it('when an offer asks a deposit without being an auction, or both kinds of deposit, then 400 names the field and no offer is written', async () => {
    const negotiable = offerBody({ pricing: { model: 'negotiable', currency: 'VND', depositPct: 5 } });
    const res = await c.institute.agent.post('/api/offers').send(negotiable).expect(400);
    assert.ok(res.body.error.details.some((d: { field: string }) => d.field === 'pricing.depositPct'));
    const both = offerBody({
      pricing: {
        model: 'auction',
        amount: 100_000_000,
        reservePrice: 100_000_000,
        currency: 'VND',
        closesAt: inOneHour(),
        deposit: 5_000_000,
        depositPct: 5,
      },
    });
    const res2 = await c.institute.agent.post('/api/offers').send(both).expect(400);
    assert.ok(res2.body.error.details.some((d: { field: string }) => d.field === 'pricing.depositPct'));
    assert.equal(await OfferModel.countDocuments({}), 0);
  });

  it('when a bidder has not paid the deposit, then its bid is refused with 409 and nothing is written; once an operator confirms the transfer, it may bid', async () => {
    const offerId = await depositAuctionOffer(c.institute, inOneHour(), 10_000_000);
    const offer = (await c.enterprise.agent.get(`/api/offers/${offerId}`).expect(200)).body.offer;
    assert.equal(offer.pricing.deposit, 10_000_000);

    const refused = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(409);
    assert.match(refused.body.error.message, /deposit/);
    assert.equal(await BidModel.countDocuments({}), 0);

    const started = await c.enterprise.agent
      .post(`/api/offers/${offerId}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    assert.equal(started.body.payment.purpose, 'bid_deposit');
    assert.equal(started.body.payment.amount, 10_000_000);
    assert.equal(started.body.payment.offerId, offerId);
    assert.ok(started.body.instructions.reference);
    // Asking again resumes the same payment.
    const again = await c.enterprise.agent
      .post(`/api/offers/${offerId}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    assert.equal(again.body.payment.id, started.body.payment.id);

    // Pending is not paid.
    await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(409);
    assert.equal(await BidModel.countDocuments({}), 0);
    const pending = (await c.enterprise.agent.get(`/api/offers/${offerId}/deposits/mine`).expect(200)).body;
    assert.deepEqual([pending.required, pending.status, pending.amount], [true, 'pending', 10_000_000]);

    await confirm(started.body.payment.id);
    const mine = (await c.enterprise.agent.get(`/api/offers/${offerId}/deposits/mine`).expect(200)).body;
    assert.equal(mine.status, 'paid');
    await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(201);
    assert.equal(await BidModel.countDocuments({}), 1);
  });

  it('when the owner or an outsider asks to pay a deposit, or the auction asks none, then it is refused and no payment is written', async () => {
    const offerId = await depositAuctionOffer(c.institute, inOneHour());
    await c.institute.agent
      .post(`/api/offers/${offerId}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(403);
    await c.admin.agent
      .post(`/api/offers/${offerId}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(403);
    await c.enterprise.agent.post(`/api/offers/${offerId}/deposits`).send({ provider: 'cash' }).expect(400);
    const plain = await depositAuctionOffer(c.institute, inOneHour(), 0);
    await OfferModel.updateOne({ _id: plain }, { $unset: { 'pricing.deposit': 1 } });
    clearRecordCaches();
    await c.enterprise.agent
      .post(`/api/offers/${plain}/deposits`)
      .send({ provider: 'bank_transfer' })
      .expect(409);
    assert.equal(await PaymentModel.countDocuments({}), 0);
    // The owner and operators see the deposits; another bidder does not.
    await c.institute.agent.get(`/api/offers/${offerId}/deposits`).expect(200);
    await c.admin.agent.get(`/api/offers/${offerId}/deposits`).expect(200);
    await c.enterprise.agent.get(`/api/offers/${offerId}/deposits`).expect(403);
  });

  it('when the auction closes, then the winner’s deposit is credited to its deal, the runner-up’s kept until the winner signs, then refunded, and one still pending is closed', async () => {
    const offerId = await depositAuctionOffer(c.institute, inOneHour(), 10_000_000);
    const winnerPaid = await payDeposit(c.rival, offerId);
    const loserPaid = await payDeposit(c.enterprise, offerId);
    const stillPending = await payDeposit(c.outsider, offerId);
    await confirm(winnerPaid);
    await confirm(loserPaid);
    await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(150_000_000)).expect(201);
    await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(180_000_000)).expect(201);

    await runClose(offerId);

    const deal = await DealModel.findOne({}).lean();
    assert.equal(String(deal!.buyerOrgId), c.rival.orgId);
    const byId = async (id: string) => (await PaymentModel.findById(id).lean())!;
    // The only other bid is the runner-up's: its deposit is kept while the winner's deal is unsigned.
    const loser = await byId(loserPaid);
    assert.equal(loser.status, 'paid');
    assert.ok(loser.deposit?.keptForRunnerUpAt);
    const winner = await byId(winnerPaid);
    assert.equal(winner.status, 'paid');
    assert.equal(winner.deposit?.outcome, 'credited');
    assert.equal(String(winner.deposit?.dealId), String(deal!._id));
    assert.equal((await byId(stillPending)).status, 'failed');
    const kinds = (await LedgerEntryModel.find({}).lean()).map((e) => `${e.kind}:${e.paymentId}`);
    assert.ok(!kinds.includes(`refund:${loserPaid}`));
    assert.ok(kinds.includes(`deposit_credited:${winnerPaid}`));

    // The bidders see what became of theirs.
    const lost = (await c.enterprise.agent.get(`/api/offers/${offerId}/deposits/mine`).expect(200)).body;
    assert.equal(lost.status, 'paid');
    assert.ok(lost.payment.deposit.keptForRunnerUpAt);
    const won = (await c.rival.agent.get(`/api/offers/${offerId}/deposits/mine`).expect(200)).body;
    assert.equal(won.payment.deposit.outcome, 'credited');

    // The winner's deposit is credited against the buyer's fee once terms are agreed: at
    // 180,000,000 ₫ the 2 % fee is split 1,800,000 / 1,800,000, and the deposit covers the buyer's.
    assert.equal(deal!.depositCredit?.amount, 10_000_000);
    const dealId = String(deal!._id);
    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const agreed = await c.rival.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    assert.equal(agreed.body.deal.status, 'awaiting_payment');
    const fees = (await c.rival.agent.get(`/api/deals/${dealId}/fees`).expect(200)).body.fees;
    assert.deepEqual(
      fees.map((f: { payer: string; amount: number; credited?: number }) => [f.payer, f.amount, f.credited]),
      [
        ['buyer', 0, 1_800_000],
        ['seller', 1_800_000, undefined],
      ],
    );
    await c.rival.agent.post(`/api/deals/${dealId}/payments`).send({ provider: 'bank_transfer' }).expect(409);

    // The winner signed: the runner-up's watch refunds its deposit.
    clearRecordCaches();
    await deadlineJobHandlers(t.ctx)[RUNNER_UP_DEPOSIT]({ payload: { offerId } } as unknown as JobDoc);
    assert.equal((await byId(loserPaid)).status, 'refunded');
    assert.equal(await LedgerEntryModel.countDocuments({ kind: 'refund', paymentId: loserPaid }), 1);

    // Each bidder is told what became of its deposit, once however often the close runs.
    const told = async (m: Member, type: string) =>
      NotificationModel.countDocuments({ userId: m.user.id, type });
    assert.equal(await told(c.enterprise, 'deposit.kept_for_runner_up'), 1);
    assert.equal(await told(c.enterprise, 'deposit.refunded'), 1);
    assert.equal(await told(c.rival, 'deposit.credited'), 1);
    assert.equal(await told(c.rival, 'deposit.refunded'), 0);

    // Running the close again changes nothing (once the surplus job made at the agreement has run).
    await runSurplus(dealId);
    const before = await LedgerEntryModel.countDocuments({});
    await runClose(offerId);
    assert.equal(await LedgerEntryModel.countDocuments({}), before);
    assert.equal((await byId(loserPaid)).status, 'refunded');
    assert.equal(await told(c.enterprise, 'deposit.refunded'), 1);
  });

  it('when the deposit covers a fee line whole and the deal has a broker, then the broker’s share of that line falls due on signing, once, and is paid apart from the other line’s', async () => {
    const offerId = await depositAuctionOffer(c.institute, inOneHour(), 10_000_000);
    const paid = await payDeposit(c.rival, offerId);
    await confirm(paid);
    await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(180_000_000)).expect(201);
    await runClose(offerId);
    const deal = (await DealModel.findOne({}).lean())!;
    const dealId = String(deal._id);
    await DealModel.updateOne({ _id: deal._id }, { $set: { brokerUserId: c.broker.user.id } });
    clearRecordCaches();
    const payouts = async () =>
      (await c.admin.agent.get('/api/admin/payouts').expect(200)).body.payouts as {
        id: string;
        amount: number;
        paymentId: string;
        status: string;
        line?: string;
      }[];
    assert.deepEqual(await payouts(), [], 'nothing is owed before terms are agreed');

    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await c.rival.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    // The 2 % fee on 180,000,000 ₫ is 1,800,000 a side; the broker's 30 % of it, 540,000 a side.
    // The buyer's line is covered by the deposit: its share is owed against the deposit now.
    const onSigning = await payouts();
    assert.deepEqual(
      onSigning.map((p) => [p.amount, p.paymentId, p.status, p.line]),
      [[540_000, paid, 'due', 'signing']],
    );
    // The sweeper or a repeated check records nothing more.
    await completeDealIfAllPaid(dealId, t.ctx.config.feeSchedule, t.ctx.bus);
    assert.equal((await payouts()).length, 1);

    // The seller pays its line: its share falls due with that payment, as always.
    const sellerPayment = await c.institute.agent
      .post(`/api/deals/${dealId}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    await confirm(sellerPayment.body.payment.id);
    const both = await payouts();
    assert.equal(both.length, 2);
    assert.deepEqual(both.map((p) => p.amount).sort(), [540_000, 540_000]);
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'closed_won');

    // Each is paid on its own.
    for (const p of both) {
      await c.admin.agent
        .post(`/api/admin/payouts/${p.id}/paid`)
        .send({ reference: `CK-${p.id.slice(-6)}` })
        .expect(200);
    }
    assert.deepEqual(
      (await payouts()).map((p) => p.status),
      ['paid', 'paid'],
    );
  });

  it('when a winner walks away, then an operator may forfeit its deposit, and not before', async () => {
    const offerId = await depositAuctionOffer(c.institute, inOneHour(), 10_000_000);
    const paid = await payDeposit(c.rival, offerId);
    await confirm(paid);
    await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(180_000_000)).expect(201);
    await runClose(offerId);
    const deal = (await DealModel.findOne({}).lean())!;

    const early = await c.admin.agent
      .post(`/api/admin/payments/${paid}/forfeit`)
      .send({ reason: 'Bên thắng rút lui' })
      .expect(409);
    assert.match(early.body.error.message, /walked away/);
    assert.equal((await PaymentModel.findById(paid).lean())!.deposit?.outcome, 'credited');
    await c.rival.agent.post(`/api/admin/payments/${paid}/forfeit`).send({ reason: 'x y z' }).expect(403);
    await c.admin.agent.post(`/api/admin/payments/${paid}/forfeit`).send({}).expect(400);

    const res = await forfeitAfterWalkAway(String(deal._id), paid);
    assert.equal(res.body.payment.deposit.outcome, 'forfeited');
    assert.equal(res.body.payment.status, 'paid');
    assert.equal(await LedgerEntryModel.countDocuments({ kind: 'deposit_forfeited', paymentId: paid }), 1);
    assert.equal(
      await NotificationModel.countDocuments({ userId: c.rival.user.id, type: 'deposit.forfeited' }),
      1,
    );
    await c.admin.agent.post(`/api/admin/payments/${paid}/forfeit`).send({ reason: 'lần nữa' }).expect(409);
  });
  it('when the winner’s deposit exceeds the fee it is credited against, then the surplus is refunded once, in the ledger, and a later forfeit takes only what is still held', async () => {
    const { dealId, depositId } = await agreedAuctionDeal();
    // Two runs at once and a third after: one refund, one entry, one notice.
    await Promise.all([runSurplus(dealId), runSurplus(dealId)]);
    await runSurplus(dealId);
    const deposit = (await PaymentModel.findById(depositId).lean())!;
    assert.equal(deposit.status, 'paid');
    assert.deepEqual(
      deposit.deposit?.refunds?.map((r) => [r.key, r.amount, r.status]),
      [['surplus-8200000', 8_200_000, 'succeeded']],
    );
    const entries = await LedgerEntryModel.find({ kind: 'deposit_surplus_refunded' }).lean();
    assert.deepEqual(
      entries.map((e) => [String(e.paymentId), e.amount, String(e.dealId)]),
      [[depositId, 8_200_000, dealId]],
    );
    assert.equal(await LedgerEntryModel.countDocuments({ kind: 'refund', paymentId: depositId }), 0);
    // The parties see it in the deal's ledger; the payer sees what was refunded of its deposit.
    const ledger = (await c.rival.agent.get(`/api/deals/${dealId}/ledger`).expect(200)).body;
    const rows = ledger.entries as { kind: string; amount: number }[];
    assert.ok(rows.some((e) => e.kind === 'deposit_surplus_refunded' && e.amount === 8_200_000));
    const mine = await c.rival.agent.get(`/api/payments/${depositId}`).expect(200);
    assert.equal(mine.body.payment.deposit.surplusRefunded, 8_200_000);
    assert.equal(
      await NotificationModel.countDocuments({ userId: c.rival.user.id, type: 'deposit.surplus_refunded' }),
      1,
    );
    // The buyer's fee line stays covered by what the deposit still holds.
    const fees = (await c.rival.agent.get(`/api/deals/${dealId}/fees`).expect(200)).body.fees;
    assert.deepEqual(fees[0], { ...fees[0], payer: 'buyer', amount: 0, credited: 1_800_000 });

    // The winner walks away: the forfeit takes the 1,800,000 still held, not the 10,000,000 paid.
    const res = await forfeitAfterWalkAway(dealId, depositId);
    assert.equal(res.body.payment.deposit.forfeitedAmount, 1_800_000);
    const forfeit = await LedgerEntryModel.findOne({
      kind: 'deposit_forfeited',
      paymentId: depositId,
    }).lean();
    assert.equal(forfeit!.amount, 1_800_000);
    // Run again after the forfeit: nothing more is refunded.
    await runSurplus(dealId);
    assert.equal(await LedgerEntryModel.countDocuments({ kind: 'deposit_surplus_refunded' }), 1);
  });

  it('when a stop came between a step’s refund and its ledger entry, then the job’s next run records it and tells the payer, once', async () => {
    const { dealId, depositId } = await agreedAuctionDeal();
    await runSurplus(dealId);
    // What a stop right after the step was marked refunded leaves: no entry, no notice.
    await LedgerEntryModel.deleteMany({ kind: 'deposit_surplus_refunded' });
    await NotificationModel.deleteMany({ type: 'deposit.surplus_refunded' });
    clearRecordCaches();
    await Promise.all([runSurplus(dealId), runSurplus(dealId)]);
    await runSurplus(dealId);
    const entries = await LedgerEntryModel.find({ kind: 'deposit_surplus_refunded' }).lean();
    assert.deepEqual(
      entries.map((e) => [String(e.paymentId), e.amount]),
      [[depositId, 8_200_000]],
    );
    assert.equal(
      await NotificationModel.countDocuments({ userId: c.rival.user.id, type: 'deposit.surplus_refunded' }),
      1,
    );
    const deposit = (await PaymentModel.findById(depositId).lean())!;
    assert.deepEqual(
      deposit.deposit?.refunds?.map((r) => [r.amount, r.status]),
      [[8_200_000, 'succeeded']],
      'nothing was refunded twice',
    );
  });

  it('when the surplus is not refunded yet as the winner walks away, then the forfeit leaves it to the refund and takes only the fee’s part', async () => {
    const { dealId, depositId } = await agreedAuctionDeal();
    const res = await forfeitAfterWalkAway(dealId, depositId);
    assert.equal(res.body.payment.deposit.forfeitedAmount, 1_800_000);
    await runSurplus(dealId);
    const deposit = (await PaymentModel.findById(depositId).lean())!;
    assert.deepEqual(
      deposit.deposit?.refunds?.map((r) => [r.amount, r.status]),
      [[8_200_000, 'succeeded']],
    );
    const sums = (await LedgerEntryModel.find({ paymentId: depositId }).lean()).filter((e) =>
      ['deposit_forfeited', 'deposit_surplus_refunded'].includes(e.kind),
    );
    assert.equal(
      sums.reduce((a, e) => a + e.amount, 0),
      10_000_000,
      'never more than was paid',
    );
  });

  it('when the deposit was paid by card, then the surplus is a partial Stripe refund under one key, and its webhook leaves the deposit paid', async () => {
    const stripe = recordStripeCalls(t.ctx);
    const { dealId, depositId } = await agreedAuctionDeal();
    await PaymentModel.updateOne(
      { _id: depositId },
      { $set: { provider: 'stripe', 'stripe.paymentIntentId': 'pi_deposit_test' } },
    );
    await runSurplus(dealId);
    await runSurplus(dealId);
    assert.deepEqual(
      stripe.refunds.map((r) => [r.amount, r.part, r.idempotencyKey]),
      [[8_200_000, 'surplus', `refund-${depositId}-surplus-8200000`]],
    );
    const deposit = (await PaymentModel.findById(depositId).lean())!;
    const refundId = deposit.deposit!.refunds![0].refundId!;
    assert.equal(deposit.deposit?.refunds?.[0].status, 'succeeded');
    await deliver(
      t.app,
      signedEvent('refund.updated', {
        id: refundId,
        object: 'refund',
        status: 'succeeded',
        amount: 8_200_000,
        payment_intent: 'pi_deposit_test',
        metadata: { paymentId: depositId, part: 'surplus' },
      }),
    ).expect(200);
    await deliver(
      t.app,
      signedEvent('charge.refunded', {
        object: 'charge',
        refunded: false,
        amount_refunded: 8_200_000,
        payment_intent: 'pi_deposit_test',
        metadata: { paymentId: depositId },
      }),
    ).expect(200);
    clearRecordCaches();
    const after = (await PaymentModel.findById(depositId).lean())!;
    assert.equal(after.status, 'paid');
    assert.equal(after.deposit?.outcome, 'credited');
    assert.equal(await LedgerEntryModel.countDocuments({ kind: 'deposit_surplus_refunded' }), 1);
  });

  describe('a surplus refund that keeps failing', () => {
    let working: ReturnType<typeof paymentProvidersFor>['stripe'];
    beforeEach(() => {
      working = paymentProvidersFor(t.ctx.config).stripe;
    });
    afterEach(() => {
      paymentProvidersFor(t.ctx.config).stripe = working;
    });
    /** Stripe, as the exchange reaches it, refusing every refund. */
    function stripeDown() {
      const providers = paymentProvidersFor(t.ctx.config);
      providers.stripe = {
        ...providers.stripe!,
        createRefund: () => Promise.reject(new Error('Stripe is down')),
      };
    }
    async function cardDeal() {
      const { dealId, depositId } = await agreedAuctionDeal();
      await PaymentModel.updateOne(
        { _id: depositId },
        { $set: { provider: 'stripe', 'stripe.paymentIntentId': 'pi_deposit_test' } },
      );
      return { dealId, depositId };
    }
    const stepOf = async (depositId: string) =>
      (await PaymentModel.findById(depositId).lean())!.deposit!.refunds![0];
    const alerts = () =>
      NotificationModel.countDocuments({ userId: c.admin.user.id, type: SURPLUS_REFUND_NOTIFICATION });
    const waiting = async () =>
      (await c.admin.agent.get('/api/admin/payments?attention=surplus_refund').expect(200)).body.payments as {
        id: string;
        deposit: { surplusRefundNeedsOperator?: { amount: number; error?: string; retries: number } };
      }[];

    it('when Stripe keeps refusing it, then after 4 attempts it is handed to the operators, told once, listed for them, and their retry under the same key refunds it once', async () => {
      const stripe = recordStripeCalls(t.ctx);
      const answering = paymentProvidersFor(t.ctx.config).stripe;
      const { dealId, depositId } = await cardDeal();
      stripeDown();
      // The job's first three tries fail and are retried by the scheduler; the fourth hands it over.
      for (let attempt = 1; attempt < 4; attempt++) {
        await assert.rejects(runSurplus(dealId), /did not answer/);
        assert.deepEqual(
          [(await stepOf(depositId)).status, (await stepOf(depositId)).failures],
          ['claimed', attempt],
        );
        assert.equal(await alerts(), 0);
      }
      assert.equal(await runSurplus(dealId), undefined, 'the job ends: the operators have it');
      const stuck = await stepOf(depositId);
      assert.deepEqual([stuck.status, stuck.failures, stuck.error], ['needs_operator', 4, 'Stripe is down']);
      assert.ok(stuck.needsOperatorAt);
      assert.equal(await alerts(), 1);
      // Running the job again neither asks Stripe nor tells the operators again.
      assert.equal(await runSurplus(dealId), undefined);
      assert.equal(await alerts(), 1);
      assert.equal(await LedgerEntryModel.countDocuments({ kind: 'deposit_surplus_refunded' }), 0);

      // The operators find it in their payments list; the payer sees it under way, not refunded.
      const listed = await waiting();
      assert.deepEqual(
        listed.map((p) => [p.id, p.deposit.surplusRefundNeedsOperator]),
        [
          [
            depositId,
            {
              key: 'surplus-8200000',
              amount: 8_200_000,
              error: 'Stripe is down',
              since: stuck.needsOperatorAt!.toISOString(),
              retries: 0,
            },
          ],
        ],
      );
      const mine = (await c.rival.agent.get(`/api/payments/${depositId}`).expect(200)).body.payment.deposit;
      assert.deepEqual([mine.surplusRefunded, mine.surplusRefundPending], [undefined, 8_200_000]);

      // Only operators act on it.
      await c.rival.agent.post(`/api/admin/payments/${depositId}/surplus-refund/retry`).expect(403);
      // A retry while Stripe still refuses: 503 naming why, and it stays with the operators.
      const again = await c.admin.agent
        .post(`/api/admin/payments/${depositId}/surplus-refund/retry`)
        .expect(503);
      assert.match(again.body.error.message, /failed again: Stripe is down/);
      assert.deepEqual(
        [(await stepOf(depositId)).status, (await stepOf(depositId)).retries],
        ['needs_operator', 1],
      );
      assert.equal(await alerts(), 2, 'told again of the retry that failed');

      // Stripe answers again: the retry asks it under a key of its own, once.
      paymentProvidersFor(t.ctx.config).stripe = answering;
      stripe.reset();
      const retried = await c.admin.agent
        .post(`/api/admin/payments/${depositId}/surplus-refund/retry`)
        .expect(200);
      assert.equal(retried.body.payment.deposit.surplusRefunded, 8_200_000);
      assert.equal(retried.body.payment.deposit.surplusRefundNeedsOperator, undefined);
      // Stripe never answered under the step's key: asked again under it, so a request that
      // went through unanswered is not refunded twice.
      assert.deepEqual(
        stripe.refunds.map((r) => [r.amount, r.idempotencyKey]),
        [[8_200_000, `refund-${depositId}-surplus-8200000`]],
      );
      assert.equal((await stepOf(depositId)).status, 'succeeded');
      assert.equal(
        await LedgerEntryModel.countDocuments({ kind: 'deposit_surplus_refunded', paymentId: depositId }),
        1,
      );
      assert.equal(
        await NotificationModel.countDocuments({ userId: c.rival.user.id, type: 'deposit.surplus_refunded' }),
        1,
      );
      assert.deepEqual(await waiting(), []);
      // Nothing waits any more: a second retry is refused and asks Stripe nothing.
      await c.admin.agent.post(`/api/admin/payments/${depositId}/surplus-refund/retry`).expect(409);
      await runSurplus(dealId);
      assert.equal(stripe.refunds.length, 1);
      assert.equal(await AuditModel.countDocuments({ action: 'deposit.surplus_refund_retry' }), 2);
    });

    it('when Stripe says the refund failed, then it is handed to the operators at once, a retry asks under a new key, and one records it made elsewhere with a reference, once', async () => {
      const { dealId, depositId } = await cardDeal();
      // stripe-mock makes each refund; Stripe reports it pending, then (by its webhook) failed.
      const providers = paymentProvidersFor(t.ctx.config);
      const real = providers.stripe!;
      const keys: string[] = [];
      providers.stripe = {
        ...real,
        createRefund: async (req) => {
          keys.push(req.idempotencyKey);
          return { ...(await real.createRefund(req)), status: 'pending' };
        },
      };
      const stripeSaysFailed = async () => {
        const pending = await stepOf(depositId);
        assert.equal(pending.status, 'pending');
        await deliver(
          t.app,
          signedEvent('refund.updated', {
            id: pending.refundId,
            object: 'refund',
            status: 'failed',
            failure_reason: 'expired_or_canceled_card',
            amount: 8_200_000,
            payment_intent: 'pi_deposit_test',
            metadata: { paymentId: depositId, part: 'surplus' },
          }),
        ).expect(200);
        clearRecordCaches();
        assert.equal((await stepOf(depositId)).status, 'failed');
      };
      assert.ok((await runSurplus(dealId))?.rescheduleAt, 'looked at again while pending');
      await stripeSaysFailed();
      assert.equal(await runSurplus(dealId), undefined);
      assert.deepEqual(
        [(await stepOf(depositId)).status, (await stepOf(depositId)).failures],
        ['needs_operator', 1],
      );
      assert.equal(await alerts(), 1);
      assert.deepEqual(
        (await waiting()).map((p) => p.id),
        [depositId],
      );

      // Retried: that key only returns the refund that failed, so the retry asks under a new one.
      const retried = await c.admin.agent
        .post(`/api/admin/payments/${depositId}/surplus-refund/retry`)
        .expect(200);
      assert.equal(retried.body.payment.deposit.surplusRefundPending, 8_200_000);
      assert.deepEqual(keys, [
        `refund-${depositId}-surplus-8200000`,
        `refund-${depositId}-surplus-8200000-r1`,
      ]);
      // It fails too: back to the operators at once, who are told again.
      await stripeSaysFailed();
      assert.equal(await runSurplus(dealId), undefined);
      assert.equal((await stepOf(depositId)).status, 'needs_operator');
      assert.equal(await alerts(), 2);

      const body = { reference: 'CK-20261205-778' };
      await c.admin.agent
        .post(`/api/admin/payments/${depositId}/surplus-refund/recorded`)
        .send({})
        .expect(400);
      await c.rival.agent
        .post(`/api/admin/payments/${depositId}/surplus-refund/recorded`)
        .send(body)
        .expect(403);
      assert.equal((await stepOf(depositId)).status, 'needs_operator');
      const recorded = await c.admin.agent
        .post(`/api/admin/payments/${depositId}/surplus-refund/recorded`)
        .send(body)
        .expect(200);
      assert.equal(recorded.body.payment.deposit.surplusRefunded, 8_200_000);
      const step = await stepOf(depositId);
      assert.deepEqual(
        [step.status, step.reference, String(step.by)],
        ['succeeded', body.reference, c.admin.user.id],
      );
      const entries = await LedgerEntryModel.find({
        kind: 'deposit_surplus_refunded',
        paymentId: depositId,
      }).lean();
      assert.deepEqual(
        entries.map((e) => [e.amount, e.source, String(e.actorId), String(e.dealId)]),
        [[8_200_000, 'operator', c.admin.user.id, dealId]],
      );
      assert.match(entries[0].note ?? '', /CK-20261205-778/);
      assert.equal(
        await NotificationModel.countDocuments({ userId: c.rival.user.id, type: 'deposit.surplus_refunded' }),
        1,
      );
      // Recorded once: a second record is refused, and a late Stripe event changes nothing.
      await c.admin.agent
        .post(`/api/admin/payments/${depositId}/surplus-refund/recorded`)
        .send(body)
        .expect(409);
      await runSurplus(dealId);
      assert.equal(await LedgerEntryModel.countDocuments({ kind: 'deposit_surplus_refunded' }), 1);
      assert.deepEqual(await waiting(), []);
    });
  });

  it('when a stop lost the surplus job of an agreed deal, then the start-up pass makes it again, once', async () => {
    const { dealId } = await agreedAuctionDeal();
    await JobModel.deleteMany({ type: DEPOSIT_SURPLUS_REFUND });
    clearRecordCaches();
    await relistHalfDoneDeals();
    await relistHalfDoneDeals();
    assert.equal(
      await JobModel.countDocuments({ type: DEPOSIT_SURPLUS_REFUND, 'payload.dealId': dealId }),
      1,
    );
  });
});
