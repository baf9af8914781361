import assert from 'node:assert/strict';
import {
  applyPaymentEvent,
  canRequestRefund,
  PAYMENT_EVENTS,
  PAYMENT_STATUSES,
  type PaymentEvent,
  type PaymentStatus,
} from '../../server/payments/payment-lifecycle';

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
