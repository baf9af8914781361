import assert from 'node:assert/strict';
import {
  allocateProportionally,
  DEFAULT_FEE_SCHEDULE,
  type FeeSchedule,
  allFeesPaid,
  dealFeeLines,
  dealFeeLinesWithBrokerShares,
  paymentForLine,
} from '../../server/fees';
import {
  deliverySettled,
  milestoneSettled,
  owedForMilestone,
  planConfirmTransfer,
  planRecordTransfer,
} from '../../server/deals/milestone-settlement';
import type { PaymentStatus } from '../../server/api-contract/enums';

const sheet = (price: number, milestones: number[]) => ({
  version: 1,
  price,
  currency: 'VND',
  milestones: milestones.map((amount) => ({ amount })),
});

const shape = (lines: { milestone?: number; payer: string; amount: number; credited?: number }[]) =>
  lines.map((l) => [l.milestone ?? 0, l.payer, l.amount, ...(l.credited ? [l.credited] : [])]);

describe('allocateProportionally', () => {
  it('shares a total in proportion, in whole units that add up to it exactly', () => {
    assert.deepEqual(
      allocateProportionally(12_000_000, [100, 100, 200, 200]),
      [2_000_000, 2_000_000, 4_000_000, 4_000_000],
    );
    assert.deepEqual(allocateProportionally(10, [1, 1, 1]), [4, 3, 3]);
    assert.deepEqual(allocateProportionally(5, [0, 1, 1]), [0, 3, 2]);
    const shares = allocateProportionally(1_000_003, [333_333, 333_333, 333_334]);
    assert.equal(
      shares.reduce((a, x) => a + x, 0),
      1_000_003,
    );
  });

  it('gives nothing when there is nothing to share or nothing to weigh', () => {
    assert.deepEqual(allocateProportionally(0, [1, 2]), [0, 0]);
    assert.deepEqual(allocateProportionally(100, [0, 0]), [0, 0]);
  });
});

describe('success fees per milestone', () => {
  const deal = (delivery: { n: number; status: string; acceptedAmount?: number }[] = [], extra = {}) => ({
    agreedVersion: 1,
    termSheets: [sheet(600_000_000, [100_000_000, 200_000_000, 200_000_000])],
    delivery,
    ...extra,
  });

  it('owes only the share on signing until a milestone is accepted', () => {
    assert.deepEqual(shape(dealFeeLines(deal(), DEFAULT_FEE_SCHEDULE)), [
      [0, 'buyer', 1_000_000],
      [0, 'seller', 1_000_000],
    ]);
  });

  it('owes nothing on signing when the milestones carry the whole price', () => {
    const whole = { agreedVersion: 1, termSheets: [sheet(500_000_000, [250_000_000, 250_000_000])] };
    assert.deepEqual(dealFeeLines(whole, DEFAULT_FEE_SCHEDULE), []);
  });

  it('owes each accepted milestone’s share: reduced in proportion for a partial amount, none when cancelled', () => {
    const lines = dealFeeLines(
      deal([
        { n: 1, status: 'accepted' },
        { n: 2, status: 'cancelled' },
        { n: 3, status: 'accepted', acceptedAmount: 50_000_000 },
      ]),
      DEFAULT_FEE_SCHEDULE,
    );
    assert.deepEqual(shape(lines), [
      [0, 'buyer', 1_000_000],
      [0, 'seller', 1_000_000],
      [1, 'buyer', 1_000_000],
      [1, 'seller', 1_000_000],
      [3, 'buyer', 500_000],
      [3, 'seller', 500_000],
    ]);
  });

  it('keeps the whole deal’s minimum: the fee is shared out, not reckoned again per milestone', () => {
    const small = {
      agreedVersion: 1,
      termSheets: [sheet(20_000_000, [10_000_000, 10_000_000])],
      delivery: [
        { n: 1, status: 'accepted' },
        { n: 2, status: 'accepted' },
      ],
    };
    // 2 % of 20,000,000 is 400,000, below the 2,000,000 minimum: the minimum is what is shared.
    const lines = dealFeeLines(small, DEFAULT_FEE_SCHEDULE);
    assert.equal(
      lines.reduce((a, l) => a + l.amount, 0),
      2_000_000,
    );
    assert.deepEqual(shape(lines), [
      [1, 'buyer', 500_000],
      [1, 'seller', 500_000],
      [2, 'buyer', 500_000],
      [2, 'seller', 500_000],
    ]);
  });

  it('credits the deposit against its payer’s lines in the order they fall due, planned lines included', () => {
    const credited = deal([{ n: 1, status: 'accepted' }], {
      depositCredit: { amount: 1_500_000, currency: 'VND' },
    });
    assert.deepEqual(shape(dealFeeLines(credited, DEFAULT_FEE_SCHEDULE)), [
      [0, 'buyer', 0, 1_000_000],
      [0, 'seller', 1_000_000],
      [1, 'buyer', 500_000, 500_000],
      [1, 'seller', 1_000_000],
    ]);
  });

  it('shares the broker’s commission over every planned line, due with each', () => {
    const all = deal(
      [
        { n: 1, status: 'accepted' },
        { n: 2, status: 'accepted' },
        { n: 3, status: 'accepted' },
      ],
      { brokerUserId: 'broker' },
    );
    const { commission, lines } = dealFeeLinesWithBrokerShares(all, DEFAULT_FEE_SCHEDULE);
    assert.equal(commission, 3_600_000);
    assert.equal(
      lines.reduce((a, l) => a + l.brokerShare, 0),
      3_600_000,
    );
    const onSigning = dealFeeLinesWithBrokerShares(
      deal([], { brokerUserId: 'broker' }),
      DEFAULT_FEE_SCHEDULE,
    );
    assert.deepEqual(
      onSigning.lines.map((l) => l.brokerShare),
      [300_000, 300_000],
    );
  });

  it('matches a payment to its line by milestone as well as purpose and payer', () => {
    const lines = dealFeeLines(deal([{ n: 1, status: 'accepted' }]), DEFAULT_FEE_SCHEDULE);
    const paid = (milestone: number | undefined, payer: string) => ({
      purpose: 'success_fee',
      payer,
      milestone,
      status: 'paid' as PaymentStatus,
      createdAt: new Date(),
    });
    const onSigning = [paid(undefined, 'buyer'), paid(undefined, 'seller')];
    assert.equal(allFeesPaid(lines, onSigning), false);
    assert.equal(paymentForLine(lines[2], onSigning), undefined);
    assert.equal(allFeesPaid(lines, [...onSigning, paid(1, 'buyer'), paid(1, 'seller')]), true);
  });

  it('leaves a deal without milestones as it was: the whole fee on signing', () => {
    const plain = { agreedVersion: 1, termSheets: [sheet(600_000_000, [])] };
    const schedule: FeeSchedule = {
      ...DEFAULT_FEE_SCHEDULE,
      successFee: { ...DEFAULT_FEE_SCHEDULE.successFee, payer: 'buyer' },
    };
    assert.deepEqual(shape(dealFeeLines(plain, schedule)), [[0, 'buyer', 12_000_000]]);
  });
});

