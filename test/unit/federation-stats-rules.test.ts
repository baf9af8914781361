/** The pure rules of per-partner statistics (stats-rules.ts): all, and the last 30 days. */
import assert from 'node:assert/strict';
import { RECENT_DAYS, recentSince, trafficOf } from '../../server/federation/stats-rules';

describe('federation statistics rules', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  const daysAgo = (n: number) => new Date(+now - n * 24 * 60 * 60 * 1000);

  it('starts the recent window 30 days before now', () => {
    assert.equal(RECENT_DAYS, 30);
    assert.equal(recentSince(now).toISOString(), '2026-11-05T12:00:00.000Z');
  });

  it('counts inquiries and answers in all and since the window start (its first moment included)', () => {
    const since = recentSince(now);
    assert.deepEqual(trafficOf([daysAgo(40), daysAgo(30), daysAgo(1)], [daysAgo(31), now], since), {
      inquiries: 3,
      answers: 2,
      recentInquiries: 2,
      recentAnswers: 1,
    });
    assert.deepEqual(trafficOf([], [], since), {
      inquiries: 0,
      answers: 0,
      recentInquiries: 0,
      recentAnswers: 0,
    });
  });
});
