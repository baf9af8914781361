import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signUp, type Member } from '../helpers/factories';
import { createNotification } from '../../server/notifications/notification.service';
import { NotificationModel } from '../../server/notifications/notification.model';
import {
  catchUpPublications,
  handleListingPublished,
  startPublishListener,
} from '../../server/notifications/publish-listener.starter';
import type { DomainEvents } from '../../server/common/events';
import { signInAdmin } from '../helpers/factories';
import { watchCommands } from '../helpers/command-watch';
import { PublicationNoticeModel } from '../../server/notifications/publication-notice.model';
import { publicationNoticeIds } from '../../server/migrations/003-publication-notice-ids';
import { clearRecordCaches } from '../../server/common/record-cache';
import { createDemand, createOffer, WASTEWATER_OFFER } from './matching-fixtures';

const owner = (m: Member) => ({ orgId: m.orgId, userId: m.user.id });
const note = (userId: string, n: number) => ({
  userId,
  type: 'test',
  title: { vi: `Thông báo ${n}`, en: `Notification ${n}` },
  body: { vi: 'Nội dung', en: 'Body' },
  link: '/search',
});

describe('notifications', () => {
  let t: TestApp;
  let alice: Member;
  let bob: Member;

  before(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase();
    await t.ctx.search.clear();
    alice = await signUp(t.app, { kind: 'enterprise' });
    bob = await signUp(t.app, { kind: 'institute' });
  });

  describe('GET /api/notifications', () => {
    it('lists only your own notifications, newest first, in your language or ?lang=', async () => {
      await createNotification(t.ctx, note(alice.user.id, 1));
      await createNotification(t.ctx, note(alice.user.id, 2));
      await createNotification(t.ctx, note(bob.user.id, 3));
      const res = await alice.agent.get('/api/notifications').expect(200);
      assert.equal(res.body.total, 2);
      assert.equal(res.body.unread, 2);
      assert.deepEqual(
        res.body.notifications.map((n: { title: string }) => n.title),
        ['Thông báo 2', 'Thông báo 1'],
      );
      assert.equal(res.body.notifications[0].read, false);
      const en = await alice.agent.get('/api/notifications?lang=en').expect(200);
      assert.equal(en.body.notifications[0].title, 'Notification 2');
    });

    it('pages, and filters to the unread ones', async () => {
      for (let i = 1; i <= 3; i++) await createNotification(t.ctx, note(alice.user.id, i));
      const first = await NotificationModel.findOne({ userId: alice.user.id, 'title.en': 'Notification 1' });
      await alice.agent.post(`/api/notifications/${first!._id}/read`).expect(200);
      const unread = await alice.agent.get('/api/notifications?unread=true').expect(200);
      assert.equal(unread.body.total, 2);
      assert.equal(unread.body.unread, 2);
      const page2 = await alice.agent.get('/api/notifications?page=2&limit=2').expect(200);
      assert.equal(page2.body.notifications.length, 1);
      assert.equal(page2.body.total, 3);
    });

    it('refuses anonymous callers and bad paging, naming the field', async () => {
      await request(t.app).get('/api/notifications').expect(401);
      const res = await alice.agent.get('/api/notifications?page=0').expect(400);
      assert.equal(res.body.error.details[0].field, 'page');
    });
  });

  describe('marking read', () => {
    it('marks one read, then all, and the unread count follows', async () => {
      const one = await createNotification(t.ctx, note(alice.user.id, 1));
      await createNotification(t.ctx, note(alice.user.id, 2));
      const read = await alice.agent.post(`/api/notifications/${one!.id}/read`).expect(200);
      assert.equal(read.body.notification.read, true);
      assert.ok(read.body.notification.readAt);
      assert.equal((await alice.agent.get('/api/notifications').expect(200)).body.unread, 1);
      const all = await alice.agent.post('/api/notifications/read-all').expect(200);
      assert.equal(all.body.updated, 1);
      assert.equal((await alice.agent.get('/api/notifications').expect(200)).body.unread, 0);
    });

    it('someone else’s notification is not found, and a bad id is refused', async () => {
      const bobs = await createNotification(t.ctx, note(bob.user.id, 1));
      await alice.agent.post(`/api/notifications/${bobs!.id}/read`).expect(404);
      assert.equal((await NotificationModel.findById(bobs!.id).lean())!.readAt ?? null, null);
      const bad = await alice.agent.post('/api/notifications/xyz/read').expect(400);
      assert.equal(bad.body.error.details[0].field, 'id');
      await request(t.app).post('/api/notifications/read-all').expect(401);
    });
  });

  it('GET /api/notifications/settings shows the saved preferences', async () => {
    const before = await alice.agent.get('/api/notifications/settings').expect(200);
    assert.deepEqual(before.body.notificationPrefs, { email: true, frequency: 'instant' });
    await alice.agent
      .patch('/api/auth/me')
      .send({ notificationPrefs: { frequency: 'daily' } })
      .expect(200);
    const after = await alice.agent.get('/api/notifications/settings').expect(200);
    assert.deepEqual(after.body.notificationPrefs, { email: true, frequency: 'daily' });
  });

  it('a new notification is pushed on the bus to its user', async () => {
    const pushed: DomainEvents['notification.created'][] = [];
    const off = t.ctx.bus.subscribe('notification.created', (e) => pushed.push(e));
    await createNotification(t.ctx, note(alice.user.id, 1));
    await new Promise((r) => setImmediate(r));
    off();
    assert.equal(pushed.length, 1);
    assert.equal(pushed[0].userId, alice.user.id);
    assert.equal((pushed[0].notification as { title: string }).title, 'Thông báo 1');
  });

  describe('when a listing is published', () => {
    it('the members of organizations with a matching listing are notified, with the reasons', async () => {
      const colleague = await signUp(t.app, { kind: 'enterprise' });
      await createDemand(t.ctx, owner(alice));
      const offerId = await createOffer(t.ctx, owner(bob));
      await handleListingPublished(t.ctx, { kind: 'offer', id: offerId });
      const mine = await alice.agent.get('/api/notifications?lang=en').expect(200);
      assert.equal(mine.body.total, 1);
      const n = mine.body.notifications[0];
      assert.equal(n.type, 'listing.match');
      assert.equal(n.link, `/offers/${offerId}`);
      assert.match(n.title, /^New matching offer: Công nghệ xử lý nước thải/);
      assert.match(n.body, /match for your demand/);
      assert.match(n.body, /same field: environmental engineering/);
      assert.equal(n.data.listingId, offerId);
      // The publisher's own organization and unrelated people hear nothing.
      assert.equal((await bob.agent.get('/api/notifications').expect(200)).body.total, 0);
      assert.equal((await colleague.agent.get('/api/notifications').expect(200)).body.total, 0);
    });

    it('matches of one listing are grouped: one unread entry that counts them, a new one once it is read', async () => {
      const demandId = await createDemand(t.ctx, owner(alice));
      const deal = await createNotification(t.ctx, note(alice.user.id, 1));
      const first = await createOffer(t.ctx, owner(bob));
      await handleListingPublished(t.ctx, { kind: 'offer', id: first });
      const second = await createOffer(t.ctx, owner(bob), {
        title: 'Công nghệ xử lý nước thải bằng màng MBR',
      });
      await handleListingPublished(t.ctx, { kind: 'offer', id: second });
      const third = await createOffer(t.ctx, owner(bob), { title: 'Công nghệ xử lý nước thải dệt nhuộm' });
      await handleListingPublished(t.ctx, { kind: 'offer', id: third });
      // Delivered again: counted once.
      await handleListingPublished(t.ctx, { kind: 'offer', id: second });

      const bell = await alice.agent.get('/api/notifications?lang=en').expect(200);
      assert.equal(bell.body.total, 2);
      assert.equal(bell.body.unread, 2);
      const [grouped, other] = bell.body.notifications;
      assert.equal(grouped.type, 'listing.match');
      assert.match(grouped.title, /^3 new matching offers for your demand/);
      assert.match(grouped.body, /^Newest: New matching offer: Công nghệ xử lý nước thải dệt nhuộm/);
      assert.equal(grouped.link, `/demands/${demandId}`);
      assert.deepEqual(grouped.data.listingIds, [first, second, third]);
      assert.equal(grouped.data.count, 3);
      // The other notification is still there, below the newest match.
      assert.equal(other.id, deal!.id);

      await alice.agent.post(`/api/notifications/${grouped.id}/read`).expect(200);
      const fourth = await createOffer(t.ctx, owner(bob), { title: 'Công nghệ xử lý nước thải chăn nuôi' });
      await handleListingPublished(t.ctx, { kind: 'offer', id: fourth });
      const after = await alice.agent.get('/api/notifications?lang=en').expect(200);
      assert.equal(after.body.total, 3);
      assert.match(
        after.body.notifications[0].title,
        /^New matching offer: Công nghệ xử lý nước thải chăn nuôi/,
      );
    });

    it('a listing that matches nothing well enough notifies no one', async () => {
      await createDemand(t.ctx, owner(alice));
      const offerId = await createOffer(t.ctx, owner(bob), {
        title: 'Vắc xin phòng bệnh cho cá tra',
        summary: 'Vắc xin tiêm.',
        description: 'Vắc xin bất hoạt.',
        keywords: ['vắc xin'],
        field: 'agricultural_sciences',
        subField: 'veterinary_science',
        trl: 3,
      });
      await handleListingPublished(t.ctx, { kind: 'offer', id: offerId });
      assert.equal(await NotificationModel.countDocuments({}), 0);
    });

    it('when the publish event arrives twice, then each person is notified once', async () => {
      await createDemand(t.ctx, owner(alice));
      const offerId = await createOffer(t.ctx, owner(bob));
      const worker = await startPublishListener(t.ctx, { httpServer: null as never, built: t.built });
      const pushed: string[] = [];
      const off = t.ctx.bus.subscribe('notification.created', (e) => pushed.push(e.userId));
      try {
        t.ctx.bus.publish('listing.published', { kind: 'offer', id: offerId });
        t.ctx.bus.publish('listing.published', { kind: 'offer', id: offerId });
        await handleListingPublished(t.ctx, { kind: 'offer', id: offerId });
      } finally {
        await worker.stop();
        off();
      }
      await new Promise((r) => setImmediate(r));
      assert.equal(await NotificationModel.countDocuments({ userId: alice.user.id }), 1);
      assert.deepEqual(pushed, [alice.user.id]);
    });

    it('approving an offer through the API notifies the owner of a matching demand', async () => {
      const worker = await startPublishListener(t.ctx, { httpServer: null as never, built: t.built });
      try {
        await createDemand(t.ctx, owner(alice));
        const created = await bob.agent
          .post('/api/offers')
          .send({ ...WASTEWATER_OFFER, pricing: { model: 'fixed', amount: 1_500_000_000, currency: 'VND' } })
          .expect(201);
        const offerId = created.body.offer.id;
        await bob.agent.post(`/api/offers/${offerId}/submit`).expect(200);
        const admin = await signInAdmin(t.app);
        await admin.agent.post(`/api/admin/offers/${offerId}/approve`).expect(200);
      } finally {
        // Stopping waits for the listener's work in hand: the approval's event is handled by then.
        await worker.stop();
      }
      const mine = await alice.agent.get('/api/notifications').expect(200);
      assert.equal(mine.body.total, 1);
      assert.equal(mine.body.notifications[0].data.listingKind, 'offer');
    });

    it('when the event was lost, then the catch-up run notifies about the listing once', async () => {
      await createDemand(t.ctx, owner(alice));
      await createOffer(t.ctx, owner(bob));
      const handledNow = await catchUpPublications(t.ctx);
      // The demand was published just now too, so its match (bob's offer) is told as well.
      assert.equal(handledNow, 2);
      assert.equal(await NotificationModel.countDocuments({ userId: alice.user.id }), 1);
      assert.equal(await NotificationModel.countDocuments({ userId: bob.user.id }), 1);
      assert.equal(await catchUpPublications(t.ctx), 0);
      assert.equal(await NotificationModel.countDocuments({}), 2);
    });

    it('when the catch-up runs, then it reads the publications and their notices by _id, never asking the database to filter every listing', async () => {
      await createDemand(t.ctx, owner(alice));
      await createOffer(t.ctx, owner(bob));
      assert.equal(await catchUpPublications(t.ctx), 2);
      clearRecordCaches();
      const watch = watchCommands();
      try {
        assert.equal(await catchUpPublications(t.ctx), 0);
      } finally {
        watch.stop();
      }
      const notices = watch.asked.filter((a) => a.collection === 'publicationnotices');
      assert.equal(notices.length, 1, JSON.stringify(watch.asked));
      assert.deepEqual(Object.keys(notices[0].filter as object), ['_id']);
      const listings = watch.asked.filter((a) => ['offers', 'demands'].includes(a.collection));
      for (const a of listings) assert.deepEqual(Object.keys(a.filter as object), ['_id'], JSON.stringify(a));
    });

    it('when a listing was noticed before notices were keyed by _id, then after the migration the catch-up does not notify about it again', async () => {
      await createDemand(t.ctx, owner(alice));
      const offerId = await createOffer(t.ctx, owner(bob));
      assert.equal(await catchUpPublications(t.ctx), 2);
      const before = await NotificationModel.countDocuments({});
      // The offer's notice as it was recorded before: under a generated _id.
      await PublicationNoticeModel.collection.deleteOne({ _id: `offer:${offerId}` } as never);
      await PublicationNoticeModel.create({ key: `offer:${offerId}`, notified: 1 });
      await publicationNoticeIds.up();
      assert.equal(await catchUpPublications(t.ctx), 0);
      assert.equal(await NotificationModel.countDocuments({}), before);
      const notices = await PublicationNoticeModel.find({ key: `offer:${offerId}` }).lean();
      assert.deepEqual(
        notices.map((n) => [String(n._id), n.notified]),
        [[`offer:${offerId}`, 1]],
      );
    });

    it('when a listing published minutes ago was noticed by the version before (under a generated _id), then the catch-up finds its notice by key and does not notify again', async () => {
      const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000);
      const offerId = await createOffer(t.ctx, owner(bob), { publishedAt: fiveMinutesAgo });
      await PublicationNoticeModel.create({ key: `offer:${offerId}`, notified: 0 });
      assert.equal(await catchUpPublications(t.ctx), 0);
      assert.equal(await NotificationModel.countDocuments({}), 0);
      assert.equal(await PublicationNoticeModel.countDocuments({}), 1);
    });

    it('listings published long ago are left to the past', async () => {
      const longAgo = new Date(Date.now() - 3 * 3_600_000);
      await createDemand(t.ctx, owner(alice), { publishedAt: longAgo });
      await createOffer(t.ctx, owner(bob), { publishedAt: longAgo });
      await catchUpPublications(t.ctx);
      assert.equal(await NotificationModel.countDocuments({}), 0);
    });
  });
});
