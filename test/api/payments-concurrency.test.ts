import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { connectTestDatabase, resetDatabase } from '../helpers/test-app';
import { PaymentModel } from '../../server/payments/payment.model';
import { applyEventToPayment } from '../../server/payments/payment-transitions';

describe('payments under concurrent events', () => {
  before(connectTestDatabase);
  beforeEach(resetDatabase);

  it('when paid, expired and failed events for one payment arrive at the same moment, then it ends paid and recorded once', async () => {
    const id = new mongoose.Types.ObjectId();
    await PaymentModel.create({
      _id: id,
      dealId: new mongoose.Types.ObjectId(),
      purpose: 'success_fee',
      payer: 'buyer',
      payerOrgId: new mongoose.Types.ObjectId(),
      amount: 2_000_000,
      currency: 'VND',
      provider: 'stripe',
      reference: 'TX-RACE01',
      idempotencyKey: `race-${id}`,
      createdBy: new mongoose.Types.ObjectId(),
      status: 'pending',
    });
    const events = Array.from({ length: 30 }, (_, i) => (['expired', 'paid', 'failed'] as const)[i % 3]);
    await Promise.all(
      events.map((e, i) => applyEventToPayment(id, e, { source: 'stripe', stripeEventId: `evt_${i}` })),
    );
    const payment = await PaymentModel.findById(id).lean();
    assert.equal(payment!.status, 'paid');
    assert.ok(payment!.paidAt);
    const toPaid = (payment!.history ?? []).filter((h) => h.to === 'paid');
    assert.equal(toPaid.length, 1);
  });
});
