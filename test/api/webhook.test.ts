import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { DealModel } from '../../server/deals/deal.model';
import { PaymentModel } from '../../server/payments/payment.model';
import { LedgerEntryModel } from '../../server/payments/ledger.model';
import { StripeEventModel } from '../../server/payments/stripe-event.model';
import { agreedDeal, deliver, recordStripeCalls, sessionObject, signedEvent } from './payments-helpers';

interface PaymentBody {
  id: string;
  dealId: string;
  purpose: string;
  status: string;
  stripe?: { checkoutSessionId?: string };
}

describe('the Stripe webhook', () => {
  let t: TestApp;
  let seller: Member;
  let buyer: Member;
  let dealId: string;

  before(async () => {
    t = await createTestApp();
    recordStripeCalls(t.ctx);
  });
  beforeEach(async () => {
    await resetDatabase();
    [seller, buyer] = await Promise.all([
      signUp(t.app, { kind: 'institute', orgName: 'Viện Công nghệ Môi trường' }),
      signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Nước Sạch Hà Nội' }),
    ]);
    dealId = await agreedDeal(seller, buyer);
  });

  async function cardPayment(m: Member = buyer): Promise<PaymentBody> {
    const res = await m.agent.post(`/api/deals/${dealId}/payments`).send({ provider: 'stripe' }).expect(201);
    return res.body.payment;
  }
  const stored = async (id: string) => (await PaymentModel.findById(id).lean())!;
  const dealStatus = async () => (await DealModel.findById(dealId).lean())!.status;

  describe('signatures', () => {
    it('when the signature was made with another secret, then 400 and nothing changes', async () => {
      const payment = await cardPayment();
      const forged = signedEvent('checkout.session.completed', sessionObject(payment), {
        secret: 'whsec_not_ours',
      });
      const res = await deliver(t.app, forged).expect(400);
      assert.equal(res.body.error.code, 'validation_failed');
      assert.equal((await stored(payment.id)).status, 'pending');
      assert.equal(await StripeEventModel.countDocuments({}), 0);
    });

    it('when the body was altered after signing, then 400 and nothing changes', async () => {
      const payment = await cardPayment();
      const event = signedEvent('checkout.session.expired', sessionObject(payment));
      const tampered = {
        ...event,
        payload: event.payload.replace('checkout.session.expired', 'checkout.session.completed'),
      };
      await deliver(t.app, tampered).expect(400);
      assert.equal((await stored(payment.id)).status, 'pending');
    });

    it('when the signature is older than the tolerance, then 400 and nothing changes', async () => {
      const payment = await cardPayment();
      const stale = signedEvent('checkout.session.completed', sessionObject(payment), {
        timestamp: Math.floor(Date.now() / 1000) - 3600,
      });
      await deliver(t.app, stale).expect(400);
      assert.equal((await stored(payment.id)).status, 'pending');
      assert.equal(await StripeEventModel.countDocuments({}), 0);
    });

    it('when there is no signature, then 400', async () => {
      const payment = await cardPayment();
      const event = signedEvent('checkout.session.completed', sessionObject(payment));
      await deliver(t.app, { ...event, header: '' }).expect(400);
      assert.equal((await stored(payment.id)).status, 'pending');
    });
  });

  describe('applying events once, in any order', () => {
    it('when checkout.session.completed arrives paid, then the payment is paid and its PaymentIntent recorded', async () => {
      const payment = await cardPayment();
      const res = await deliver(
        t.app,
        signedEvent('checkout.session.completed', sessionObject(payment)),
      ).expect(200);
      assert.deepEqual(res.body, { received: true });
      const after = await stored(payment.id);
      assert.equal(after.status, 'paid');
      assert.equal(after.stripe!.paymentIntentId, `pi_${payment.id}`);
      assert.ok(after.paidAt);
    });

    it('when the same event is delivered twice, then it is applied once', async () => {
      const payment = await cardPayment();
      const event = signedEvent('checkout.session.completed', sessionObject(payment));
      await deliver(t.app, event).expect(200);
      const again = await deliver(t.app, event).expect(200);
      assert.equal(again.body.duplicate, true);
      const after = await stored(payment.id);
      assert.equal(after.history.filter((h) => h.event === 'paid').length, 1);
      assert.equal(
        await LedgerEntryModel.countDocuments({ paymentId: payment.id, kind: 'payment_received' }),
        1,
      );
      assert.equal(await StripeEventModel.countDocuments({ _id: event.id }), 1);
    });

    it('when the same event is delivered twice at once, then it is applied once', async () => {
      const payment = await cardPayment();
      const event = signedEvent('checkout.session.completed', sessionObject(payment));
      const responses = await Promise.all([deliver(t.app, event), deliver(t.app, event)]);
      assert.deepEqual(
        responses.map((r) => r.status),
        [200, 200],
      );
      const after = await stored(payment.id);
      assert.equal(after.history.filter((h) => h.event === 'paid').length, 1);
      assert.equal(
        await LedgerEntryModel.countDocuments({ paymentId: payment.id, kind: 'payment_received' }),
        1,
      );
    });

    it('when checkout.session.expired arrives after completed, then the payment stays paid', async () => {
      const payment = await cardPayment();
      await deliver(t.app, signedEvent('checkout.session.completed', sessionObject(payment))).expect(200);
      const expired = sessionObject(payment, { status: 'expired', payment_status: 'unpaid' });
      await deliver(t.app, signedEvent('checkout.session.expired', expired)).expect(200);
      const after = await stored(payment.id);
      assert.equal(after.status, 'paid');
      assert.ok(after.openKey, 'the fee line stays taken by the paid payment');
    });

    it('when the session expires unpaid, then the payment fails and the fee can be paid again', async () => {
      const payment = await cardPayment();
      const expired = sessionObject(payment, { status: 'expired', payment_status: 'unpaid' });
      await deliver(t.app, signedEvent('checkout.session.expired', expired)).expect(200);
      assert.equal((await stored(payment.id)).status, 'failed');
      const retry = await cardPayment();
      assert.notEqual(retry.id, payment.id);
      assert.equal(retry.status, 'pending');
    });

    it('when a card is declined and then accepted, then the payment ends paid', async () => {
      const payment = await cardPayment();
      const intent = {
        id: `pi_${payment.id}`,
        object: 'payment_intent',
        metadata: { paymentId: payment.id },
      };
      await deliver(t.app, signedEvent('payment_intent.payment_failed', intent)).expect(200);
      assert.equal((await stored(payment.id)).status, 'failed');
      await deliver(t.app, signedEvent('checkout.session.completed', sessionObject(payment))).expect(200);
      assert.equal((await stored(payment.id)).status, 'paid');
    });

    it('when an asynchronous payment fails, then the payment fails', async () => {
      const payment = await cardPayment();
      const session = sessionObject(payment, { payment_status: 'unpaid' });
      await deliver(t.app, signedEvent('checkout.session.completed', session)).expect(200);
      assert.equal((await stored(payment.id)).status, 'pending');
      await deliver(t.app, signedEvent('checkout.session.async_payment_failed', session)).expect(200);
      assert.equal((await stored(payment.id)).status, 'failed');
    });

    it('when the refund notice outruns the payment notice, then both land and the payment ends refunded', async () => {
      const payment = await cardPayment();
      const charge = {
        id: 'ch_test_1',
        object: 'charge',
        payment_intent: `pi_${payment.id}`,
        refunded: true,
        metadata: {},
      };
      await deliver(t.app, signedEvent('charge.refunded', charge)).expect(200);
      assert.equal((await stored(payment.id)).status, 'pending');
      await deliver(t.app, signedEvent('checkout.session.completed', sessionObject(payment))).expect(200);
      const after = await stored(payment.id);
      assert.equal(after.status, 'refunded');
      assert.deepEqual(
        after.history.filter((h) => h.source === 'stripe').map((h) => h.to),
        ['paid', 'refunded'],
      );
    });

    it('when a Stripe refund is confirmed by refund.updated, then the payment is refunded', async () => {
      const payment = await cardPayment();
      await deliver(t.app, signedEvent('checkout.session.completed', sessionObject(payment))).expect(200);
      const refund = {
        id: 're_test_1',
        object: 'refund',
        status: 'succeeded',
        payment_intent: `pi_${payment.id}`,
        metadata: { paymentId: payment.id },
      };
      await deliver(t.app, signedEvent('refund.updated', refund)).expect(200);
      const after = await stored(payment.id);
      assert.equal(after.status, 'refunded');
      assert.equal(after.stripe!.refundId, 're_test_1');
    });

    it('when an event is of a type we do not handle or names no payment of ours, then 200 and nothing changes', async () => {
      const payment = await cardPayment();
      await deliver(t.app, signedEvent('customer.created', { id: 'cus_1', object: 'customer' })).expect(200);
      const stranger = sessionObject({ ...payment, id: '0123456789abcdef01234567' }, { id: 'cs_other' });
      await deliver(t.app, signedEvent('checkout.session.completed', stranger)).expect(200);
      assert.equal((await stored(payment.id)).status, 'pending');
    });
  });

  describe('closing the deal', () => {
    it('when the buyer pays by card, then the deal still awaits the seller; when the seller pays, it is won', async () => {
      const buyerPayment = await cardPayment(buyer);
      await deliver(t.app, signedEvent('checkout.session.completed', sessionObject(buyerPayment))).expect(
        200,
      );
      assert.equal(await dealStatus(), 'awaiting_payment');

      const sellerPays = await seller.agent
        .post(`/api/deals/${dealId}/payments`)
        .send({ provider: 'bank_transfer' });
      const admin = await signInAdmin(t.app);
      await admin.agent
        .post(`/api/admin/payments/${sellerPays.body.payment.id}/confirm`)
        .send({})
        .expect(200);
      assert.equal(await dealStatus(), 'closed_won');

      const fees = await buyer.agent.get(`/api/deals/${dealId}/fees`).expect(200);
      assert.deepEqual(
        fees.body.fees.map((f: { status: string }) => f.status),
        ['paid', 'paid'],
      );
    });

    it('when the deal is cancelled and the card payment then completes, the payment is paid and the deal stays cancelled', async () => {
      const payment = await cardPayment();
      await DealModel.updateOne({ _id: dealId }, { $set: { status: 'cancelled' } });
      await deliver(t.app, signedEvent('checkout.session.completed', sessionObject(payment))).expect(200);
      assert.equal((await stored(payment.id)).status, 'paid');
      assert.equal(await dealStatus(), 'cancelled');
    });
  });
});
