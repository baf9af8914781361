import assert from 'node:assert/strict';
import { brokerCommissionShares, computeBrokerCommission, DEFAULT_FEE_SCHEDULE } from '../../server/fees';
import { dealListEntries } from '../../server/read-models/owner-list-keys';
import { refusalConflict, verificationState } from '../../server/organizations/verification-rules';

describe('broker desk and verification rules', () => {
  it('the broker’s commission divides over its fee lines in integers that add up exactly', () => {
    const schedule = { ...DEFAULT_FEE_SCHEDULE, brokerShareBps: 3333 };
    // An odd fee: 2 % of 1,000,050,001 VND = 20,001,000 split 10,000,500 / 10,000,500.
    const price = 1_000_050_001;
    const commission = computeBrokerCommission({ price, currency: 'VND', hasBroker: true }, schedule)!.amount;
    const shares = brokerCommissionShares(
      [{ amount: 10_000_500 }, { amount: 10_000_500 }],
      commission,
      schedule,
    );
    assert.ok(shares.every(Number.isSafeInteger));
    assert.equal(shares[0] + shares[1], commission);
    assert.deepEqual(
      brokerCommissionShares([{ amount: 3_000_000 }, { amount: 3_000_000 }], 1_800_000, DEFAULT_FEE_SCHEDULE),
      [900_000, 900_000],
    );
    assert.deepEqual(
      brokerCommissionShares([{ amount: 6_000_000 }], 1_800_000, DEFAULT_FEE_SCHEDULE),
      [1_800_000],
    );
    assert.deepEqual(brokerCommissionShares([], 0, DEFAULT_FEE_SCHEDULE), []);
  });

  it('a deal with a broker proposal is in the proposed broker’s list, and leaves it once the broker is seated', () => {
    const at = new Date('2026-12-03T00:00:00Z');
    const deal = { _id: 'd1', sellerOrgId: 's', buyerOrgId: 'b', status: 'negotiating', updatedAt: at };
    const proposed = { ...deal, brokerProposal: { userId: 'k', orgId: 's', role: 'seller', at } };
    assert.deepEqual(
      dealListEntries(proposed).map(([key]) => key),
      ['deal:org:s', 'deal:org:b', 'deal:proposed:k'],
    );
    assert.deepEqual(
      dealListEntries({ ...deal, brokerUserId: 'k' }).map(([key]) => key),
      ['deal:org:s', 'deal:org:b', 'deal:user:k'],
    );
  });

  it('an organization may be refused while it awaits verification only', () => {
    assert.equal(verificationState({ verified: false }), 'pending');
    assert.equal(refusalConflict({ verified: false }), null);
    assert.equal(verificationState({ verified: false, refusal: { reason: 'x' } }), 'refused');
    assert.match(refusalConflict({ verified: false, refusal: { reason: 'x' } })!, /refused/);
    assert.equal(verificationState({ verified: true }), 'verified');
    assert.match(refusalConflict({ verified: true })!, /verified/);
  });
});
