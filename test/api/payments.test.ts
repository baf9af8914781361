import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { DealModel } from '../../server/deals/deal.model';
import { publishedOffer, terms } from './deals-helpers';
import { PaymentModel } from '../../server/payments/payment.model';
import type { DomainEvents } from '../../server/common/events';
import { clearRecordCaches } from '../../server/common/record-cache';
import { setSoleDatabaseUser } from '../../server/common/sole-user';
import { watchCommands } from '../helpers/command-watch';
import {
  agreedDeal,
  deliver,
  recordStripeCalls,
  sessionObject,
  signedEvent,
  type StripeCalls,
} from './payments-helpers';

describe('fees and payments', () => {
  let t: TestApp;
  let stripe: StripeCalls;
  let seller: Member;
  let buyer: Member;
  let outsider: Member;
  let broker: Member;
  let admin: Member;
  let dealId: string;
  const statusEvents: DomainEvents['deal.event'][] = [];

  before(async () => {
    t = await createTestApp();
    stripe = recordStripeCalls(t.ctx);
    t.ctx.bus.subscribe('deal.event', (e) => statusEvents.push(e));
  });
  beforeEach(async () => {
    await resetDatabase();
    stripe.reset();
    statusEvents.length = 0;
    [seller, buyer, outsider, broker, admin] = await Promise.all([
      signUp(t.app, { kind: 'institute', orgName: 'Viện Công nghệ Môi trường' }),
      signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Nước Sạch Hà Nội' }),
      signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Bên Ngoài' }),
      signUp(t.app, { kind: 'broker_firm', role: 'broker' }),
      signInAdmin(t.app),
    ]);
    dealId = await agreedDeal(seller, buyer, { brokerUserId: broker.user.id });
  });

  const pay = (m: Member, body: Record<string, unknown>, id = dealId) =>
    m.agent.post(`/api/deals/${id}/payments`).send(body);
  const confirm = (m: Member, paymentId: string) =>
    m.agent.post(`/api/admin/payments/${paymentId}/confirm`).send({});
  const dealStatus = async () => (await DealModel.findById(dealId).lean())!.status;

  describe('GET /api/deals/:id/fees', () => {
    it('when the deal is agreed at 500,000,000 VND, then each party owes half of the 2 % success fee', async () => {
      const res = await buyer.agent.get(`/api/deals/${dealId}/fees`).expect(200);
      assert.deepEqual(res.body.fees, [
        { purpose: 'success_fee', amount: 5_000_000, currency: 'VND', payer: 'buyer' },
        { purpose: 'success_fee', amount: 5_000_000, currency: 'VND', payer: 'seller' },
      ]);
    });

    it('then the seller, the broker and operators read them too; an outsider gets 404; signed out 401', async () => {
      for (const m of [seller, broker, admin]) {
        const res = await m.agent.get(`/api/deals/${dealId}/fees`).expect(200);
        assert.equal(res.body.fees.length, 2);
      }
      await outsider.agent.get(`/api/deals/${dealId}/fees`).expect(404);
      await request(t.app).get(`/api/deals/${dealId}/fees`).expect(401);
      await buyer.agent.get('/api/deals/not-an-id/fees').expect(400);
    });

    it('when a fee is being paid, then its line shows the payment and its status', async () => {
      const started = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      const res = await seller.agent.get(`/api/deals/${dealId}/fees`).expect(200);
      const buyerLine = res.body.fees.find((f: { payer: string }) => f.payer === 'buyer');
      assert.equal(buyerLine.status, 'pending');
      assert.equal(buyerLine.paymentId, started.body.payment.id);
      assert.equal(res.body.fees.find((f: { payer: string }) => f.payer === 'seller').status, undefined);
    });

    it('when terms are not agreed yet, then no fees are listed and none can be paid', async () => {
      const open = await agreedDeal(seller, buyer, { status: 'negotiating' });
      const res = await buyer.agent.get(`/api/deals/${open}/fees`).expect(200);
      assert.deepEqual(res.body.fees, []);
      await pay(buyer, { provider: 'bank_transfer' }, open).expect(409);
    });
  });

  describe('paying by card (Stripe Checkout against stripe-mock)', () => {
    it('when the buyer pays, then a Checkout Session is created with the amount, currency and metadata', async () => {
      const res = await pay(buyer, { provider: 'stripe' }).expect(201);
      const { payment, checkoutUrl } = res.body;
      assert.match(checkoutUrl, /^https:\/\/checkout\.stripe\.com\//);
      assert.equal(payment.status, 'pending');
      assert.equal(payment.provider, 'stripe');
      assert.equal(payment.amount, 5_000_000);
      assert.equal(payment.currency, 'VND');
      assert.equal(payment.payer, 'buyer');
      assert.equal(payment.payerOrgId, buyer.orgId);

      assert.equal(stripe.checkoutParams.length, 1);
      const params = stripe.checkoutParams[0];
      assert.equal(params.mode, 'payment');
      const item = params.line_items![0];
      assert.equal(item.quantity, 1);
      assert.equal(item.price_data!.unit_amount, 5_000_000);
      assert.equal(item.price_data!.currency, 'vnd');
      assert.deepEqual(params.metadata, { paymentId: payment.id, dealId, purpose: 'success_fee' });
      assert.equal(params.client_reference_id, payment.id);
      assert.equal(params.success_url, `${t.ctx.config.publicUrl}/payments/${payment.id}/result`);
      assert.match(params.cancel_url!, new RegExp(`/payments/${payment.id}/result`));
      assert.equal(stripe.checkoutOptions[0].idempotencyKey, `checkout-${payment.id}`);

      const stored = await PaymentModel.findById(payment.id).lean();
      assert.equal(stored!.stripe!.checkoutUrl, checkoutUrl);
      assert.match(stored!.stripe!.checkoutSessionId!, /^cs_/);
    });

    it('when the deal is in USD, then the amount goes to Stripe in cents, unchanged', async () => {
      const usd = await agreedDeal(seller, buyer, { price: 1_234_567_89, currency: 'USD' });
      const res = await pay(buyer, { provider: 'stripe' }, usd).expect(201);
      // 2 % of $1,234,567.89 is $24,691.36 (2,469,136 cents), split: the buyer's half rounds up.
      assert.equal(res.body.payment.amount, 1_234_568);
      assert.equal(res.body.payment.currency, 'USD');
      const item = stripe.checkoutParams[0].line_items![0];
      assert.equal(item.price_data!.unit_amount, 1_234_568);
      assert.equal(item.price_data!.currency, 'usd');
    });

    it('when the same request is retried, then it returns the same payment and URL without a second session', async () => {
      const first = await pay(buyer, { provider: 'stripe' }).expect(201);
      const again = await pay(buyer, { provider: 'stripe', purpose: 'success_fee', payer: 'buyer' }).expect(
        201,
      );
      assert.equal(again.body.payment.id, first.body.payment.id);
      assert.equal(again.body.checkoutUrl, first.body.checkoutUrl);
      assert.equal(stripe.checkouts.length, 1);
      assert.equal(await PaymentModel.countDocuments({ dealId }), 1);
    });

    it('when two requests for the same fee arrive at once, then one payment exists', async () => {
      const [a, b] = await Promise.all([
        pay(buyer, { provider: 'stripe' }),
        pay(buyer, { provider: 'stripe' }),
      ]);
      assert.equal(a.status, 201);
      assert.equal(b.status, 201);
      assert.equal(a.body.payment.id, b.body.payment.id);
      assert.equal(await PaymentModel.countDocuments({ dealId }), 1);
    });

    it('when the payer switches to bank transfer, then the Checkout Session is expired and the card payment given up', async () => {
      const card = await pay(buyer, { provider: 'stripe' }).expect(201);
      const bank = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      assert.notEqual(bank.body.payment.id, card.body.payment.id);
      const old = await PaymentModel.findById(card.body.payment.id).lean();
      assert.equal(old!.status, 'failed');
      assert.equal(old!.openKey, undefined);
      assert.deepEqual(stripe.expired, [old!.stripe!.checkoutSessionId]);
    });
  });

  describe('who may pay', () => {
    it('when an outsider pays the fee of a deal not theirs, then 404 and nothing is stored', async () => {
      await pay(outsider, { provider: 'bank_transfer' }).expect(404);
      assert.equal(await PaymentModel.countDocuments({}), 0);
    });

    it('when the buyer asks to pay the seller’s fee, then 403; the broker or an operator, 403', async () => {
      await pay(buyer, { provider: 'bank_transfer', payer: 'seller' }).expect(403);
      await pay(broker, { provider: 'bank_transfer' }).expect(403);
      await pay(admin, { provider: 'bank_transfer' }).expect(403);
      assert.equal(await PaymentModel.countDocuments({}), 0);
    });

    it('when the paying organization is not verified, then 403; signed out, then 401', async () => {
      const unverified = await signUp(t.app, { verified: false });
      const other = await agreedDeal(seller, unverified);
      await pay(unverified, { provider: 'bank_transfer' }, other).expect(403);
      await request(t.app)
        .post(`/api/deals/${dealId}/payments`)
        .send({ provider: 'bank_transfer' })
        .expect(401);
    });

    it('when the body is invalid, then 400 names each field', async () => {
      const res = await pay(buyer, { provider: 'cash', purpose: 'bribe', payer: 'nobody' }).expect(400);
      const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
      assert.deepEqual(fields, ['payer', 'provider', 'purpose']);
      const missing = await pay(buyer, {}).expect(400);
      assert.equal(missing.body.error.details[0].field, 'provider');
      assert.equal(await PaymentModel.countDocuments({}), 0);
    });

    it('when the deal is not awaiting payment, then 409', async () => {
      await DealModel.updateOne({ _id: dealId }, { $set: { status: 'cancelled' } });
      await pay(buyer, { provider: 'bank_transfer' }).expect(409);
    });
  });

  describe('paying by bank transfer', () => {
    it('when the buyer chooses bank transfer, then 201 with the instructions and a unique reference', async () => {
      const res = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      const { payment, instructions } = res.body;
      assert.equal(payment.status, 'pending');
      assert.match(payment.reference, /^TX-[A-Z2-9]{6}$/);
      assert.equal(instructions.reference, payment.reference);
      assert.equal(instructions.amount, 5_000_000);
      assert.equal(instructions.currency, 'VND');
      assert.ok(instructions.bankName && instructions.accountName && instructions.accountNumber);
      const sellerPays = await pay(seller, { provider: 'bank_transfer' }).expect(201);
      assert.notEqual(sellerPays.body.payment.reference, payment.reference);
      const shown = await buyer.agent.get(`/api/payments/${payment.id}`).expect(200);
      assert.equal(shown.body.instructions.reference, payment.reference);
    });

    it('when an operator confirms receipt, then the payment is paid, recording who and when', async () => {
      const { body } = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      const res = await confirm(admin, body.payment.id).expect(200);
      assert.equal(res.body.payment.status, 'paid');
      assert.equal(res.body.payment.confirmedBy, admin.user.id);
      assert.ok(res.body.payment.paidAt);
      const last = res.body.payment.history.at(-1);
      assert.deepEqual(
        [last.event, last.from, last.to, last.actorId, last.source],
        ['paid', 'pending', 'paid', admin.user.id, 'operator'],
      );
    });

    /** Confirms a transfer as the database's only user, every cache empty first; what it asked the database. */
    async function confirmCold(paymentId: string) {
      clearRecordCaches();
      setSoleDatabaseUser(true);
      const watch = watchCommands();
      try {
        await confirm(admin, paymentId).expect(200);
      } finally {
        watch.stop();
        setSoleDatabaseUser(false);
        clearRecordCaches();
      }
      return watch.asked;
    }

    it('when an operator confirms a transfer, then the deal’s list is read before the payment is written, and the other party’s pending transfer not at all', async () => {
      const buyerPays = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      const sellerPays = await pay(seller, { provider: 'bank_transfer' }).expect(201);
      const asked = await confirmCold(buyerPays.body.payment.id);
      const written = asked.findIndex((a) => a.collection === 'payments' && a.command === 'findAndModify');
      const listRead = asked.findIndex(
        (a) => a.collection === 'owner_lists' && JSON.stringify(a.filter).includes(`payment:deal:${dealId}`),
      );
      assert.ok(listRead >= 0 && listRead < written, JSON.stringify(asked));
      const paymentReads = asked.filter((a) => a.collection === 'payments' && a.command === 'find');
      assert.ok(
        !JSON.stringify(paymentReads).includes(sellerPays.body.payment.id),
        JSON.stringify(paymentReads),
      );
      assert.equal(await dealStatus(), 'awaiting_payment');
      const stored = await PaymentModel.findById(sellerPays.body.payment.id).lean();
      assert.equal(stored?.status, 'pending');
    });

    it('when the other party’s transfer is confirmed next, then the deal is paid up and closes won', async () => {
      const buyerPays = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      const sellerPays = await pay(seller, { provider: 'bank_transfer' }).expect(201);
      await confirmCold(buyerPays.body.payment.id);
      assert.equal(await dealStatus(), 'awaiting_payment');
      await confirmCold(sellerPays.body.payment.id);
      assert.equal(await dealStatus(), 'closed_won');
    });

    it('when an operator confirms with what the bank statement shows, then a wrong amount or a future date is 400 naming it with nothing written, and the right one is kept with the payment', async () => {
      const { body } = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      const url = `/api/admin/payments/${body.payment.id}/confirm`;
      const statement = {
        amount: body.payment.amount,
        bankReference: 'FT26337123456',
        receivedOn: '2026-12-01',
      };
      const wrong = await admin.agent
        .post(url)
        .send({ ...statement, amount: body.payment.amount - 1000 })
        .expect(400);
      assert.equal(wrong.body.error.details[0].field, 'amount');
      const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const later = await admin.agent
        .post(url)
        .send({ ...statement, receivedOn: future })
        .expect(400);
      assert.equal(later.body.error.details[0].field, 'receivedOn');
      const untouched = (await PaymentModel.findById(body.payment.id).lean())!;
      assert.equal(untouched.status, 'pending');
      assert.equal(untouched.bankReceipt, undefined);

      const res = await admin.agent.post(url).send(statement).expect(200);
      assert.equal(res.body.payment.status, 'paid');
      assert.deepEqual(res.body.payment.bankReceipt, {
        amount: body.payment.amount,
        bankReference: 'FT26337123456',
        receivedOn: '2026-12-01T00:00:00.000Z',
      });
      const stored = (await PaymentModel.findById(body.payment.id).lean())!;
      assert.equal(stored.bankReceipt?.bankReference, 'FT26337123456');
    });

    it('when a party, the broker or the payer tries to confirm, then 403 and it stays pending', async () => {
      const { body } = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      for (const m of [buyer, seller, broker]) await confirm(m, body.payment.id).expect(403);
      assert.equal((await PaymentModel.findById(body.payment.id).lean())!.status, 'pending');
    });

    it('when it is confirmed twice, or a card payment is confirmed, then 409; an unknown id 404', async () => {
      const { body } = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      await confirm(admin, body.payment.id).expect(200);
      await confirm(admin, body.payment.id).expect(409);
      const card = await pay(seller, { provider: 'stripe' }).expect(201);
      await confirm(admin, card.body.payment.id).expect(409);
      await confirm(admin, '0123456789abcdef01234567').expect(404);
    });
    it('when a transfer given up for a card arrives after the card paid, then it is confirmed as a duplicate to refund', async () => {
      const bank = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      const card = await pay(buyer, { provider: 'stripe' }).expect(201);
      assert.equal((await PaymentModel.findById(bank.body.payment.id).lean())!.status, 'failed');
      await deliver(
        t.app,
        signedEvent('checkout.session.completed', sessionObject(card.body.payment)),
      ).expect(200);
      const res = await confirm(admin, bank.body.payment.id).expect(200);
      assert.equal(res.body.payment.status, 'paid');
      assert.equal(res.body.payment.duplicate, true);
      const refunded = await admin.agent
        .post(`/api/admin/payments/${bank.body.payment.id}/refund`)
        .send({ reason: 'Phí đã được thanh toán bằng thẻ' })
        .expect(200);
      assert.equal(refunded.body.payment.status, 'refunded');
      assert.equal((await PaymentModel.findById(card.body.payment.id).lean())!.status, 'paid');
    });
  });

  describe('closing the deal', () => {
    it('when one of two fees is paid, then the deal still awaits payment; when both are, it is won', async () => {
      const buyerPays = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      await confirm(admin, buyerPays.body.payment.id).expect(200);
      assert.equal(await dealStatus(), 'awaiting_payment');
      const fees = await buyer.agent.get(`/api/deals/${dealId}/fees`).expect(200);
      assert.deepEqual(
        fees.body.fees.map((f: { payer: string; status?: string }) => [f.payer, f.status]),
        [
          ['buyer', 'paid'],
          ['seller', undefined],
        ],
      );
      await pay(buyer, { provider: 'bank_transfer' }).expect(409);

      const sellerPays = await pay(seller, { provider: 'bank_transfer' }).expect(201);
      await confirm(admin, sellerPays.body.payment.id).expect(200);
      const deal = await DealModel.findById(dealId).lean();
      assert.equal(deal!.status, 'closed_won');
      const entry = deal!.timeline.at(-1)!;
      assert.deepEqual(
        [entry.event, entry.from, entry.to, entry.actorRole],
        ['complete', 'awaiting_payment', 'closed_won', 'system'],
      );
      await new Promise((resolve) => setImmediate(resolve));
      assert.ok(
        statusEvents.some(
          (e) =>
            e.dealId === dealId &&
            e.event === 'deal:status' &&
            (e.payload as { status: string }).status === 'closed_won',
        ),
      );
    });
  });

  describe('with the deals service', () => {
    it('when both parties accept the same terms, then the deal awaits its fees and closes once they are paid', async () => {
      const offerId = await publishedOffer(seller);
      const opened = await buyer.agent.post('/api/deals').send({ offerId }).expect(201);
      const id = opened.body.deal.id;
      // Terms without milestones: paying the fees completes the deal (with milestones it would
      // deliver first, test/api/milestones.test.ts).
      await seller.agent
        .post(`/api/deals/${id}/terms`)
        .send(terms(300_000_000, { milestones: [] }))
        .expect(201);
      await seller.agent.post(`/api/deals/${id}/terms/1/accept`).expect(200);
      const agreed = await buyer.agent.post(`/api/deals/${id}/terms/1/accept`).expect(200);
      assert.equal(agreed.body.deal.status, 'awaiting_payment');
      const fees = await buyer.agent.get(`/api/deals/${id}/fees`).expect(200);
      assert.deepEqual(
        fees.body.fees.map((f: { payer: string; amount: number }) => [f.payer, f.amount]),
        [
          ['buyer', 3_000_000],
          ['seller', 3_000_000],
        ],
      );
      for (const party of [buyer, seller]) {
        const started = await pay(party, { provider: 'bank_transfer' }, id).expect(201);
        await confirm(admin, started.body.payment.id).expect(200);
      }
      const closed = await buyer.agent.get(`/api/deals/${id}`).expect(200);
      assert.equal(closed.body.deal.status, 'closed_won');
    });
  });

  describe('the ledger', () => {
    it('when fees are started and paid, then the parties and operators read every entry with who did it', async () => {
      const { body } = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      await confirm(admin, body.payment.id).expect(200);
      for (const m of [buyer, seller, admin]) {
        const res = await m.agent.get(`/api/deals/${dealId}/ledger`).expect(200);
        const kinds = res.body.entries.map((e: { kind: string }) => e.kind);
        assert.deepEqual(kinds, ['payment_started', 'payment_received']);
        const received = res.body.entries[1];
        assert.equal(received.amount, 5_000_000);
        assert.equal(received.currency, 'VND');
        assert.equal(received.provider, 'bank_transfer');
        assert.equal(received.reference, body.payment.reference);
        assert.equal(received.actorId, admin.user.id);
        assert.equal(received.source, 'operator');
        assert.equal(res.body.entries[0].actorId, buyer.user.id);
      }
    });

    it('when a party of another deal or an outsider asks, then 404; the broker, 403', async () => {
      const otherSeller = await signUp(t.app, { kind: 'institute' });
      const otherDeal = await agreedDeal(otherSeller, outsider);
      await outsider.agent.get(`/api/deals/${dealId}/ledger`).expect(404);
      await buyer.agent.get(`/api/deals/${otherDeal}/ledger`).expect(404);
      await broker.agent.get(`/api/deals/${dealId}/ledger`).expect(403);
      await buyer.agent
        .post(`/api/deals/${otherDeal}/payments`)
        .send({ provider: 'bank_transfer' })
        .expect(404);
    });
  });

  describe('receipts', () => {
    it('when a fee is paid, then its receipt is printable HTML in Vietnamese or English', async () => {
      const { body } = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      const paid = await confirm(admin, body.payment.id).expect(200);
      const vi = await buyer.agent.get(`/api/payments/${body.payment.id}/receipt?lang=vi`).expect(200);
      assert.match(vi.headers['content-type'], /^text\/html/);
      assert.ok(vi.text.includes(paid.body.payment.receiptNumber));
      assert.ok(vi.text.includes('Biên lai thanh toán'));
      assert.ok(vi.text.includes('5.000.000'));
      assert.ok(vi.text.includes('Công ty Nước Sạch Hà Nội'));
      assert.ok(vi.text.includes(body.payment.reference));
      const en = await seller.agent.get(`/api/payments/${body.payment.id}/receipt?lang=en`).expect(200);
      assert.ok(en.text.includes('Payment receipt'));
      assert.ok(en.text.includes('5,000,000'));
      assert.ok(en.text.includes('Bank transfer'));
      await admin.agent.get(`/api/payments/${body.payment.id}/receipt`).expect(200);
    });

    it('when the deal title holds markup, then the receipt shows it as text', async () => {
      const hostile = await agreedDeal(seller, buyer, { title: '<script>alert("x")</script> & co' });
      const { body } = await pay(buyer, { provider: 'bank_transfer' }, hostile).expect(201);
      await confirm(admin, body.payment.id).expect(200);
      const res = await buyer.agent.get(`/api/payments/${body.payment.id}/receipt`).expect(200);
      assert.ok(!res.text.includes('<script>'));
      assert.ok(res.text.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'));
    });

    it('when the fee is not paid yet, then 409; an outsider or the broker gets 404; a bad lang 400', async () => {
      const { body } = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      await buyer.agent.get(`/api/payments/${body.payment.id}/receipt`).expect(409);
      await confirm(admin, body.payment.id).expect(200);
      await outsider.agent.get(`/api/payments/${body.payment.id}/receipt`).expect(404);
      await broker.agent.get(`/api/payments/${body.payment.id}/receipt`).expect(404);
      await outsider.agent.get(`/api/payments/${body.payment.id}`).expect(404);
      const bad = await buyer.agent.get(`/api/payments/${body.payment.id}/receipt?lang=fr`).expect(400);
      assert.equal(bad.body.error.details[0].field, 'lang');
    });
  });

  describe('refunds', () => {
    const refund = (m: Member, id: string, reason = 'Giao dịch bị huỷ theo thoả thuận') =>
      m.agent.post(`/api/admin/payments/${id}/refund`).send({ reason });

    it('when the deal is cancelled, then an operator refunds a paid bank transfer and the ledger records it', async () => {
      const { body } = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      await confirm(admin, body.payment.id).expect(200);
      await refund(admin, body.payment.id).expect(409);
      await DealModel.updateOne({ _id: dealId }, { $set: { status: 'cancelled' } });
      await refund(buyer, body.payment.id).expect(403);
      const res = await refund(admin, body.payment.id).expect(200);
      assert.equal(res.body.payment.status, 'refunded');
      assert.equal(res.body.payment.refundReason, 'Giao dịch bị huỷ theo thoả thuận');
      assert.equal(res.body.payment.refundedBy, admin.user.id);
      await refund(admin, body.payment.id).expect(409);
      const ledger = await buyer.agent.get(`/api/deals/${dealId}/ledger`).expect(200);
      const last = ledger.body.entries.at(-1);
      assert.deepEqual(
        [last.kind, last.amount, last.actorId, last.note],
        ['refund', 5_000_000, admin.user.id, 'Giao dịch bị huỷ theo thoả thuận'],
      );
    });

    it('when the payment was by card, then Stripe is asked for a refund of its PaymentIntent, once', async () => {
      const { body } = await pay(buyer, { provider: 'stripe' }).expect(201);
      await PaymentModel.updateOne(
        { _id: body.payment.id },
        { $set: { status: 'paid', paidAt: new Date(), 'stripe.paymentIntentId': 'pi_test_paid' } },
      );
      await DealModel.updateOne({ _id: dealId }, { $set: { status: 'cancelled' } });
      const res = await refund(admin, body.payment.id).expect(200);
      assert.equal(res.body.payment.status, 'refunded');
      assert.match(res.body.payment.stripe.refundId, /^re_/);
      assert.equal(stripe.refundParams.length, 1);
      assert.equal(stripe.refundParams[0].payment_intent, 'pi_test_paid');
      assert.equal(stripe.refunds[0].idempotencyKey, `refund-${body.payment.id}`);
      await refund(admin, body.payment.id).expect(409);
      assert.equal(stripe.refundParams.length, 1);
    });

    it('when the payment is pending or the reason is missing, then 409 or 400', async () => {
      const { body } = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      await DealModel.updateOne({ _id: dealId }, { $set: { status: 'cancelled' } });
      await refund(admin, body.payment.id).expect(409);
      const res = await admin.agent
        .post(`/api/admin/payments/${body.payment.id}/refund`)
        .send({})
        .expect(400);
      assert.equal(res.body.error.details[0].field, 'reason');
    });
  });

  describe('operators’ list and the providers on offer', () => {
    it('when an operator lists pending payments, then they come with the deal and the payer; members get 403', async () => {
      const a = await pay(buyer, { provider: 'bank_transfer' }).expect(201);
      const b = await pay(seller, { provider: 'bank_transfer' }).expect(201);
      await confirm(admin, b.body.payment.id).expect(200);
      const res = await admin.agent.get('/api/admin/payments?status=pending');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(
        res.body.payments.map((p: { id: string }) => p.id),
        [a.body.payment.id],
      );
      assert.equal(res.body.payments[0].payerOrgName, 'Công ty Nước Sạch Hà Nội');
      assert.equal(res.body.payments[0].dealTitle, 'Công nghệ xử lý nước thải bằng màng sinh học');
      await buyer.agent.get('/api/admin/payments').expect(403);
      const bad = await admin.agent.get('/api/admin/payments?status=lost').expect(400);
      assert.equal(bad.body.error.details[0].field, 'status');
    });

    it('then the API document describes the payment routes', async () => {
      const res = await request(t.app).get('/api/openapi.json').expect(200);
      assert.ok(res.body.paths['/api/deals/{id}/payments'].post.requestBody);
      assert.ok(res.body.paths['/api/deals/{id}/fees'].get);
      assert.ok(res.body.paths['/api/payments/stripe/webhook'].post);
      assert.ok(res.body.paths['/api/admin/payments/{id}/refund'].post);
    });

    it('when Stripe keys are configured, then cards and bank transfers are offered', async () => {
      const res = await request(t.app).get('/api/payments/providers').expect(200);
      assert.deepEqual(res.body.providers, ['stripe', 'bank_transfer']);
    });

    it('when no Stripe key is configured, then only bank transfer is offered and a card payment is refused clearly', async () => {
      const bankOnly = await createTestApp({ STRIPE_SECRET_KEY: undefined as unknown as string });
      const res = await request(bankOnly.app).get('/api/payments/providers').expect(200);
      assert.deepEqual(res.body.providers, ['bank_transfer']);
      const member = await signUp(bankOnly.app, { kind: 'enterprise' });
      const deal = await agreedDeal(seller, member);
      const refused = await member.agent
        .post(`/api/deals/${deal}/payments`)
        .send({ provider: 'stripe' })
        .expect(400);
      assert.equal(refused.body.error.details[0].field, 'provider');
      assert.match(refused.body.error.message, /bank transfer/);
      await member.agent.post(`/api/deals/${deal}/payments`).send({ provider: 'bank_transfer' }).expect(201);
      const event = signedEvent('checkout.session.completed', { id: 'cs_1', object: 'checkout.session' });
      await deliver(bankOnly.app, event).expect(400);
    });
  });
});
