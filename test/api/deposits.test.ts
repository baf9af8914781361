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
import { deadlineJobHandlers, AUCTION_CLOSE } from '../../server/scheduler/deadline-jobs';
import type { JobDoc } from '../../server/scheduler/job.model';
import { setLogLevel } from '../../server/common/logger';
import { completeDealIfAllPaid } from '../../server/payments/deal-completion';
import { aBid, anHourAgo, cast, depositAuctionOffer, inOneHour, type Cast } from './deals-helpers';
import type { Member } from '../helpers/factories';
import { offerBody } from './offers-helpers';

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
  async function runClose(offerId: string) {
    await OfferModel.updateOne({ _id: offerId }, { $set: { 'pricing.closesAt': anHourAgo() } });
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

  it('when the auction closes, then the loser’s deposit is refunded, the winner’s is credited to its deal, and one still pending is closed', async () => {
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
    const loser = await byId(loserPaid);
    assert.equal(loser.status, 'refunded');
    const winner = await byId(winnerPaid);
    assert.equal(winner.status, 'paid');
    assert.equal(winner.deposit?.outcome, 'credited');
    assert.equal(String(winner.deposit?.dealId), String(deal!._id));
    assert.equal((await byId(stillPending)).status, 'failed');
    const kinds = (await LedgerEntryModel.find({}).lean()).map((e) => `${e.kind}:${e.paymentId}`);
    assert.ok(kinds.includes(`refund:${loserPaid}`));
    assert.ok(kinds.includes(`deposit_credited:${winnerPaid}`));

    // The bidders see what became of theirs.
    const lost = (await c.enterprise.agent.get(`/api/offers/${offerId}/deposits/mine`).expect(200)).body;
    assert.equal(lost.status, 'refunded');
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

    // Each bidder is told what became of its deposit, once however often the close runs.
    const told = async (m: Member, type: string) =>
      NotificationModel.countDocuments({ userId: m.user.id, type });
    assert.equal(await told(c.enterprise, 'deposit.refunded'), 1);
    assert.equal(await told(c.rival, 'deposit.credited'), 1);
    assert.equal(await told(c.rival, 'deposit.refunded'), 0);

    // Running the close again changes nothing.
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

    await DealModel.updateOne({ _id: deal._id }, { $set: { status: 'cancelled' } });
    clearRecordCaches();
    const res = await c.admin.agent
      .post(`/api/admin/payments/${paid}/forfeit`)
      .send({ reason: 'Bên thắng rút lui' })
      .expect(200);
    assert.equal(res.body.payment.deposit.outcome, 'forfeited');
    assert.equal(res.body.payment.status, 'paid');
    assert.equal(await LedgerEntryModel.countDocuments({ kind: 'deposit_forfeited', paymentId: paid }), 1);
    assert.equal(
      await NotificationModel.countDocuments({ userId: c.rival.user.id, type: 'deposit.forfeited' }),
      1,
    );
    await c.admin.agent.post(`/api/admin/payments/${paid}/forfeit`).send({ reason: 'lần nữa' }).expect(409);
  });
});
