import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { agreedDeal } from '../api/payments-helpers';
import { DealModel } from '../../server/deals/deal.model';
import { PaymentModel } from '../../server/payments/payment.model';
import { LedgerEntryModel } from '../../server/payments/ledger.model';

describe('security: payments between the two parties', () => {
  let t: TestApp;
  let seller: Member;
  let buyer: Member;
  let admin: Member;
  let dealId: string;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    [seller, buyer, admin] = await Promise.all([
      signUp(t.app, { kind: 'institute' }),
      signUp(t.app, { kind: 'enterprise' }),
      signInAdmin(t.app),
    ]);
    dealId = await agreedDeal(seller, buyer);
  });

  it('when the buyer starts a card payment, then the seller and operators read the payment without its Checkout URL; the buyer with it', async () => {
    const started = await buyer.agent
      .post(`/api/deals/${dealId}/payments`)
      .send({ provider: 'stripe' })
      .expect(201);
    const { payment, checkoutUrl } = started.body;
    assert.ok(checkoutUrl);
    const own = await buyer.agent.get(`/api/payments/${payment.id}`).expect(200);
    assert.equal(own.body.payment.checkoutUrl, checkoutUrl);
    for (const other of [seller, admin]) {
      const res = await other.agent.get(`/api/payments/${payment.id}`).expect(200);
      assert.equal(res.body.payment.status, 'pending');
      assert.equal(res.body.payment.checkoutUrl, undefined);
      assert.ok(!JSON.stringify(res.body).includes(checkoutUrl));
    }
  });

  it('when the deal was cancelled, then an operator cannot confirm its pending transfer (409) and nothing is written', async () => {
    const started = await buyer.agent
      .post(`/api/deals/${dealId}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    await DealModel.updateOne({ _id: dealId }, { $set: { status: 'cancelled' } });
    const ledgerBefore = await LedgerEntryModel.countDocuments({});
    const res = await admin.agent
      .post(`/api/admin/payments/${started.body.payment.id}/confirm`)
      .send({})
      .expect(409);
    assert.equal(res.body.error.code, 'conflict');
    const stored = await PaymentModel.findById(started.body.payment.id).lean();
    assert.equal(stored!.status, 'pending');
    assert.equal(stored!.confirmedBy, undefined);
    assert.equal(await LedgerEntryModel.countDocuments({}), ledgerBefore);
    assert.equal((await DealModel.findById(dealId).lean())!.status, 'cancelled');
  });
});
