import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { DealModel } from '../../server/deals/deal.model';
import { OfferModel } from '../../server/offers/offer.model';
import { readOwnerList, UNSETTLED_DEALS } from '../../server/read-models';
import { dealStore, holdDeal } from '../../server/deals/deal.store';
import { lockTiming, outsideHeldLocks } from '../../server/common/store';
import { completeDealIfAllPaid } from '../../server/payments/deal-completion';
import { PaymentModel } from '../../server/payments/payment.model';
import { createPaymentDoc } from '../../server/payments/payment.store';
import { relistHalfDoneDeals } from '../../server/deal-upkeep/deal-recovery';
import { startDealRecovery } from '../../server/deal-upkeep/deal-recovery.starter';
import { JobModel } from '../../server/scheduler/job.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { dealUpkeepHandlers, sweepUnsettledDeals } from '../../server/deal-upkeep/deal-sweep';
import { CLOSE_ENDED_DEAL_PAYMENTS, closeEndedDealPaymentsKey } from '../../server/scheduler/job-types';
import { setLogLevel } from '../../server/common/logger';
import { watchCommands } from '../helpers/command-watch';
import { recordStripeCalls, type StripeCalls } from './payments-helpers';
import { cast, publishedOffer, terms, type Cast } from './deals-helpers';

