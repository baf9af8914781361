import assert from 'node:assert/strict';
import {
  canConfirmRoyaltyReport,
  canFileRoyaltyReport,
  ROYALTY_PERIOD,
} from '../../server/deals/royalty-rules';
import { computeRoyalty, computeRoyaltyFees, DEFAULT_FEE_SCHEDULE } from '../../server/fees';

describe('royalty reports (pure rules)', () => {
  const filing = {
    role: 'buyer' as const,
    status: 'closed_won' as const,
    royaltyPct: 3.5,
    agreedCurrency: 'VND',
    currency: 'VND',
    period: '2026-Q3',
    periodsFiled: [] as string[],
  };

  it('when the licensee files for a new period of an agreed royalty deal, then it may', () => {
    assert.equal(canFileRoyaltyReport(filing), null);
    assert.equal(canFileRoyaltyReport({ ...filing, status: 'awaiting_payment' }), null);
    // A licensee whose licensor is still delivering milestones reports too.
    assert.equal(canFileRoyaltyReport({ ...filing, status: 'delivering' }), null);
  });

  it('when someone else files, the deal is not agreed, sets no royalty, the period is filed or the currency differs, then it is refused', () => {
    assert.equal(canFileRoyaltyReport({ ...filing, role: 'seller' })?.code, 'forbidden');
    assert.equal(canFileRoyaltyReport({ ...filing, role: 'broker' })?.code, 'forbidden');
    assert.equal(canFileRoyaltyReport({ ...filing, status: 'negotiating' })?.code, 'conflict');
    for (const status of ['agreed', 'cancelled', 'closed_lost'] as const)
      assert.equal(canFileRoyaltyReport({ ...filing, status })?.code, 'conflict', status);
    assert.equal(canFileRoyaltyReport({ ...filing, royaltyPct: 0 })?.code, 'conflict');
    assert.equal(canFileRoyaltyReport({ ...filing, royaltyPct: undefined })?.code, 'conflict');
    assert.equal(canFileRoyaltyReport({ ...filing, periodsFiled: ['2026-Q3'] })?.code, 'conflict');
    assert.deepEqual(canFileRoyaltyReport({ ...filing, currency: 'USD' }), {
      code: 'validation',
      field: 'currency',
      message: "currency must be the deal's, VND",
    });
  });

  it('only the licensor confirms, and only once', () => {
    assert.equal(canConfirmRoyaltyReport('seller', undefined), null);
    assert.equal(canConfirmRoyaltyReport('buyer', undefined)?.code, 'forbidden');
    assert.equal(canConfirmRoyaltyReport('seller', new Date())?.code, 'conflict');
  });

  it('periods are months or quarters', () => {
    for (const ok of ['2026-01', '2026-12', '2026-Q1', '2026-Q4']) assert.match(ok, ROYALTY_PERIOD);
    for (const bad of ['2026-00', '2026-13', '2026-Q5', '26-Q1', '2026-7'])
      assert.doesNotMatch(bad, ROYALTY_PERIOD);
  });

  it('the royalty is rounded half up to the minor unit, and the fee on it is split with the odd unit to the buyer', () => {
    assert.equal(computeRoyalty(123_456_789, 3.5, 'VND'), 4_320_988);
    assert.equal(computeRoyalty(1_000, 2.25, 'USD'), 23); // 22.5 cents → 23
    assert.equal(computeRoyalty(0, 5, 'VND'), 0);
    assert.throws(() => computeRoyalty(1.5, 5, 'VND'), RangeError);
    // 2 % of 1,001 = 20.02 → 20, split 10 / 10; of 1,025 = 20.5 → 21, split 11 / 10.
    assert.deepEqual(
      computeRoyaltyFees(1_025, 'VND', DEFAULT_FEE_SCHEDULE).map((l) => [l.payer, l.amount, l.purpose]),
      [
        ['buyer', 11, 'royalty_fee'],
        ['seller', 10, 'royalty_fee'],
      ],
    );
    // The deal's minimum fee does not apply to a royalty; nothing is owed on nothing.
    assert.deepEqual(computeRoyaltyFees(0, 'VND', DEFAULT_FEE_SCHEDULE), []);
  });
});
