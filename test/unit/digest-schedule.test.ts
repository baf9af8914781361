import assert from 'node:assert/strict';
import { nextDigestAt, nextMailerRunIn, RETRY_EVERY_MS } from '../../server/mail/digest-schedule';

describe('when the notification mailer runs', () => {
  it('when the digest time is hours away, then it waits the retry interval, no longer', () => {
    assert.equal(nextMailerRunIn(new Date('2026-12-05T12:00:00Z')), RETRY_EVERY_MS);
  });

  it('when the digest time comes before the next retry, then it runs a second past the digest time', () => {
    const now = new Date('2026-12-05T00:55:00Z');
    const at = now.getTime() + nextMailerRunIn(now);
    assert.equal(at, nextDigestAt(now).getTime() + 1000);
    assert.ok(at - now.getTime() < RETRY_EVERY_MS);
  });

  it('when it is the digest time itself, then the next run is the retry interval away (the digest was just sent)', () => {
    const digest = new Date('2026-12-05T01:00:01Z');
    assert.equal(nextMailerRunIn(digest), RETRY_EVERY_MS);
  });
});
