/**
 * Listing fees: where the fee schedule sets one for a listing's kind and currency, its
 * organization pays it (bank transfer confirmed by an operator, or card through Stripe) before
 * submitting the listing for review; a submission without it is refused and writes nothing; a
 * listing paid once and sent back to draft by its owner is not charged again; an operator's
 * rejection refunds the paid fee once (retried when the refund fails) and tells the owner.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { setLogLevel } from '../../server/common/logger';
import { clearRecordCaches } from '../../server/common/record-cache';
import { DEFAULT_FEE_SCHEDULE, type FeeSchedule } from '../../server/fees';
import { OfferModel } from '../../server/offers/offer.model';
import { DemandModel } from '../../server/demands/demand.model';
import { PaymentModel } from '../../server/payments/payment.model';
import { LedgerEntryModel } from '../../server/payments/ledger.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { AuditModel } from '../../server/audit/audit.model';
import { JobModel } from '../../server/scheduler/job.model';
import { LISTING_FEE_REFUND } from '../../server/scheduler/job-types';
import { settleRejectedListingFee } from '../../server/payments/listing-fee.service';
import { paymentProvidersFor } from '../../server/payments/providers';
import { demandBody, draft, offerBody } from './offers-helpers';
import { deliver, recordStripeCalls, sessionObject, signedEvent, type StripeCalls } from './payments-helpers';

const SCHEDULE: FeeSchedule = {
  ...DEFAULT_FEE_SCHEDULE,
  listingFee: { offer: { VND: 500_000, USD: 2_000 }, demand: { VND: 300_000 } },
};

type Kind = 'offers' | 'demands';

describe('listing fees', function () {
  this.timeout(60_000);
  let t: TestApp;
  let owner: Member;
  let outsider: Member;
  let admin: Member;
  let stripe: StripeCalls;

  before(async () => {
    setLogLevel(process.env.LOG_LEVEL ?? 'silent');
    t = await createTestApp({ FEE_SCHEDULE: JSON.stringify(SCHEDULE) });
    stripe = recordStripeCalls(t.ctx);
  });
  beforeEach(async () => {
    await resetDatabase();
    stripe.reset();
    [owner, outsider, admin] = await Promise.all([
      signUp(t.app, { kind: 'institute', orgName: 'Viện Công nghệ Sinh học' }),
      signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Bên Ngoài' }),
      signInAdmin(t.app),
    ]);
  });

  const feeOf = (m: Member, kind: Kind, id: string) => m.agent.get(`/api/${kind}/${id}/listing-fee`);
  const payFee = (m: Member, kind: Kind, id: string, provider = 'bank_transfer') =>
    m.agent.post(`/api/${kind}/${id}/listing-fee`).send({ provider });
  const submit = (m: Member, kind: Kind, id: string) => m.agent.post(`/api/${kind}/${id}/submit`);
  const confirm = (paymentId: string) =>
    admin.agent.post(`/api/admin/payments/${paymentId}/confirm`).send({}).expect(200);
  const reject = (kind: Kind, id: string) =>
    admin.agent
      .post(`/api/admin/${kind}/${id}/reject`)
      .send({ reason: 'Thiếu số bằng sáng chế' })
      .expect(200);
  const ledgerKinds = async (paymentId: string) =>
    (await LedgerEntryModel.find({ paymentId }).sort({ at: 1, _id: 1 }).lean()).map((e) => e.kind);
  const told = (m: Member) =>
    NotificationModel.countDocuments({ userId: m.user.id, type: 'listing.fee_refunded' });

  it('when a fee is set and unpaid, then submitting is refused with 409 naming the fee, and nothing is written', async () => {
    const offer = await draft(owner, 'offers', offerBody());
    const before = await OfferModel.findById(offer.id).lean();

    const refused = await submit(owner, 'offers', offer.id).expect(409);
    assert.equal(refused.body.error.code, 'conflict');
    assert.match(
      refused.body.error.message,
      /listing fee of ₫500,000 \(VND\) must be paid before this offer/,
    );

    const after = await OfferModel.findById(offer.id).lean();
    assert.equal(after!.status, 'draft');
    assert.equal(after!.submittedAt, undefined);
    assert.equal(after!.rev, before!.rev);
    assert.equal(await PaymentModel.countDocuments({}), 0);
    assert.equal(await AuditModel.countDocuments({ action: 'offer.submit' }), 0);

    const fee = (await feeOf(owner, 'offers', offer.id).expect(200)).body;
    assert.deepEqual(
      [fee.required, fee.amount, fee.currency, fee.payer, fee.status, fee.due],
      [true, 500_000, 'VND', 'seller', 'none', true],
    );
    assert.deepEqual([fee.payments, fee.ledger], [[], []]);
    // The fee follows the listing's currency: 2,000 cents for an offer priced in USD.
    const usd = await draft(
      owner,
      'offers',
      offerBody({ pricing: { model: 'negotiable', currency: 'USD' } }),
    );
    const usdFee = (await feeOf(owner, 'offers', usd.id).expect(200)).body;
    assert.deepEqual([usdFee.amount, usdFee.currency], [2_000, 'USD']);
  });

  it('when the owner pays by bank transfer, then the submission waits for the operator’s confirmation, then goes through; sent back to draft and resubmitted, it is not charged again', async () => {
    const offer = await draft(owner, 'offers', offerBody());
    const started = await payFee(owner, 'offers', offer.id).expect(201);
    const payment = started.body.payment;
    assert.deepEqual(
      [
        payment.purpose,
        payment.payer,
        payment.amount,
        payment.currency,
        payment.listingId,
        payment.listingKind,
      ],
      ['listing_fee', 'seller', 500_000, 'VND', offer.id, 'offer'],
    );
    assert.equal(payment.payerOrgId, owner.orgId);
    assert.equal(started.body.instructions.reference, payment.reference);
    assert.equal(started.body.instructions.amount, 500_000);
    // Asking again resumes the same payment.
    const again = await payFee(owner, 'offers', offer.id).expect(201);
    assert.equal(again.body.payment.id, payment.id);

    // Pending is not paid.
    const waiting = await submit(owner, 'offers', offer.id).expect(409);
    assert.match(waiting.body.error.message, new RegExp(`bank transfer ${payment.reference} awaits`));
    assert.equal((await OfferModel.findById(offer.id).lean())!.status, 'draft');
    assert.equal((await feeOf(owner, 'offers', offer.id).expect(200)).body.status, 'pending');

    // Operators see it among the payments, and by its purpose.
    const listed = (await admin.agent.get('/api/admin/payments?purpose=listing_fee').expect(200)).body;
    assert.deepEqual(
      listed.payments.map((p: { id: string; dealTitle: string; payerOrgName: string }) => [
        p.id,
        p.dealTitle,
        p.payerOrgName,
      ]),
      [[payment.id, offerBody().title, 'Viện Công nghệ Sinh học']],
    );
    assert.equal(
      (await admin.agent.get('/api/admin/payments?purpose=success_fee').expect(200)).body.total,
      0,
    );
    // The payment page names the listing.
    const shown = (await owner.agent.get(`/api/payments/${payment.id}`).expect(200)).body;
    assert.deepEqual(shown.listing, { kind: 'offer', id: offer.id, title: offerBody().title });

    await confirm(payment.id);
    const paid = (await feeOf(owner, 'offers', offer.id).expect(200)).body;
    assert.deepEqual([paid.status, paid.due, paid.payment.id], ['paid', false, payment.id]);
    assert.deepEqual(
      paid.ledger.map((e: { kind: string }) => e.kind),
      ['payment_started', 'payment_received'],
    );
    const submitted = await submit(owner, 'offers', offer.id).expect(200);
    assert.equal(submitted.body.offer.status, 'pending_review');
    // Paying again is refused: the offer is no draft.
    await payFee(owner, 'offers', offer.id).expect(409);

    // The owner's edit takes it back to draft; resubmitting it is not charged again.
    await owner.agent.patch(`/api/offers/${offer.id}`).send({ summary: 'Bản tóm tắt mới hơn' }).expect(200);
    const back = (await feeOf(owner, 'offers', offer.id).expect(200)).body;
    assert.deepEqual([back.status, back.due], ['paid', false]);
    await payFee(owner, 'offers', offer.id).expect(409);
    await submit(owner, 'offers', offer.id).expect(200);
    assert.equal(await PaymentModel.countDocuments({}), 1);
    const receipt = await owner.agent.get(`/api/payments/${payment.id}/receipt?lang=en`).expect(200);
    assert.match(receipt.text, /Listing fee/);
  });

  it('when a demand’s fee is paid by card (Stripe’s webhook) and an operator rejects it, then the fee is refunded once, the ledger shows it, the owner is told once, and resubmitting asks the fee again', async () => {
    const demand = await draft(owner, 'demands', demandBody());
    const started = await payFee(owner, 'demands', demand.id, 'stripe').expect(201);
    assert.ok(started.body.checkoutUrl);
    const payment = started.body.payment;
    assert.deepEqual([payment.amount, payment.payer, payment.listingKind], [300_000, 'buyer', 'demand']);
    assert.equal(stripe.checkouts.at(-1)?.listingId, demand.id);
    const event = signedEvent('checkout.session.completed', sessionObject(payment));
    await deliver(t.app, event).expect(200);
    await deliver(t.app, event).expect(200);
    assert.equal((await feeOf(owner, 'demands', demand.id).expect(200)).body.status, 'paid');
    await submit(owner, 'demands', demand.id).expect(200);

    const rejected = await reject('demands', demand.id);
    assert.equal(rejected.body.demand.status, 'draft');
    const refunded = await PaymentModel.findById(payment.id).lean();
    assert.equal(refunded!.status, 'refunded');
    assert.match(refunded!.refundReason ?? '', /rejected by an operator: Thiếu số bằng sáng chế/);
    assert.equal(stripe.refunds.length, 1);
    assert.equal(stripe.refunds[0].idempotencyKey, `refund-${payment.id}`);
    assert.deepEqual(await ledgerKinds(payment.id), ['payment_started', 'payment_received', 'refund']);
    assert.equal(await told(owner), 1);

    // The refund job running again (a retry, a second process) changes nothing.
    await settleRejectedListingFee(t.ctx, 'demand', demand.id);
    assert.deepEqual(await ledgerKinds(payment.id), ['payment_started', 'payment_received', 'refund']);
    assert.equal(stripe.refunds.length, 1);
    assert.equal(await told(owner), 1);

    // The owner sees the refund; a new submission asks the fee again.
    const fee = (await feeOf(owner, 'demands', demand.id).expect(200)).body;
    assert.deepEqual([fee.status, fee.due], ['refunded', true]);
    assert.ok(fee.ledger.some((e: { kind: string }) => e.kind === 'refund'));
    await submit(owner, 'demands', demand.id).expect(409);
    const second = await payFee(owner, 'demands', demand.id).expect(201);
    assert.notEqual(second.body.payment.id, payment.id);
    await confirm(second.body.payment.id);
    await submit(owner, 'demands', demand.id).expect(200);
  });

  it('when a bank transfer’s listing is rejected, then the fee is recorded as returned by transfer, once', async () => {
    const offer = await draft(owner, 'offers', offerBody());
    const paymentId = (await payFee(owner, 'offers', offer.id).expect(201)).body.payment.id as string;
    await confirm(paymentId);
    await submit(owner, 'offers', offer.id).expect(200);
    await reject('offers', offer.id);
    const after = await PaymentModel.findById(paymentId).lean();
    assert.equal(after!.status, 'refunded');
    const refund = await LedgerEntryModel.findOne({ paymentId, kind: 'refund' }).lean();
    assert.match(refund!.note ?? '', /returned by bank transfer to the payer/);
    assert.equal(refund!.source, 'system');
    assert.equal(await told(owner), 1);
    await settleRejectedListingFee(t.ctx, 'offer', offer.id);
    assert.equal(await LedgerEntryModel.countDocuments({ paymentId, kind: 'refund' }), 1);
  });

  it('when the refund fails at rejection, then the fee stops counting at once, a durable job retries it, and it is refunded once', async () => {
    const offer = await draft(owner, 'offers', offerBody());
    const payment = (await payFee(owner, 'offers', offer.id, 'stripe').expect(201)).body.payment;
    await deliver(t.app, signedEvent('checkout.session.completed', sessionObject(payment))).expect(200);
    await submit(owner, 'offers', offer.id).expect(200);

    const providers = paymentProvidersFor(t.ctx.config);
    const working = providers.stripe!;
    providers.stripe = { ...working, createRefund: () => Promise.reject(new Error('Stripe is down')) };
    try {
      await reject('offers', offer.id);
    } finally {
      providers.stripe = working;
    }
    const held = await PaymentModel.findById(payment.id).lean();
    assert.equal(held!.status, 'paid');
    assert.equal((await feeOf(owner, 'offers', offer.id).expect(200)).body.status, 'refunding');
    const refused = await submit(owner, 'offers', offer.id).expect(409);
    assert.match(refused.body.error.message, /being refunded/);
    await payFee(owner, 'offers', offer.id).expect(409);
    const job = await JobModel.findOne({ type: LISTING_FEE_REFUND }).lean();
    assert.deepEqual(job?.payload, { kind: 'offer', listingId: offer.id });

    // The job's retry makes the refund.
    await settleRejectedListingFee(t.ctx, 'offer', offer.id);
    assert.equal((await PaymentModel.findById(payment.id).lean())!.status, 'refunded');
    assert.equal(stripe.refunds.length, 1);
    assert.equal(await LedgerEntryModel.countDocuments({ paymentId: payment.id, kind: 'refund' }), 1);
    assert.equal(await told(owner), 1);
  });

  it('when someone else asks, then 404 for a draft they cannot see and 403 for the rest, and nothing is written', async () => {
    const offer = await draft(owner, 'offers', offerBody());
    await payFee(outsider, 'offers', offer.id).expect(404);
    await feeOf(outsider, 'offers', offer.id).expect(404);
    // Operators see the fee, but do not pay it (they act for no organization).
    await payFee(admin, 'offers', offer.id).expect(403);
    assert.equal((await feeOf(admin, 'offers', offer.id).expect(200)).body.due, true);
    await request(t.app)
      .post(`/api/offers/${offer.id}/listing-fee`)
      .send({ provider: 'bank_transfer' })
      .expect(401);
    await request(t.app).get(`/api/offers/${offer.id}/listing-fee`).expect(401);
    // An unverified member of the owner does not pay either.
    const unverified = await signUp(t.app, { kind: 'institute', verified: false });
    const theirs = await draft(unverified, 'offers', offerBody());
    await payFee(unverified, 'offers', theirs.id).expect(403);
    // A published listing is public, its fee is not.
    await OfferModel.updateOne({ _id: offer.id }, { $set: { status: 'published' } });
    clearRecordCaches();
    await feeOf(outsider, 'offers', offer.id).expect(403);
    await payFee(outsider, 'offers', offer.id).expect(403);
    assert.equal(await PaymentModel.countDocuments({}), 0);
  });

  it('when the input is bad, then 400 names the field and nothing is written', async () => {
    const offer = await draft(owner, 'offers', offerBody());
    const provider = await payFee(owner, 'offers', offer.id, 'cash').expect(400);
    assert.deepEqual(
      provider.body.error.details.map((d: { field: string }) => d.field),
      ['provider'],
    );
    const missing = await owner.agent.post(`/api/offers/${offer.id}/listing-fee`).send({}).expect(400);
    assert.equal(missing.body.error.details[0].field, 'provider');
    const id = await owner.agent.get('/api/demands/not-an-id/listing-fee').expect(400);
    assert.equal(id.body.error.details[0].field, 'id');
    assert.equal(await PaymentModel.countDocuments({}), 0);
  });

  it('when the listing’s currency changes while a payment is pending, then paying again closes it and starts one in the new currency', async () => {
    const offer = await draft(owner, 'offers', offerBody());
    const vnd = (await payFee(owner, 'offers', offer.id).expect(201)).body.payment;
    await owner.agent
      .patch(`/api/offers/${offer.id}`)
      .send({ pricing: { model: 'fixed', amount: 8_000_000, currency: 'USD' } })
      .expect(200);
    const usd = (await payFee(owner, 'offers', offer.id).expect(201)).body.payment;
    assert.notEqual(usd.id, vnd.id);
    assert.deepEqual([usd.amount, usd.currency], [2_000, 'USD']);
    assert.equal((await PaymentModel.findById(vnd.id).lean())!.status, 'failed');
  });

  it('when the schedule sets no fee for the listing, then it is submitted as before and there is nothing to pay', async () => {
    // This schedule charges demands in VND only.
    const usdDemand = await draft(
      owner,
      'demands',
      demandBody({ budget: { min: 10_000, max: 90_000, currency: 'USD' } }),
    );
    const none = (await feeOf(owner, 'demands', usdDemand.id).expect(200)).body;
    assert.deepEqual([none.required, none.status, none.due], [false, 'none', false]);
    const refused = await payFee(owner, 'demands', usdDemand.id).expect(409);
    assert.match(refused.body.error.message, /No listing fee applies to this demand/);
    await submit(owner, 'demands', usdDemand.id).expect(200);

    // An exchange whose schedule sets no listing fee at all: unchanged.
    const plain = await createTestApp();
    const member = await signUp(plain.app, { kind: 'institute' });
    const offer = await draft(member, 'offers', offerBody());
    await member.agent
      .post(`/api/offers/${offer.id}/listing-fee`)
      .send({ provider: 'bank_transfer' })
      .expect(409);
    const submitted = await member.agent.post(`/api/offers/${offer.id}/submit`).expect(200);
    assert.equal(submitted.body.offer.status, 'pending_review');
    const operator = await signInAdmin(plain.app);
    await operator.agent
      .post(`/api/admin/offers/${offer.id}/reject`)
      .send({ reason: 'Chưa đủ thông tin' })
      .expect(200);
    assert.equal(await PaymentModel.countDocuments({}), 0);
    assert.equal(await JobModel.countDocuments({ type: LISTING_FEE_REFUND }), 0);
    assert.equal(await DemandModel.countDocuments({ status: 'pending_review' }), 1);
  });
});