describe('deals left half done are finished by the sweeper', function () {
  this.timeout(60_000);
  let t: TestApp;
  let c: Cast;
  let stripe: StripeCalls;
  before(async () => {
    setLogLevel(process.env.LOG_LEVEL ?? 'silent');
    t = await createTestApp();
    stripe = recordStripeCalls(t.ctx);
  });
  beforeEach(async () => {
    await resetDatabase();
    stripe.reset();
    c = await cast(t.app);
  });

  const statusOf = async (dealId: string) => {
    clearRecordCaches();
    return (await DealModel.findById(dealId).lean())!.status;
  };

  /** A direct deal with one term sheet (v1) the seller proposed. */
  /** Terms without milestones: paid, the deal completes (with milestones it delivers first). */
  async function dealWithTerms(): Promise<string> {
    const offerId = await publishedOffer(c.institute);
    const dealId = (await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal.id;
    await c.institute.agent
      .post(`/api/deals/${dealId}/terms`)
      .send(terms(300_000_000, { milestones: [] }))
      .expect(201);
    return dealId;
  }

  /** Both acceptances written as the acceptance flow writes them, and the process "stops" before agreeing. */
  async function acceptedButStopped(dealId: string): Promise<void> {
    await dealStore.mutate(dealId, () => ({
      change: {
        $push: {
          'termSheets.0.acceptedBy': {
            $each: [
              { role: 'seller', userId: c.institute.user.id, at: new Date() },
              { role: 'buyer', userId: c.enterprise.user.id, at: new Date() },
            ],
          },
        },
      },
      result: null,
    }));
  }

  it('when both parties accepted but the deal stayed negotiating, then the sweep agrees it and asks for payment', async () => {
    const dealId = await dealWithTerms();
    await acceptedButStopped(dealId);
    assert.equal(await statusOf(dealId), 'negotiating');
    const report = await sweepUnsettledDeals(t.ctx);
    assert.deepEqual(report.moved, [dealId]);
    assert.equal(await statusOf(dealId), 'awaiting_payment');
    const again = await sweepUnsettledDeals(t.ctx);
    assert.deepEqual(again.moved, []);
    const events = (await DealModel.findById(dealId).lean())!.timeline.map((e) => e.event);
    assert.equal(events.filter((e) => e === 'agree').length, 1);
  });

  it('when a deal was agreed but payment never requested, then the sweep requests it', async () => {
    const dealId = await dealWithTerms();
    await acceptedButStopped(dealId);
    await dealStore.mutate(dealId, () => ({
      change: { $set: { status: 'agreed', agreedVersion: 1 } },
      result: null,
    }));
    await sweepUnsettledDeals(t.ctx);
    assert.equal(await statusOf(dealId), 'awaiting_payment');
  });

  /**
   * A deal awaiting payment whose every fee line has a paid payment (written as a stop would leave
   * them); `unlisted`: written past the store, as a process killed before its deal's payment list
   * was updated leaves them.
   */
  async function allFeesPaid({ unlisted = false } = {}): Promise<string> {
    const dealId = await dealWithTerms();
    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const fees = (await c.enterprise.agent.get(`/api/deals/${dealId}/fees`).expect(200)).body.fees;
    assert.ok(fees.length > 0);
    for (const fee of fees) {
      const _id = new mongoose.Types.ObjectId();
      await (unlisted ? PaymentModel.create.bind(PaymentModel) : createPaymentDoc)({
        _id,
        dealId,
        purpose: fee.purpose,
        payer: fee.payer,
        payerOrgId: fee.payer === 'buyer' ? c.enterprise.orgId : c.institute.orgId,
        amount: fee.amount,
        currency: fee.currency,
        provider: 'bank_transfer',
        status: 'paid',
        reference: `TX-${String(_id).slice(-6)}`,
        idempotencyKey: `checkout-${_id}`,
        createdBy: c.enterprise.user.id,
      });
    }
    return dealId;
  }

  it('when every fee of a deal awaiting payment is paid, then the sweep closes it won', async () => {
    const dealId = await allFeesPaid();
    assert.equal(await statusOf(dealId), 'awaiting_payment');
    await sweepUnsettledDeals(t.ctx);
    assert.equal(await statusOf(dealId), 'closed_won');
  });

  it('when many deals wait for their payments, then the sweep reads their payments together and moves on only the one paid in full', async () => {
    const waiting: string[] = [];
    for (let i = 0; i < 3; i++) {
      const dealId = await dealWithTerms();
      await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
      await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
      await c.enterprise.agent.post(`/api/deals/${dealId}/payments`).send({ provider: 'stripe' }).expect(201);
      waiting.push(dealId);
    }
    const paid = await allFeesPaid();
    clearRecordCaches();
    const watch = watchCommands();
    let report;
    try {
      report = await sweepUnsettledDeals(t.ctx);
    } finally {
      watch.stop();
    }
    assert.deepEqual(report.moved, [paid]);
    assert.equal(await statusOf(paid), 'closed_won');
    for (const dealId of waiting) assert.equal(await statusOf(dealId), 'awaiting_payment');
    const finds = (collection: string) =>
      watch.asked.filter((a) => a.command === 'find' && a.collection === collection).length;
    // The batch's deals and payments once each; then, for the one deal it completes, the check
    // reads the deal and its payments, and the transition the deal again under its lock.
    assert.equal(finds('deals'), 3, JSON.stringify(watch.asked));
    assert.equal(finds('payments'), 2, JSON.stringify(watch.asked));
  });

  it('when ended deals wait on the list, then the sweep reads their offers’ holds and payments together, frees the offer a stop left held, and takes every one off the list', async () => {
    const cancelled: string[] = [];
    for (let i = 0; i < 3; i++) {
      const dealId = await dealWithTerms();
      await c.enterprise.agent
        .post(`/api/deals/${dealId}/cancel`)
        .send({ reason: 'Đổi kế hoạch' })
        .expect(200);
      cancelled.push(dealId);
    }
    // Agreed on a licence (the offer lists it), then cancelled by a process that stopped before
    // releasing the offer.
    const held = await dealWithTerms();
    await c.institute.agent.post(`/api/deals/${held}/terms/1/accept`).expect(200);
    await c.enterprise.agent.post(`/api/deals/${held}/terms/1/accept`).expect(200);
    const { offerId } = (await DealModel.findById(held).lean())!;
    assert.deepEqual((await OfferModel.findById(offerId).lean())!.licensees, [held]);
    await dealStore.mutate(held, () => ({ change: { $set: { status: 'cancelled' } }, result: null }));
    const listed = async () => new Set((await readOwnerList(UNSETTLED_DEALS)).map((e) => e.id));
    for (const id of [...cancelled, held]) assert.ok((await listed()).has(id), id);
    clearRecordCaches();
    const watch = watchCommands();
    try {
      await sweepUnsettledDeals(t.ctx);
    } finally {
      watch.stop();
    }
    assert.deepEqual((await OfferModel.findById(offerId).lean())!.licensees, []);
    for (const id of [...cancelled, held]) assert.ok(!(await listed()).has(id), id);
    const finds = (collection: string) =>
      watch.asked.filter((a) => a.command === 'find' && a.collection === collection).length;
    // The batch's deals, their offers' award claims and their offers once each; then only the
    // held deal's release reads its claim, and its offer to check and again under the offer's
    // lock. Read deal by deal, the four would cost 5 reads of deals, 5 of claims, 6 of offers.
    assert.equal(finds('deals'), 1, JSON.stringify(watch.asked));
    assert.equal(finds('claims'), 2, JSON.stringify(watch.asked));
    assert.equal(finds('offers'), 3, JSON.stringify(watch.asked));
  });

  it('when a sweep is asked for while one is under way, then one more runs after it for every caller asking meanwhile, never two side by side', async () => {
    for (let i = 0; i < 2; i++) {
      const dealId = await dealWithTerms();
      await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
      await acceptedButStopped(dealId);
    }
    clearRecordCaches();
    const watch = watchCommands();
    let first: Promise<unknown>, second: Promise<unknown>, third: Promise<unknown>;
    try {
      first = sweepUnsettledDeals(t.ctx);
      second = sweepUnsettledDeals(t.ctx);
      third = sweepUnsettledDeals(t.ctx);
      await Promise.all([first, second, third]);
    } finally {
      watch.stop();
    }
    assert.equal(second, third);
    assert.notEqual(first, second);
    const batchReads = watch.asked.filter(
      (a) =>
        a.command === 'find' &&
        a.collection === 'deals' &&
        (a.filter as { _id?: { $in?: unknown[] } })._id?.$in?.length === 2,
    );
    // The first sweep reads the list's two deals in one batch; the one after it finds them moved on
    // (awaiting payment, still listed) and reads them once more: two batches, not three or four.
    assert.equal(batchReads.length, 2, JSON.stringify(watch.asked));
  });

  it("when a stop left the paid payments off their deal's list, then the start-up recovery lists them and the sweep closes it won", async () => {
    const dealId = await allFeesPaid({ unlisted: true });
    await sweepUnsettledDeals(t.ctx);
    assert.equal(await statusOf(dealId), 'awaiting_payment');
    await relistHalfDoneDeals();
    await sweepUnsettledDeals(t.ctx);
    assert.equal(await statusOf(dealId), 'closed_won');
  });

  it('when a dead process’s acceptance lands after the start-up relisting, then the recovery’s pass once locks expire agrees the deal', async () => {
    const dealId = await dealWithTerms();
    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const saved = lockTiming.ttlMs;
    lockTiming.ttlMs = 400;
    const recovery = await startDealRecovery(t.ctx, {} as never);
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(await statusOf(dealId), 'negotiating');
      // The buyer's acceptance, sent by the dead process, reaches the database only now.
      await DealModel.updateOne(
        { _id: dealId },
        {
          $push: {
            'termSheets.0.acceptedBy': { role: 'buyer', userId: c.enterprise.user.id, at: new Date() },
          },
        },
      );
      let status = await statusOf(dealId);
      // Agreed, then moved on to payment: two steps, so wait past both.
      for (let i = 0; i < 40 && status !== 'awaiting_payment'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = await statusOf(dealId);
      }
      assert.equal(status, 'awaiting_payment');
    } finally {
      await recovery.stop();
      lockTiming.ttlMs = saved;
    }
  });

  it('when the completion finds the deal busy, then it fails (so a Stripe event stays unapplied) instead of saying nothing is missing', async () => {
    const dealId = await allFeesPaid();
    const saved = lockTiming.waitMs;
    lockTiming.waitMs = 100;
    try {
      await holdDeal(dealId, () =>
        outsideHeldLocks(() =>
          assert.rejects(completeDealIfAllPaid(dealId, t.ctx.config.feeSchedule, t.ctx.bus), {
            code: 'conflict',
          }),
        ),
      );
    } finally {
      lockTiming.waitMs = saved;
    }
    assert.equal(await statusOf(dealId), 'awaiting_payment');
    assert.equal(await completeDealIfAllPaid(dealId, t.ctx.config.feeSchedule, t.ctx.bus), true);
  });

  it('when a deal with an open Checkout session is cancelled, then its job expires the session and closes the payment', async () => {
    const dealId = await dealWithTerms();
    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const started = await c.enterprise.agent
      .post(`/api/deals/${dealId}/payments`)
      .send({ provider: 'stripe' })
      .expect(201);
    const paymentId = started.body.payment.id;
    const sessionId = (await PaymentModel.findById(paymentId).lean())!.stripe!.checkoutSessionId!;
    await c.enterprise.agent.post(`/api/deals/${dealId}/cancel`).send({ reason: 'Đổi kế hoạch' }).expect(200);
    const job = (await JobModel.findOne({ dedupeKey: closeEndedDealPaymentsKey(dealId) }).lean())!;
    assert.equal(job.type, CLOSE_ENDED_DEAL_PAYMENTS);
    assert.equal((await PaymentModel.findById(paymentId).lean())!.status, 'pending');
    await dealUpkeepHandlers(t.ctx)[CLOSE_ENDED_DEAL_PAYMENTS](job);
    assert.deepEqual(stripe.expired, [sessionId]);
    const closed = (await PaymentModel.findById(paymentId).lean())!;
    assert.equal(closed.status, 'failed');
    assert.equal(closed.openKey, undefined);
  });

  it('when the cancelled deal’s job never ran (the process stopped), then the sweep closes its payments', async () => {
    const dealId = await dealWithTerms();
    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const started = await c.enterprise.agent
      .post(`/api/deals/${dealId}/payments`)
      .send({ provider: 'stripe' })
      .expect(201);
    await c.enterprise.agent.post(`/api/deals/${dealId}/cancel`).send({ reason: 'Đổi kế hoạch' }).expect(200);
    await JobModel.deleteMany({});
    await sweepUnsettledDeals(t.ctx);
    assert.equal(stripe.expired.length, 1);
    assert.equal((await PaymentModel.findById(started.body.payment.id).lean())!.status, 'failed');
  });
});
