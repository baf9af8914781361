import assert from 'node:assert/strict';
import { TokenBuckets } from '../../server/realtime/token-bucket';

describe('TokenBuckets (send rate per user and room)', () => {
  it('when a sender spends the whole burst, then the next send is refused until tokens come back', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, 2, () => now);
    assert.deepEqual(
      [1, 2, 3, 4].map(() => buckets.take('u1:d1')),
      [true, true, true, false],
    );
    now = 499;
    assert.equal(buckets.take('u1:d1'), false);
    now = 500;
    assert.equal(buckets.take('u1:d1'), true);
  });

  it('when two rooms or two people send, then each has its own bucket', () => {
    const buckets = new TokenBuckets(1, 1, () => 0);
    assert.equal(buckets.take('u1:d1'), true);
    assert.equal(buckets.take('u1:d2'), true);
    assert.equal(buckets.take('u2:d1'), true);
    assert.equal(buckets.take('u1:d1'), false);
  });

  it('when a bucket has long been full again, then it is forgotten', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, 1, () => now);
    for (let i = 0; i < 10; i++) buckets.take(`idle-${i}`);
    now = 60_000;
    for (let i = 0; i < 1000; i++) buckets.take('busy');
    assert.equal(buckets.size, 1);
  });
});
