/**
 * The runner-up: once an operator forfeited the deposit of a winner who walked away, the
 * listing's owner offers the technology to the next-best bid (an auction's, whose deposit the
 * close kept for this until the winner's deal is signed or ends) or proposal (a call's, whose
 * deposit is still held): a deal opens with it, the deposit is credited to it, and its bidder is
 * told. Refused with 409 before a forfeit, without a runner-up, or a second
 * time for one forfeit, with 403 for anyone but the owner, and every refusal writes nothing.
 */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { OfferModel } from '../../server/offers/offer.model';
import { BidModel } from '../../server/bids/bid.model';
import { DealModel } from '../../server/deals/deal.model';
import { PaymentModel } from '../../server/payments/payment.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { JobModel, type JobDoc } from '../../server/scheduler/job.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { AUCTION_CLOSE, CALL_CLOSE, deadlineJobHandlers } from '../../server/bids/deadline-jobs';
import { CALL_DEPOSITS, RUNNER_UP_DEPOSIT } from '../../server/scheduler/job-types';
import { setLogLevel } from '../../server/common/logger';
import type { Member } from '../helpers/factories';
import { aBid, passDeadline, cast, depositCall, inOneHour, publishedOffer, type Cast } from './deals-helpers';

describe('the runner-up after a forfeit', function () {
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

  async function paidDeposit(m: Member, path: string): Promise<string> {
    const res = await m.agent.post(`${path}/deposits`).send({ provider: 'bank_transfer' }).expect(201);
    await c.admin.agent.post(`/api/admin/payments/${res.body.payment.id}/confirm`).send({}).expect(200);
    return res.body.payment.id as string;
  }
  async function bid(m: Member, offerId: string, amount: number) {
    const paymentId = await paidDeposit(m, `/api/offers/${offerId}`);
    const res = await m.agent.post(`/api/offers/${offerId}/bids`).send(aBid(amount)).expect(201);
    return { paymentId, bidId: res.body.bid.id as string };
  }
  async function propose(m: Member, demandId: string, amount: number) {
    const paymentId = await paidDeposit(m, `/api/demands/${demandId}`);
    const res = await m.agent.post(`/api/demands/${demandId}/proposals`).send(aBid(amount)).expect(201);
    return { paymentId, bidId: res.body.bid.id as string };
  }
  /** An auction with a reserve, asking a 10,000,000 ₫ deposit. */
  const reserveAuction = () =>
    publishedOffer(c.institute, {
      pricing: {
        model: 'auction',
        amount: 100_000_000,
        reservePrice: 130_000_000,
        currency: 'VND',
        closesAt: inOneHour(),
        deposit: 10_000_000,
      },
    });
  async function closeAuction(offerId: string) {
    await passDeadline('offer', offerId);
    clearRecordCaches();
    await deadlineJobHandlers(t.ctx)[AUCTION_CLOSE]({ payload: { offerId } } as unknown as JobDoc);
  }
  async function closeCall(demandId: string) {
    await passDeadline('demand', demandId);
    clearRecordCaches();
    await deadlineJobHandlers(t.ctx)[CALL_CLOSE]({ payload: { demandId } } as unknown as JobDoc);
  }
  async function runRunnerUpWatch(offerId: string) {
    clearRecordCaches();
    return deadlineJobHandlers(t.ctx)[RUNNER_UP_DEPOSIT]({ payload: { offerId } } as unknown as JobDoc);
  }
  async function runDepositJobs() {
    for (const job of (await JobModel.find({ type: CALL_DEPOSITS }).lean()) as JobDoc[])
      await deadlineJobHandlers(t.ctx)[CALL_DEPOSITS](job);
  }
  /** The winner walks away from its deal and an operator forfeits its deposit. */
  async function walkAwayAndForfeit(winner: Member, dealId: string, paymentId: string) {
    await winner.agent.post(`/api/deals/${dealId}/walk-away`).send({ reason: 'timing' }).expect(200);
    await c.admin.agent
      .post(`/api/admin/payments/${paymentId}/forfeit`)
      .send({ reason: 'Bên thắng rút lui' })
      .expect(200);
  }
  /** What a refusal must leave as it was. */
  const snapshot = async () =>
    JSON.stringify({
      bids: await BidModel.find({}).sort({ _id: 1 }).lean(),
      deals: await DealModel.find({}).sort({ _id: 1 }).lean(),
      payments: await PaymentModel.find({}).sort({ _id: 1 }).lean(),
      offers: await OfferModel.find({}).sort({ _id: 1 }).lean(),
    });
  const notices = (m: Member, type: string) => NotificationModel.countDocuments({ userId: m.user.id, type });

  it('when the winner of an auction walks away and its deposit is forfeited, then the owner offers the technology to the best other bid at or above the reserve, once', async () => {
    const offerId = await reserveAuction();
    const winner = await bid(c.rival, offerId, 180_000_000);
    const second = await bid(c.enterprise, offerId, 150_000_000);
    const belowReserve = await bid(c.outsider, offerId, 120_000_000);
    await closeAuction(offerId);
    const won = (await DealModel.findOne({}).lean())!;
    assert.equal(String(won.buyerOrgId), c.rival.orgId);
    // The losers were refunded at the close, but the runner-up: its deposit is kept, and it is told.
    const kept = (await PaymentModel.findById(second.paymentId).lean())!;
    assert.deepEqual([kept.status, kept.deposit?.outcome], ['paid', undefined]);
    assert.ok(kept.deposit?.keptForRunnerUpAt);
    assert.equal(String(kept.deposit?.keptForDealId), String(won._id));
    assert.equal((await PaymentModel.findById(belowReserve.paymentId).lean())!.status, 'refunded');
    assert.equal(await notices(c.enterprise, 'deposit.kept_for_runner_up'), 1);
    assert.equal(await notices(c.enterprise, 'deposit.refunded'), 0);
    // While the winner negotiates, the watch keeps it.
    await runRunnerUpWatch(offerId);
    assert.equal((await PaymentModel.findById(second.paymentId).lean())!.status, 'paid');

    // Before any forfeit: refused, nothing written.
    const before = await snapshot();
    const early = await c.institute.agent.post(`/api/offers/${offerId}/runner-up`).expect(409);
    assert.match(early.body.error.message, /only after an operator forfeited/);
    assert.equal(await snapshot(), before);

    await walkAwayAndForfeit(c.rival, String(won._id), winner.paymentId);

    // Only the owner may offer it: the bidders and operators are refused, and nothing is written.
    const forfeited = await snapshot();
    await c.enterprise.agent.post(`/api/offers/${offerId}/runner-up`).expect(403);
    await c.outsider.agent.post(`/api/offers/${offerId}/runner-up`).expect(403);
    await c.admin.agent.post(`/api/offers/${offerId}/runner-up`).expect(403);
    assert.equal(await snapshot(), forfeited);

    const res = await c.institute.agent.post(`/api/offers/${offerId}/runner-up`).expect(201);
    const deal = res.body.deal;
    assert.equal(deal.buyerOrgId, c.enterprise.orgId);
    assert.equal(deal.sellerOrgId, c.institute.orgId);
    assert.equal(deal.status, 'negotiating');
    assert.equal(deal.termSheets[0].price, 150_000_000);
    assert.equal(deal.bidId, second.bidId);
    const runnerUpBid = (await BidModel.findById(second.bidId).lean())!;
    assert.equal(runnerUpBid.status, 'accepted');
    assert.equal(String(runnerUpBid.dealId), deal.id);
    assert.equal((await BidModel.findById(belowReserve.bidId).lean())!.status, 'rejected');
    // The technology is now held by the runner-up's deal; the forfeit records the offer.
    const offer = (await OfferModel.findById(offerId).lean())!;
    assert.deepEqual([offer.award?.bidId, offer.award?.dealId], [second.bidId, deal.id]);
    const forfeit = (await PaymentModel.findById(winner.paymentId).lean())!;
    assert.deepEqual(
      [String(forfeit.deposit?.runnerUp?.bidId), String(forfeit.deposit?.runnerUp?.dealId)],
      [second.bidId, deal.id],
    );
    // The runner-up's kept deposit is credited to its deal.
    const credited = (await PaymentModel.findById(second.paymentId).lean())!;
    assert.deepEqual(
      [credited.status, credited.deposit?.outcome, String(credited.deposit?.dealId)],
      ['paid', 'credited', deal.id],
    );
    assert.equal((await DealModel.findById(deal.id).lean())!.depositCredit?.amount, 10_000_000);
    // The runner-up is told, and the owner's deposit list shows the offer made.
    assert.equal(await notices(c.enterprise, 'bid.runner_up'), 1);
    const listed = (await c.institute.agent.get(`/api/offers/${offerId}/deposits`).expect(200)).body.deposits;
    const shown = listed.find((d: { id: string }) => d.id === winner.paymentId);
    assert.deepEqual(shown.deposit.runnerUp, { bidId: second.bidId, dealId: deal.id });

    // One forfeit, one offer: asking again is refused and writes nothing.
    const offered = await snapshot();
    const twice = await c.institute.agent.post(`/api/offers/${offerId}/runner-up`).expect(409);
    assert.match(twice.body.error.message, /already been offered/);
    assert.equal(await snapshot(), offered);
    assert.equal(await DealModel.countDocuments({}), 2);

    // The runner-up may decline: no third offer follows (its own deposit is the operator's to forfeit).
    await c.enterprise.agent
      .post(`/api/deals/${deal.id}/cancel`)
      .send({ reason: 'Không mua nữa' })
      .expect(200);
    await c.institute.agent.post(`/api/offers/${offerId}/runner-up`).expect(409);
    assert.equal(await DealModel.countDocuments({}), 2);
  });

  it('when the winner signs its deal, or its deal ended without an offer to the runner-up for 14 days, then the runner-up’s kept deposit is refunded, once', async () => {
    const offerId = await reserveAuction();
    await bid(c.rival, offerId, 180_000_000);
    const second = await bid(c.enterprise, offerId, 150_000_000);
    await closeAuction(offerId);
    assert.ok(await JobModel.exists({ type: RUNNER_UP_DEPOSIT, 'payload.offerId': offerId }));
    const won = (await DealModel.findOne({}).lean())!;
    await c.institute.agent.post(`/api/deals/${won._id}/terms/1/accept`).expect(200);
    await c.rival.agent.post(`/api/deals/${won._id}/terms/1/accept`).expect(200);
    assert.equal(await runRunnerUpWatch(offerId), undefined, 'nothing left to watch');
    assert.equal((await PaymentModel.findById(second.paymentId).lean())!.status, 'refunded');
    await runRunnerUpWatch(offerId);
    assert.equal(await notices(c.enterprise, 'deposit.refunded'), 1);

    // Another auction: the winner walks away, nobody offers the runner-up anything.
    await resetDatabase();
    c = await cast(t.app);
    const next = await reserveAuction();
    await bid(c.rival, next, 180_000_000);
    const runnerUp = await bid(c.enterprise, next, 150_000_000);
    await closeAuction(next);
    const lost = (await DealModel.findOne({}).lean())!;
    await c.rival.agent.post(`/api/deals/${lost._id}/walk-away`).send({ reason: 'timing' }).expect(200);
    const watched = await runRunnerUpWatch(next);
    assert.ok(watched && watched.rescheduleAt, 'kept while an offer may still come');
    assert.equal((await PaymentModel.findById(runnerUp.paymentId).lean())!.status, 'paid');
    await DealModel.updateOne(
      { _id: lost._id },
      { $set: { closedAt: new Date(Date.now() - 15 * 86_400_000) } },
    );
    assert.equal(await runRunnerUpWatch(next), undefined);
    assert.equal((await PaymentModel.findById(runnerUp.paymentId).lean())!.status, 'refunded');
  });

  it('when RUNNER_UP_DEPOSIT_KEEP_DAYS is 3, then the runner-up’s kept deposit is refunded 3 days after the winner’s deal ended instead of 14', async () => {
    const threeDays = await createTestApp({ RUNNER_UP_DEPOSIT_KEEP_DAYS: '3' });
    const watchWith = (app: TestApp, offerId: string) => {
      clearRecordCaches();
      return deadlineJobHandlers(app.ctx)[RUNNER_UP_DEPOSIT]({ payload: { offerId } } as unknown as JobDoc);
    };
    const offerId = await reserveAuction();
    await bid(c.rival, offerId, 180_000_000);
    const runnerUp = await bid(c.enterprise, offerId, 150_000_000);
    await closeAuction(offerId);
    const lost = (await DealModel.findOne({}).lean())!;
    const keptView = async (m: Member) =>
      m === c.institute
        ? (await m.agent.get(`/api/offers/${offerId}/deposits`).expect(200)).body.deposits.find(
            (d: { id: string }) => d.id === runnerUp.paymentId,
          ).deposit
        : (await m.agent.get(`/api/offers/${offerId}/deposits/mine`).expect(200)).body.payment.deposit;
    // While the winner may still sign, the runner-up and the owner read the period, no date yet.
    for (const m of [c.enterprise, c.institute]) {
      const kept = await keptView(m);
      assert.deepEqual([kept.keepDays, kept.keptUntil, !!kept.keptForRunnerUpAt], [14, undefined, true]);
    }
    await c.rival.agent.post(`/api/deals/${lost._id}/walk-away`).send({ reason: 'timing' }).expect(200);
    const endedDaysAgo = (days: number) =>
      DealModel.updateOne(
        { _id: lost._id },
        { $set: { closedAt: new Date(Date.now() - days * 86_400_000) } },
      );
    const status = async () => (await PaymentModel.findById(runnerUp.paymentId).lean())!.status;

    await endedDaysAgo(2);
    assert.ok((await watchWith(threeDays, offerId))?.rescheduleAt, 'kept within the 3 days');
    assert.equal(await status(), 'paid');
    await endedDaysAgo(4);
    clearRecordCaches();
    const closedAt = (await DealModel.findById(lost._id).lean())!.closedAt!;
    // Once the winner's deal ended, both read until when (here the default 14 days after it).
    for (const m of [c.enterprise, c.institute])
      assert.equal(
        (await keptView(m)).keptUntil,
        new Date(closedAt.getTime() + 14 * 86_400_000).toISOString(),
      );
    assert.ok((await watchWith(t, offerId))?.rescheduleAt, 'the default 14 days keep it still');
    assert.equal(await status(), 'paid');
    assert.equal(await watchWith(threeDays, offerId), undefined);
    assert.equal(await status(), 'refunded');
    assert.equal(await notices(c.enterprise, 'deposit.refunded'), 1);
  });

  it('when no other bid qualifies, then the offer to a runner-up is refused with 409 and nothing is written', async () => {
    const offerId = await reserveAuction();
    const winner = await bid(c.rival, offerId, 180_000_000);
    await bid(c.outsider, offerId, 120_000_000);
    await closeAuction(offerId);
    const won = (await DealModel.findOne({}).lean())!;
    await walkAwayAndForfeit(c.rival, String(won._id), winner.paymentId);
    const before = await snapshot();
    const res = await c.institute.agent.post(`/api/offers/${offerId}/runner-up`).expect(409);
    assert.match(res.body.error.message, /No other bid/);
    assert.equal(await snapshot(), before);
    assert.equal((await PaymentModel.findById(winner.paymentId).lean())!.deposit?.runnerUp, undefined);
  });

  it('when a call’s chosen proposer walks away and its deposit is forfeited, then the owner offers the technology to the best proposal still in the running, whose deposit is credited to its deal', async () => {
    const demandId = await depositCall(c.enterprise, inOneHour(), 1_000_000);
    const chosen = await propose(c.rival, demandId, 200_000_000);
    const cheaper = await propose(c.outsider, demandId, 150_000_000);
    const shortlisted = await propose(c.institute, demandId, 190_000_000);
    await closeCall(demandId);
    await c.enterprise.agent.post(`/api/bids/${shortlisted.bidId}/shortlist`).expect(200);
    const dealId = (await c.enterprise.agent.post(`/api/bids/${chosen.bidId}/accept`).expect(201)).body.deal
      .id;
    await runDepositJobs();
    assert.equal((await PaymentModel.findById(chosen.paymentId).lean())!.deposit?.outcome, 'credited');

    await c.rival.agent.post(`/api/deals/${dealId}/walk-away`).send({ reason: 'timing' }).expect(200);
    const before = await snapshot();
    await c.enterprise.agent.post(`/api/demands/${demandId}/runner-up`).expect(409);
    assert.equal(await snapshot(), before);
    await c.admin.agent
      .post(`/api/admin/payments/${chosen.paymentId}/forfeit`)
      .send({ reason: 'Bên được chọn rút lui' })
      .expect(200);
    await c.institute.agent.post(`/api/demands/${demandId}/runner-up`).expect(403);

    // Shortlisted beats cheaper: the institute's proposal is taken up.
    const res = await c.enterprise.agent.post(`/api/demands/${demandId}/runner-up`).expect(201);
    assert.equal(res.body.deal.sellerOrgId, c.institute.orgId);
    assert.equal(res.body.deal.buyerOrgId, c.enterprise.orgId);
    assert.equal((await BidModel.findById(shortlisted.bidId).lean())!.status, 'accepted');
    assert.equal((await BidModel.findById(cheaper.bidId).lean())!.status, 'submitted');
    assert.equal(await notices(c.institute, 'bid.runner_up'), 1);
    // Its deposit, held while it was in the running, is credited to the new deal.
    await runDepositJobs();
    const held = (await PaymentModel.findById(shortlisted.paymentId).lean())!;
    assert.deepEqual(
      [held.status, held.deposit?.outcome, String(held.deposit?.dealId)],
      ['paid', 'credited', res.body.deal.id],
    );
    const deal = (await c.institute.agent.get(`/api/deals/${res.body.deal.id}`).expect(200)).body.deal;
    assert.equal(deal.depositCredit.payer, 'seller');
    // The cheaper proposal still stands, its deposit held.
    assert.equal((await PaymentModel.findById(cheaper.paymentId).lean())!.status, 'paid');
    await c.enterprise.agent.post(`/api/demands/${demandId}/runner-up`).expect(409);
  });
});
