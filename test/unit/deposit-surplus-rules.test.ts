/** A winner's deposit beyond its deal's fees: what is refunded, step by step and once, and what a forfeit may take. */
import assert from 'node:assert/strict';
import {
  afterSurplusFailure,
  depositHeld,
  depositSurplus,
  forfeitableAmount,
  planSurplusRefund,
  retriedSurplusRefund,
  SURPLUS_REFUND_MAX_FAILURES,
  surplusStatusOf,
  type SurplusDeposit,
} from '../../server/payments/deposit-surplus-rules';
import { DEFAULT_FEE_SCHEDULE } from '../../server/fees';

const M = 1_000_000;
const schedule = DEFAULT_FEE_SCHEDULE;

function deal(
  price: number,
  opts: {
    deposit?: number;
    agreed?: boolean;
    milestones?: number[];
    delivery?: { n: number; status: string; acceptedAmount?: number }[];
    payer?: string;
    currency?: string;
  } = {},
) {
  return {
    agreedVersion: opts.agreed === false ? null : 1,
    termSheets: [
      {
        version: 1,
        price,
        currency: 'VND',
        milestones: (opts.milestones ?? []).map((amount) => ({ amount })),
      },
    ],
    depositCredit: {
      amount: opts.deposit ?? 10 * M,
      currency: opts.currency ?? 'VND',
      payer: opts.payer ?? 'buyer',
    },
    delivery: opts.delivery ?? [],
  };
}

const paid = (refunds: SurplusDeposit['refunds'] = [], outcome = 'credited'): SurplusDeposit => ({
  status: 'paid',
  amount: 10 * M,
  outcome,
  refunds,
});

