import assert from 'node:assert/strict';
import {
  applyPaymentEvent,
  canRequestRefund,
  PAYMENT_EVENTS,
  type PaymentEvent,
} from '../../server/payments/payment-lifecycle';
import { readStripeEvent } from '../../server/payments/stripe-event-mapping';
import { PAYMENT_STATUSES, type PaymentStatus } from '../../server/api-contract/enums';

/** Expected status after each event, by hand: rows are the current status. */
const EXPECTED: Record<PaymentStatus, Record<PaymentEvent, PaymentStatus>> = {
  pending: { paid: 'paid', failed: 'failed', expired: 'failed', refunded: 'refunded' },
  failed: { paid: 'paid', failed: 'failed', expired: 'failed', refunded: 'refunded' },
  paid: { paid: 'paid', failed: 'paid', expired: 'paid', refunded: 'refunded' },
  refunded: { paid: 'refunded', failed: 'refunded', expired: 'refunded', refunded: 'refunded' },
};

function replay(events: readonly PaymentEvent[], from: PaymentStatus = 'pending'): PaymentStatus {
  return events.reduce((status, e) => applyPaymentEvent(status, e).next, from);
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('payment life cycle', () => {
  describe('every status × event', () => {
    for (const current of PAYMENT_STATUSES) {
      for (const event of PAYMENT_EVENTS) {
        const next = EXPECTED[current][event];
        it(`${event} on a ${current} payment → ${next}`, () => {
          const result = applyPaymentEvent(current, event);
          assert.equal(result.next, next);
          assert.equal(result.changed, next !== current);
        });
      }
    }
  });

  it('when a payment is paid, then a late failure or expiry does not undo it', () => {
    assert.deepEqual(applyPaymentEvent('paid', 'failed'), {
      next: 'paid',
      changed: false,
      effect: 'superseded',
    });
    assert.deepEqual(applyPaymentEvent('paid', 'expired'), {
      next: 'paid',
      changed: false,
      effect: 'superseded',
    });
  });

  it('when the same event arrives twice, then the second changes nothing', () => {
    for (const event of PAYMENT_EVENTS) {
      const once = applyPaymentEvent('pending', event);
      const twice = applyPaymentEvent(once.next, event);
      assert.equal(twice.next, once.next);
      assert.equal(twice.changed, false);
      assert.equal(twice.effect, 'duplicate');
    }
  });

  it('an expired checkout is recorded as failed', () => {
    assert.deepEqual(applyPaymentEvent('pending', 'expired'), {
      next: 'failed',
      changed: true,
      effect: 'applied',
    });
  });

  it('when a card fails and then succeeds, then the payment is paid', () => {
    assert.equal(replay(['failed', 'paid']), 'paid');
  });

  it('whatever order the events arrive in, the outcome is the same', () => {
    const histories: PaymentEvent[][] = [
      ['paid', 'failed'],
      ['paid', 'expired', 'failed'],
      ['paid', 'refunded'],
      ['failed', 'paid', 'refunded', 'expired'],
    ];
    for (const history of histories) {
      const outcomes = new Set(permutations(history).map((order) => replay(order)));
      assert.equal(outcomes.size, 1, `${history.join(', ')} gave ${[...outcomes].join(' / ')}`);
    }
  });

  it('whatever is delivered more than once, the outcome is the same', () => {
    assert.equal(replay(['paid', 'paid', 'failed', 'paid', 'expired']), 'paid');
    assert.equal(replay(['refunded', 'paid', 'refunded', 'paid']), 'refunded');
  });

  it('a refund can be requested only for a paid payment', () => {
    assert.deepEqual(
      PAYMENT_STATUSES.filter((s) => canRequestRefund(s)),
      ['paid'],
    );
  });
});

describe('reading Stripe events', () => {
  const event = (type: string, object: Record<string, unknown>) => ({ id: 'evt_1', type, data: { object } });
  const session = {
    id: 'cs_1',
    client_reference_id: 'p1',
    metadata: { paymentId: 'p1' },
    payment_intent: 'pi_1',
  };

  it('when a Checkout Session completes paid, then it means paid, with its session and PaymentIntent', () => {
    assert.deepEqual(
      readStripeEvent(event('checkout.session.completed', { ...session, payment_status: 'paid' })),
      {
        paymentEvent: 'paid',
        paymentId: 'p1',
        checkoutSessionId: 'cs_1',
        paymentIntentId: 'pi_1',
      },
    );
  });

  it('when it completes unpaid (a delayed method), then nothing changes until the async outcome', () => {
    const unpaid = { ...session, payment_status: 'unpaid' };
    assert.equal(readStripeEvent(event('checkout.session.completed', unpaid))!.paymentEvent, undefined);
    assert.equal(
      readStripeEvent(event('checkout.session.async_payment_succeeded', unpaid))!.paymentEvent,
      'paid',
    );
    assert.equal(
      readStripeEvent(event('checkout.session.async_payment_failed', unpaid))!.paymentEvent,
      'failed',
    );
    assert.equal(readStripeEvent(event('checkout.session.expired', unpaid))!.paymentEvent, 'expired');
  });

  it('then the payment id falls back on client_reference_id, and an expanded PaymentIntent gives its id', () => {
    const bare = {
      id: 'cs_2',
      client_reference_id: 'p2',
      payment_intent: { id: 'pi_2' },
      payment_status: 'paid',
    };
    const notice = readStripeEvent(event('checkout.session.completed', bare))!;
    assert.equal(notice.paymentId, 'p2');
    assert.equal(notice.paymentIntentId, 'pi_2');
  });

  it('when a charge is refunded in full, then refunded; in part, nothing', () => {
    const charge = { id: 'ch_1', payment_intent: 'pi_1', refunded: true };
    assert.equal(readStripeEvent(event('charge.refunded', charge))!.paymentEvent, 'refunded');
    assert.equal(
      readStripeEvent(event('charge.refunded', { ...charge, refunded: false }))!.paymentEvent,
      undefined,
    );
  });

  it('when a refund succeeds, then refunded with its id; while pending, nothing', () => {
    const refund = { id: 're_1', payment_intent: 'pi_1', status: 'succeeded', metadata: { paymentId: 'p1' } };
    assert.deepEqual(readStripeEvent(event('refund.updated', refund)), {
      paymentEvent: 'refunded',
      paymentId: 'p1',
      paymentIntentId: 'pi_1',
      refundId: 're_1',
      refundStatus: 'succeeded',
    });
    assert.equal(
      readStripeEvent(event('refund.created', { ...refund, status: 'pending' }))!.paymentEvent,
      undefined,
    );
  });

  it('when a PaymentIntent fails, then failed; an event of another kind is not ours to read', () => {
    const intent = { id: 'pi_1', metadata: { paymentId: 'p1' } };
    assert.equal(readStripeEvent(event('payment_intent.payment_failed', intent))!.paymentEvent, 'failed');
    assert.equal(readStripeEvent(event('customer.created', { id: 'cus_1' })), null);
  });
});
