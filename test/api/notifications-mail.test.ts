/**
 * Notification mail reaching a real SMTP server (smtp-server, in this process, on a free port):
 * instant mail, daily digests batching a day's notifications into one mail, email turned off.
 */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { decoded, startSmtp } from '../helpers/smtp-inbox';
import { signUp, type Member } from '../helpers/factories';
import { createNotification } from '../../server/notifications/notification.service';
import { NotificationModel } from '../../server/notifications/notification.model';
import { sendDueDigests } from '../../server/notifications/notification-mailer';
import { nextDigestAt } from '../../server/mail/digest-schedule';
import { handleListingPublished } from '../../server/notifications/publish-listener.starter';
import { createDemand, createOffer } from './matching-fixtures';

const note = (userId: string, n: number) => ({
  userId,
  type: 'test',
  title: { vi: `Thông báo số ${n}`, en: `Notification number ${n}` },
  body: { vi: 'Nội dung', en: 'Body' },
  link: '/search',
});

describe('notification mail through SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let alice: Member;

  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'San <no-reply@san.test>',
    });
  });

  after(async () => {
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  beforeEach(async () => {
    await resetDatabase();
    await t.ctx.search.clear();
    smtp.inbox.length = 0;
    alice = await signUp(t.app, { kind: 'enterprise' });
  });

  it('when email is instant, then each notification arrives as its own mail', async () => {
    await createNotification(t.ctx, note(alice.user.id, 1));
    assert.equal(smtp.inbox.length, 1);
    const mail = smtp.inbox[0];
    assert.deepEqual(mail.to, [alice.user.email]);
    assert.equal(mail.from, 'no-reply@san.test');
    const text = decoded(mail.raw);
    assert.match(text, /Subject: Thông báo số 1/);
    assert.match(text, /\/search/);
    const stored = await NotificationModel.findOne({ userId: alice.user.id }).lean();
    assert.equal(stored!.mailState, 'sent');
    assert.ok(stored!.mailedAt);
    assert.equal((await sendDueDigests(t.ctx, new Date(Date.now() + 2 * 86_400_000))).mails, 0);
  });

  it('a published listing that matches reaches its owner’s inbox', async () => {
    const bob = await signUp(t.app, { kind: 'institute' });
    await createDemand(t.ctx, { orgId: alice.orgId, userId: alice.user.id });
    const offerId = await createOffer(t.ctx, { orgId: bob.orgId, userId: bob.user.id });
    await handleListingPublished(t.ctx, { kind: 'offer', id: offerId });
    assert.equal(smtp.inbox.length, 1);
    assert.match(decoded(smtp.inbox[0].raw), /Công nghệ mới phù hợp: Công nghệ xử lý nước thải/);
  });

  describe('daily digest', () => {
    beforeEach(async () => {
      await alice.agent
        .patch('/api/auth/me')
        .send({ notificationPrefs: { frequency: 'daily' } })
        .expect(200);
    });

    it('two notifications arrive as one mail when the digest time comes, and only once', async () => {
      const now = new Date();
      await createNotification(t.ctx, note(alice.user.id, 1), now);
      await createNotification(t.ctx, note(alice.user.id, 2), now);
      assert.equal(smtp.inbox.length, 0);

      const early = await sendDueDigests(t.ctx, new Date(nextDigestAt(now).getTime() - 1000));
      assert.equal(early.mails, 0);
      assert.equal(smtp.inbox.length, 0);

      const due = await sendDueDigests(t.ctx, nextDigestAt(now));
      assert.deepEqual(due, { mails: 1, notifications: 2, failed: 0 });
      assert.equal(smtp.inbox.length, 1);
      const text = decoded(smtp.inbox[0].raw);
      assert.match(text, /Thông báo số 1/);
      assert.match(text, /Thông báo số 2/);
      assert.match(text, /2 thông báo mới/);

      const again = await sendDueDigests(t.ctx, new Date(nextDigestAt(now).getTime() + 60_000));
      assert.equal(again.mails, 0);
      assert.equal(smtp.inbox.length, 1);
    });

    it('each user gets their own digest', async () => {
      const bob = await signUp(t.app, { kind: 'institute' });
      await bob.agent
        .patch('/api/auth/me')
        .send({ notificationPrefs: { frequency: 'daily' } })
        .expect(200);
      const now = new Date();
      await createNotification(t.ctx, note(alice.user.id, 1), now);
      await createNotification(t.ctx, note(bob.user.id, 2), now);
      await sendDueDigests(t.ctx, nextDigestAt(now));
      assert.deepEqual(smtp.inbox.map((m) => m.to[0]).sort(), [alice.user.email, bob.user.email].sort());
    });

    it('two mailers running at once send the digest once', async () => {
      const now = new Date();
      await createNotification(t.ctx, note(alice.user.id, 1), now);
      await createNotification(t.ctx, note(alice.user.id, 2), now);
      const [a, b] = await Promise.all([
        sendDueDigests(t.ctx, nextDigestAt(now)),
        sendDueDigests(t.ctx, nextDigestAt(now)),
      ]);
      assert.equal(a.mails + b.mails, 1);
      assert.equal(smtp.inbox.length, 1);
    });
  });

  it('when email is off, then nothing is mailed but the notification is still listed', async () => {
    await alice.agent
      .patch('/api/auth/me')
      .send({ notificationPrefs: { email: false } })
      .expect(200);
    await createNotification(t.ctx, note(alice.user.id, 1));
    await sendDueDigests(t.ctx, new Date(Date.now() + 2 * 86_400_000));
    assert.equal(smtp.inbox.length, 0);
    assert.equal((await alice.agent.get('/api/notifications').expect(200)).body.total, 1);
  });

  it('when email is turned off before the digest goes out, then the digest is not sent', async () => {
    await alice.agent
      .patch('/api/auth/me')
      .send({ notificationPrefs: { frequency: 'daily' } })
      .expect(200);
    const now = new Date();
    await createNotification(t.ctx, note(alice.user.id, 1), now);
    await alice.agent
      .patch('/api/auth/me')
      .send({ notificationPrefs: { email: false } })
      .expect(200);
    await sendDueDigests(t.ctx, nextDigestAt(now));
    assert.equal(smtp.inbox.length, 0);
  });
});

describe('notification mail when the SMTP server is down', () => {
  let t: TestApp;
  let alice: Member;

  before(async () => {
    t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
  });

  beforeEach(async () => {
    await resetDatabase();
    alice = await signUp(t.app, { kind: 'enterprise' });
  });

  it('the notification is still created and its mail stays owed for the next run', async () => {
    const created = await createNotification(t.ctx, note(alice.user.id, 1));
    assert.ok(created);
    const stored = await NotificationModel.findOne({ userId: alice.user.id }).lean();
    assert.equal(stored!.mailState, 'pending');
  });
});

describe('digest time', () => {
  it('is the next 01:00 UTC (08:00 in Vietnam) strictly after the given time', () => {
    assert.equal(nextDigestAt(new Date('2025-03-10T00:59:59Z')).toISOString(), '2025-03-10T01:00:00.000Z');
    assert.equal(nextDigestAt(new Date('2025-03-10T01:00:00Z')).toISOString(), '2025-03-11T01:00:00.000Z');
    assert.equal(nextDigestAt(new Date('2025-12-31T23:00:00Z')).toISOString(), '2026-01-01T01:00:00.000Z');
  });
});