describe('deposit surplus rules', () => {
  describe('depositSurplus', () => {
    it('is what the deposit holds beyond its payer’s share of the fees, once terms are agreed', () => {
      // 2 % of 180,000,000 ₫ split: the buyer owes 1,800,000; a 10,000,000 deposit leaves 8,200,000.
      assert.equal(depositSurplus(deal(180 * M), schedule), 8_200_000);
      assert.equal(depositSurplus(deal(180 * M, { agreed: false }), schedule), null);
      // A deposit smaller than the fee is all taken.
      assert.equal(depositSurplus(deal(180 * M, { deposit: 1 * M }), schedule), 0);
      // The seller's deposit (a call's proposer) counts against the seller's share.
      assert.equal(depositSurplus(deal(180 * M, { payer: 'seller' }), schedule), 8_200_000);
      // A deposit in another currency covers nothing: all of it is surplus.
      assert.equal(depositSurplus(deal(180 * M, { currency: 'USD' }), schedule), 10 * M);
    });

    it('counts every milestone’s share at what it stands to owe: a milestone cancelled or accepted for less frees more', () => {
      // 300,000,000 ₫: the 6,000,000 fee is spread 2,000,000 over signing and each milestone, half each side.
      assert.equal(depositSurplus(deal(300 * M, { milestones: [100 * M, 100 * M] }), schedule), 7 * M);
      assert.equal(
        depositSurplus(
          deal(300 * M, { milestones: [100 * M, 100 * M], delivery: [{ n: 2, status: 'cancelled' }] }),
          schedule,
        ),
        8 * M,
      );
      assert.equal(
        depositSurplus(
          deal(300 * M, {
            milestones: [100 * M, 100 * M],
            delivery: [{ n: 1, status: 'accepted', acceptedAmount: 50 * M }],
          }),
          schedule,
        ),
        7_500_000,
      );
    });
  });

  describe('planSurplusRefund', () => {
    it('refunds the surplus once, under a key naming the total it brings the refunds to', () => {
      assert.deepEqual(planSurplusRefund(paid(), 8_200_000), {
        kind: 'refund',
        refund: { key: 'surplus-8200000', amount: 8_200_000, status: 'claimed' },
      });
      const done = paid([{ key: 'surplus-8200000', amount: 8_200_000, status: 'succeeded' }]);
      assert.deepEqual(planSurplusRefund(done, 8_200_000), { kind: 'none' });
    });

    it('when the surplus grows (a milestone cancelled), refunds only the difference, under a new key', () => {
      const first = paid([{ key: 'surplus-7000000', amount: 7 * M, status: 'succeeded' }]);
      assert.deepEqual(planSurplusRefund(first, 8 * M), {
        kind: 'refund',
        refund: { key: 'surplus-8000000', amount: 1 * M, status: 'claimed' },
      });
    });

    it('finishes a step claimed but not finished before any other', () => {
      const claimed = { key: 'surplus-7000000', amount: 7 * M, status: 'pending' as const, refundId: 're_1' };
      assert.deepEqual(planSurplusRefund(paid([claimed]), 8 * M), { kind: 'resume', refund: claimed });
    });

    it('refunds nothing before terms are agreed, without a surplus, or of a deposit neither credited nor forfeited', () => {
      assert.deepEqual(planSurplusRefund(paid(), null), { kind: 'none' });
      assert.deepEqual(planSurplusRefund(paid(), 0), { kind: 'none' });
      assert.deepEqual(planSurplusRefund({ ...paid(), outcome: null }, 5 * M), { kind: 'none' });
      assert.deepEqual(planSurplusRefund({ ...paid(), status: 'refunded' }, 5 * M), { kind: 'none' });
    });

    it('still refunds the surplus of a deposit forfeited since (it was never the forfeit’s), never beyond what was paid', () => {
      assert.equal(planSurplusRefund(paid([], 'forfeited'), 8_200_000).kind, 'refund');
      const step = planSurplusRefund(paid(), 12 * M);
      assert.equal(step.kind === 'refund' && step.refund.amount, 10 * M);
    });
  });

  describe('what a forfeit takes', () => {
    it('only what the deposit still holds beyond the surplus, refunded or due', () => {
      const refunded = paid([{ key: 'surplus-8200000', amount: 8_200_000, status: 'succeeded' }]);
      assert.equal(depositHeld(refunded), 1_800_000);
      assert.equal(forfeitableAmount(refunded, 8_200_000), 1_800_000);
      // Due but not refunded yet: the forfeit leaves it to the refund.
      assert.equal(forfeitableAmount(paid(), 8_200_000), 1_800_000);
      // No terms agreed: the whole deposit.
      assert.equal(forfeitableAmount(paid(), null), 10 * M);
      // Never below nothing, never above what was paid.
      assert.equal(forfeitableAmount(paid(), 12 * M), 0);
      assert.equal(forfeitableAmount(paid(), -5), 10 * M);
    });
  });

  describe('a step that keeps failing', () => {
    it('is left to the job’s retry until it failed SURPLUS_REFUND_MAX_FAILURES times, then handed to an operator', () => {
      let step: { status: 'claimed' | 'needs_operator'; failures: number } = {
        status: 'claimed',
        failures: 0,
      };
      for (let i = 1; i < SURPLUS_REFUND_MAX_FAILURES; i++) {
        step = afterSurplusFailure(step) as typeof step;
        assert.deepEqual(step, { status: 'claimed', failures: i });
      }
      assert.deepEqual(afterSurplusFailure(step), {
        status: 'needs_operator',
        failures: SURPLUS_REFUND_MAX_FAILURES,
      });
    });

    it('is handed over at once when Stripe said the refund failed, or at the first failure after an operator’s retry', () => {
      assert.deepEqual(afterSurplusFailure({ status: 'failed' }), { status: 'needs_operator', failures: 1 });
      assert.deepEqual(afterSurplusFailure({ status: 'claimed', retries: 1 }), {
        status: 'needs_operator',
        failures: 1,
      });
      assert.deepEqual(afterSurplusFailure({ status: 'pending', failures: 1 }), {
        status: 'pending',
        failures: 2,
      });
    });

    it('is left as it is once done or an operator’s, and holds the next steps until the operator settles it', () => {
      assert.equal(afterSurplusFailure({ status: 'succeeded' }), null);
      assert.equal(afterSurplusFailure({ status: 'needs_operator', failures: 4 }), null);
      const stuck = paid([{ key: 'surplus-7000000', amount: 7 * M, status: 'needs_operator' }]);
      assert.deepEqual(planSurplusRefund(stuck, 8 * M), { kind: 'none' });
      const retried = paid([{ key: 'surplus-7000000', amount: 7 * M, status: 'claimed', retries: 1 }]);
      assert.equal(planSurplusRefund(retried, 8 * M).kind, 'resume');
    });
  });

  describe('an operator’s retry', () => {
    it('claims the step again, forgets its failures, and keeps its key unless Stripe made a refund under it that failed', () => {
      const unanswered = {
        key: 'surplus-7000000',
        amount: 7 * M,
        status: 'needs_operator' as const,
        failures: 4,
      };
      assert.deepEqual(retriedSurplusRefund(unanswered), {
        ...unanswered,
        status: 'claimed',
        refundId: null,
        failures: 0,
        retries: 1,
        keyRound: 0,
      });
      const refused = { ...unanswered, failures: 1, refundId: 're_1', retries: 1, keyRound: 0 };
      assert.deepEqual(retriedSurplusRefund(refused), {
        ...refused,
        status: 'claimed',
        refundId: null,
        failures: 0,
        retries: 2,
        keyRound: 1,
      });
    });
  });

  it('reads a Stripe refund’s status as a step’s', () => {
    assert.deepEqual(['succeeded', 'pending', 'requires_action', 'failed', 'canceled'].map(surplusStatusOf), [
      'succeeded',
      'pending',
      'pending',
      'failed',
      'failed',
    ]);
  });
});