describe('settling a milestone between the parties', () => {
  const accepted = { n: 1, status: 'accepted', amount: 100 };

  it('owes the amount, the part accepted, or nothing once cancelled', () => {
    assert.equal(owedForMilestone(accepted), 100);
    assert.equal(owedForMilestone({ ...accepted, acceptedAmount: 60 }), 60);
    assert.equal(owedForMilestone({ ...accepted, status: 'cancelled' }), 0);
  });

  it('lets only the buyer record, once accepted, what is owed, until confirmed', () => {
    assert.deepEqual(planRecordTransfer(accepted, 'buyer', {}), { ok: true, amount: 100 });
    assert.equal((planRecordTransfer(accepted, 'seller', {}) as { code: string }).code, 'forbidden');
    assert.equal(
      (planRecordTransfer({ ...accepted, status: 'delivered' }, 'buyer', {}) as { code: string }).code,
      'conflict',
    );
    assert.equal(
      (planRecordTransfer(accepted, 'buyer', { amount: 99 }) as { field?: string }).field,
      'amount',
    );
    const confirmed = {
      ...accepted,
      transfer: { amount: 100, recordedAt: new Date(), confirmedAt: new Date() },
    };
    assert.equal((planRecordTransfer(confirmed, 'buyer', {}) as { code: string }).code, 'conflict');
  });

  it('lets only the seller confirm a recorded payment, once', () => {
    const recorded = { ...accepted, transfer: { amount: 100, recordedAt: new Date() } };
    assert.deepEqual(planConfirmTransfer(recorded, 'seller'), { ok: true, amount: 100 });
    assert.equal((planConfirmTransfer(recorded, 'buyer') as { code: string }).code, 'forbidden');
    assert.equal((planConfirmTransfer(accepted, 'seller') as { code: string }).code, 'conflict');
    const confirmed = { ...recorded, transfer: { ...recorded.transfer, confirmedAt: new Date() } };
    assert.equal((planConfirmTransfer(confirmed, 'seller') as { code: string }).code, 'conflict');
  });

  it('counts a milestone settled when accepted, confirmed received and its fees paid, or cancelled', () => {
    const confirmed = {
      ...accepted,
      transfer: { amount: 100, recordedAt: new Date(), confirmedAt: new Date() },
    };
    assert.equal(milestoneSettled(accepted, true), false);
    assert.equal(milestoneSettled(confirmed, false), false);
    assert.equal(milestoneSettled(confirmed, true), true);
    assert.equal(milestoneSettled({ ...accepted, status: 'cancelled' }, false), true);
    assert.equal(milestoneSettled({ ...accepted, amount: 0 }, true), true);
    assert.equal(
      deliverySettled([confirmed, { n: 2, status: 'delivered', amount: 5 }], () => true),
      false,
    );
    assert.equal(
      deliverySettled([confirmed, { n: 2, status: 'cancelled' }], () => true),
      true,
    );
    assert.equal(
      deliverySettled([], () => true),
      false,
    );
  });
});
