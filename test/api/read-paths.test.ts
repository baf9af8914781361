/**
 * The pages people open most ask the database for records by `_id` only: never a filter, a sort
 * or a count over a collection (FerretDB reads every document of the collection for those).
 * The driver's command events show what each request asked.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { demandBody, offerBody, published, submitted } from './offers-helpers';
import { terms } from './deals-helpers';
import { createNotification } from '../../server/notifications/notification.service';
import { notifyMessageWhileAway } from '../../server/negotiation/message-notices';
import { NotificationModel } from '../../server/notifications/notification.model';
import { catchUpMessages, postMessage } from '../../server/negotiation/message.service';
import { markRead, readMarkersOf } from '../../server/negotiation/read-marker.service';
import { LISTINGS_AWAITING_REVIEW, MAX_ENTRIES, putOwnerListEntries } from '../../server/read-models';
import { rebuildOwnerLists } from '../../server/owner-list-sync';
import { clearRecordCaches } from '../../server/common/record-cache';
import { OwnerListModel } from '../../server/read-models/owner-list.model';
import { watchCommands, type Asked } from '../helpers/command-watch';

/** What the request asked that is not a lookup by `_id`. */
function notById(asked: Asked[]): Asked[] {
  return asked.filter((a) => {
    if (a.command === 'count' || a.command === 'aggregate' || a.command === 'distinct') return true;
    const f = a.filter as Record<string, unknown>;
    return !f || typeof f !== 'object' || !('_id' in f);
  });
}

describe('pages read the database by _id only', function () {
  let t: TestApp;
  let seller: Member;
  let buyer: Member;
  let admin: Member;
  let offerId: string;
  let dealId: string;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    [seller, buyer, admin] = await Promise.all([
      signUp(t.app, { kind: 'institute' }),
      signUp(t.app, { kind: 'enterprise' }),
      signInAdmin(t.app),
    ]);
    offerId = (await published(seller, admin, 'offers', offerBody())).id;
    await published(seller, admin, 'offers', offerBody({ title: 'Công nghệ thứ hai' }));
    await submitted(seller, 'offers', offerBody({ title: 'Công nghệ chờ duyệt' }));
    await submitted(buyer, 'demands', demandBody({ title: 'Nhu cầu chờ duyệt' }));
    const deal = await buyer.agent.post('/api/deals').send({ offerId }).expect(201);
    dealId = deal.body.deal.id;
    await createNotification(t.ctx, {
      userId: seller.user.id,
      type: 'test.notice',
      title: { vi: 'Tin', en: 'News' },
    });
    for (const i of [1, 2]) {
      await postMessage(
        dealId,
        { userId: buyer.user.id, name: 'Bên mua', role: 'buyer' },
        { body: `Tin nhắn ${i}`, clientId: `read-paths-${i}`, audience: 'all' },
      );
    }
  });

  const pages: [string, () => Member | undefined, () => string][] = [
    ['a listing page', () => undefined, () => `/api/offers/${offerId}`],
    ['the public list', () => undefined, () => '/api/offers?limit=20'],
    ['my listings', () => seller, () => '/api/offers?mine=true'],
    ['my deals', () => buyer, () => '/api/deals'],
    ['a deal page', () => buyer, () => `/api/deals/${dealId}`],
    ['my notifications', () => seller, () => '/api/notifications'],
    ['the deal room history', () => buyer, () => `/api/deals/${dealId}/messages`],
    ['my unread messages', () => buyer, () => '/api/messages/unread'],
    ['a deal’s fees', () => buyer, () => `/api/deals/${dealId}/fees`],
    ['an organisation’s members', () => seller, () => `/api/organizations/${seller.orgId}/members`],
    ['the operators’ review queue', () => admin, () => '/api/admin/queue'],
  ];

  for (const [name, who, url] of pages) {
    it(`when ${name} is opened, then the database is asked by _id only`, async () => {
      const member = who();
      const get = () => (member ? member.agent.get(url()) : request(t.app).get(url()));
      await get().expect(200);
      const watch = watchCommands();
      try {
        await get().expect(200);
        // A lookup of our own, to know the watch sees what is asked.
        await mongoose.connection.db!.collection('owner_lists').findOne({ _id: 'watch-canary' } as never);
      } finally {
        watch.stop();
      }
      assert.ok(
        watch.asked.some((a) => JSON.stringify(a.filter).includes('watch-canary')),
        'the command watch sees the commands',
      );
      assert.deepEqual(notById(watch.asked), []);
    });
  }

  it('when someone signs in or asks for a reset link, known or not, then users are asked by _id only', async () => {
    const watch = watchCommands();
    try {
      await request(t.app)
        .post('/api/auth/login')
        .send({ email: seller.user.email.toUpperCase(), password: PASSWORD })
        .expect(200);
      await request(t.app)
        .post('/api/auth/login')
        .send({ email: 'nobody@example.vn', password: PASSWORD })
        .expect(401);
      await request(t.app).post('/api/auth/password-reset').send({ email: 'nobody@example.vn' }).expect(202);
    } finally {
      watch.stop();
    }
    assert.deepEqual(notById(watch.asked), []);
  });

  it('when someone joins a room, then its read receipts are read by _id only, and a rebuild keeps them', async () => {
    await markRead(dealId, seller.user.id, 1);
    await markRead(dealId, buyer.user.id, 2);
    const expected = [
      { userId: seller.user.id, seq: 1 },
      { userId: buyer.user.id, seq: 2 },
    ].sort((a, b) => a.userId.localeCompare(b.userId));
    const byUser = (m: { userId: string }[]) => [...m].sort((a, b) => a.userId.localeCompare(b.userId));
    const watch = watchCommands();
    let markers;
    try {
      markers = await readMarkersOf(dealId);
    } finally {
      watch.stop();
    }
    assert.deepEqual(byUser(markers), expected);
    assert.deepEqual(notById(watch.asked), []);
    await OwnerListModel.collection.deleteMany({});
    clearRecordCaches();
    await rebuildOwnerLists();
    assert.deepEqual(byUser(await readMarkersOf(dealId)), expected);
  });

  it('when a notification is stored, mailed at once and a room’s away notice is made, then the database is asked by _id only', async () => {
    const watch = watchCommands();
    let made: Awaited<ReturnType<typeof createNotification>> | undefined;
    try {
      made = await createNotification(t.ctx, {
        userId: buyer.user.id,
        type: 'test.instant',
        title: { vi: 'Tin ngay', en: 'Instant news' },
      });
      assert.ok(made);
      await notifyMessageWhileAway(t.ctx, {
        dealId,
        authorId: buyer.user.id,
        authorName: 'Bên mua',
        audience: 'all',
        body: 'Anh chị xem giúp bản điều khoản',
        seq: 3,
        online: [],
      });
    } finally {
      watch.stop();
    }
    assert.ok(
      watch.asked.some((a) => a.collection === 'notifications'),
      'the watch saw the notices',
    );
    assert.deepEqual(notById(watch.asked), []);
    const instant = await NotificationModel.findById(made!.id).lean();
    assert.equal(instant?.mailState, 'sent');
    const away = await seller.agent.get('/api/notifications').expect(200);
    assert.ok(away.body.notifications.some((n: { type: string }) => n.type === 'deal.message'));
  });

  const cachedPages: [string, () => Member, () => string][] = [
    ['a deal page', () => buyer, () => `/api/deals/${dealId}`],
    ['my deals', () => buyer, () => '/api/deals'],
    ['my notifications', () => seller, () => '/api/notifications'],
  ];

  for (const [name, who, url] of cachedPages) {
    it(`when ${name} is opened again, then it is served from the caches without asking the database`, async () => {
      const first = await who().agent.get(url()).expect(200);
      const watch = watchCommands();
      let again;
      try {
        again = await who().agent.get(url()).expect(200);
        await mongoose.connection.db!.collection('owner_lists').findOne({ _id: 'watch-canary' } as never);
      } finally {
        watch.stop();
      }
      assert.deepEqual(again.body, first.body);
      assert.deepEqual(
        watch.asked.map((a) => a.collection),
        ['owner_lists'],
        'only the canary lookup reached the database',
      );
    });
  }

  it('when the lists show records, then they are the same records a scan would find', async () => {
    const mine = await seller.agent.get('/api/offers?mine=true').expect(200);
    assert.equal(mine.body.total, 3);
    const deals = await buyer.agent.get('/api/deals').expect(200);
    assert.deepEqual(
      deals.body.deals.map((d: { id: string }) => d.id),
      [dealId],
    );
    const sellerDeals = await seller.agent.get('/api/deals').expect(200);
    assert.equal(sellerDeals.body.total, 1);
    const queue = await admin.agent.get('/api/admin/queue').expect(200);
    assert.deepEqual(
      queue.body.queue.map((l: { title: string }) => l.title),
      ['Công nghệ chờ duyệt', 'Nhu cầu chờ duyệt'],
    );
    assert.equal(queue.body.total, 2);
    const notes = await seller.agent.get('/api/notifications').expect(200);
    assert.equal(notes.body.unread, 1);
    await seller.agent.post('/api/notifications/read-all').expect(200);
    assert.equal((await seller.agent.get('/api/notifications').expect(200)).body.unread, 0);
  });

  it('when the review queue’s list is full (it may have let go of its oldest entries), then the queue is read from the listings themselves', async () => {
    // Entries newer than every real one fill the list; the real listings awaiting review fall off it.
    const later = Date.now() + 60_000;
    const filler = Array.from({ length: MAX_ENTRIES }, (_, i) => ({
      id: new mongoose.Types.ObjectId().toHexString(),
      s: 'offer',
      at: later + i,
    }));
    await putOwnerListEntries(LISTINGS_AWAITING_REVIEW, filler);
    const queue = await admin.agent.get('/api/admin/queue').expect(200);
    assert.deepEqual(
      queue.body.queue.map((l: { title: string }) => l.title),
      ['Công nghệ chờ duyệt', 'Nhu cầu chờ duyệt'],
    );
    assert.equal(queue.body.total, 2);
    const second = await admin.agent.get('/api/admin/queue?page=2&limit=1').expect(200);
    assert.deepEqual(
      second.body.queue.map((l: { title: string }) => l.title),
      ['Nhu cầu chờ duyệt'],
    );
  });

  it('when the owner lists are lost, then a rebuild from the records gives the same pages', async () => {
    const before = (await seller.agent.get('/api/offers?mine=true').expect(200)).body;
    const dealsBefore = (await buyer.agent.get('/api/deals').expect(200)).body;
    const queueBefore = (await admin.agent.get('/api/admin/queue').expect(200)).body;
    await OwnerListModel.collection.deleteMany({});
    clearRecordCaches(); // written past the store: this process's copies go too
    assert.equal((await seller.agent.get('/api/offers?mine=true').expect(200)).body.total, 0);
    await rebuildOwnerLists();
    assert.deepEqual((await seller.agent.get('/api/offers?mine=true').expect(200)).body, before);
    assert.deepEqual((await buyer.agent.get('/api/deals').expect(200)).body, dealsBefore);
    assert.deepEqual((await admin.agent.get('/api/admin/queue').expect(200)).body, queueBefore);
    // Sign-in finds people through their email's list, rebuilt too.
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: buyer.user.email, password: PASSWORD })
      .expect(200);
  });

  it('when the message slots are lost (a writer killed before writing them), then history finds the messages, writes the slots again, and a rebuild gives the same', async () => {
    const before = (await buyer.agent.get(`/api/deals/${dealId}/messages`).expect(200)).body;
    assert.equal(before.messages.length, 2);
    const slots = mongoose.connection.db!.collection('message_slots');
    await slots.deleteMany({});
    clearRecordCaches(); // written past the store: this process's copies go too
    assert.deepEqual((await buyer.agent.get(`/api/deals/${dealId}/messages`).expect(200)).body, before);
    const rewritten = await slots
      .find({ _id: { $in: before.messages.map((m: { seq: number }) => `${dealId}:${m.seq}`) } } as never)
      .toArray();
    assert.equal(rewritten.length, 2);
    await rebuildOwnerLists();
    assert.deepEqual((await buyer.agent.get(`/api/deals/${dealId}/messages`).expect(200)).body, before);
  });

  it('when a listing or its organisation changes, then the public list, the listing page and my listings show it at once, however often they were read before', async () => {
    const read = async () => {
      const list = (await request(t.app).get('/api/offers?limit=20').expect(200)).body.offers;
      const page = (await request(t.app).get(`/api/offers/${offerId}`).expect(200)).body.offer;
      const mine = (await seller.agent.get('/api/offers?mine=true').expect(200)).body.offers;
      return {
        listed: list.find((o: { id: string }) => o.id === offerId)?.organization.name,
        page: page.organization.name,
        mine: mine.find((o: { id: string }) => o.id === offerId)?.organization.name,
        count: list.length,
      };
    };
    const before = await read();
    await read(); // answered from what was kept
    await seller.agent.patch(`/api/organizations/${seller.orgId}`).send({ name: 'Viện Đổi Tên' }).expect(200);
    assert.deepEqual(await read(), {
      listed: 'Viện Đổi Tên',
      page: 'Viện Đổi Tên',
      mine: 'Viện Đổi Tên',
      count: before.count,
    });
    await seller.agent.delete(`/api/offers/${offerId}`).expect(200);
    const after = await read().catch(() => null);
    assert.equal(after, null, 'the withdrawn offer’s page is no longer public');
    const list = (await request(t.app).get('/api/offers?limit=20').expect(200)).body.offers;
    assert.equal(
      list.some((o: { id: string }) => o.id === offerId),
      false,
    );
    assert.equal(list.length, before.count - 1);
  });

  it('when a deal changes, then both sides see the change at once, each with their own role', async () => {
    const outsider = await signUp(t.app, { kind: 'enterprise' });
    const page = (m: Member) => m.agent.get(`/api/deals/${dealId}`);
    assert.equal((await page(seller).expect(200)).body.deal.myRole, 'seller');
    assert.equal((await page(buyer).expect(200)).body.deal.myRole, 'buyer');
    await outsider.agent.get(`/api/deals/${dealId}`).expect(404);
    await outsider.agent.get(`/api/deals/${dealId}/messages`).expect(404);
    const listed = (await seller.agent.get('/api/deals').expect(200)).body.deals[0];
    assert.equal(listed.latestVersion, 0);

    await buyer.agent
      .post(`/api/deals/${dealId}/terms`)
      .send({ price: 450_000_000, currency: 'VND', exclusivity: false, durationMonths: 24 })
      .expect(201);

    for (const [member, role] of [
      [seller, 'seller'],
      [buyer, 'buyer'],
    ] as const) {
      const deal = (await page(member).expect(200)).body.deal;
      assert.equal(deal.latestVersion, 1);
      assert.equal(deal.termSheets.length, 1);
      assert.equal(deal.myRole, role);
      const mine = (await member.agent.get('/api/deals').expect(200)).body.deals[0];
      assert.equal(mine.latestVersion, 1);
      assert.equal(mine.myRole, role);
    }
    await outsider.agent.get(`/api/deals/${dealId}`).expect(404);
  });

  it('when more messages come while a room’s away notice is unread, then they cost no lock or read of its group, and once it is read the next message makes a new one', async () => {
    const away = (seq: number) =>
      notifyMessageWhileAway(t.ctx, {
        dealId,
        authorId: buyer.user.id,
        authorName: 'Bên mua',
        audience: 'all',
        body: `Tin nhắn ${seq}`,
        seq,
        online: [],
      });
    const messageNotices = async () =>
      (await seller.agent.get('/api/notifications').expect(200)).body.notifications.filter(
        (n: { type: string }) => n.type === 'deal.message',
      );
    await away(3); // creates the notice
    await away(4); // finds it unread, under the group's lock
    const watch = watchCommands();
    try {
      await away(5);
      await away(6);
    } finally {
      watch.stop();
    }
    const groupWork = watch.asked.filter(
      (a) => a.collection === 'notifications' || JSON.stringify(a.filter).includes('notification-group:'),
    );
    assert.deepEqual(groupWork, []);
    const [notice] = await messageNotices();
    assert.equal((await messageNotices()).length, 1);

    await seller.agent.post(`/api/notifications/${notice.id}/read`).expect(200);
    await away(7);
    const after = await messageNotices();
    assert.equal(after.length, 2, 'a new notice once the first was read');
    assert.equal(after.filter((n: { readAt?: string }) => !n.readAt).length, 1);
  });

  it('when the second acceptance agrees a deal, then the deal comes from the cache before its locks and is read once for each write under them', async () => {
    await seller.agent.post(`/api/deals/${dealId}/terms`).send(terms(500_000_000)).expect(201);
    await seller.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const watch = watchCommands();
    let agreed;
    try {
      agreed = await buyer.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    } finally {
      watch.stop();
    }
    assert.equal(agreed.body.deal.status, 'awaiting_payment');
    const dealWrites = watch.asked.filter((a) => a.collection === 'deals' && a.command === 'findAndModify');
    const dealReads = watch.asked.filter((a) => a.collection === 'deals' && a.command === 'find');
    // Acceptance, agreement, request for payment; each planned on the deal read under the locks.
    assert.equal(dealWrites.length, 3);
    assert.equal(dealReads.length, dealWrites.length);
  });

  it('when a party starts paying its fee and asks again, then the payments are asked by _id only, and the second ask resumes the same payment', async () => {
    await seller.agent.post(`/api/deals/${dealId}/terms`).send(terms(500_000_000)).expect(201);
    await seller.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await buyer.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const watch = watchCommands();
    let first, again;
    try {
      first = await buyer.agent
        .post(`/api/deals/${dealId}/payments`)
        .send({ provider: 'bank_transfer' })
        .expect(201);
      again = await buyer.agent.post(`/api/deals/${dealId}/payments`).send({ provider: 'bank_transfer' });
    } finally {
      watch.stop();
    }
    assert.ok([200, 201].includes(again.status), JSON.stringify(again.body));
    assert.equal(again.body.payment.id, first.body.payment.id);
    const payments = watch.asked.filter((a) => a.collection === 'payments');
    assert.ok(payments.length > 0, 'the watch saw the payments read');
    assert.deepEqual(notById(payments), []);
  });

  it('when a notification is read, then its list shows it read at once, and nobody else sees it', async () => {
    const list = (await seller.agent.get('/api/notifications').expect(200)).body;
    assert.equal(list.unread, 1);
    assert.equal((await buyer.agent.get('/api/notifications').expect(200)).body.total, 0);
    const id = list.notifications[0].id;
    await buyer.agent.post(`/api/notifications/${id}/read`).expect(404);
    assert.equal(
      (await seller.agent.get('/api/notifications').expect(200)).body.notifications[0].read,
      false,
    );

    await seller.agent.post(`/api/notifications/${id}/read`).expect(200);
    const after = (await seller.agent.get('/api/notifications').expect(200)).body;
    assert.equal(after.unread, 0);
    assert.equal(after.notifications[0].read, true);

    await createNotification(t.ctx, {
      userId: seller.user.id,
      type: 'test.notice.2',
      title: { vi: 'Tin hai', en: 'News two' },
    });
    assert.equal((await seller.agent.get('/api/notifications').expect(200)).body.unread, 1);
    await seller.agent.post('/api/notifications/read-all').expect(200);
    const all = (await seller.agent.get('/api/notifications').expect(200)).body;
    assert.equal(all.unread, 0);
    assert.ok(all.notifications.every((n: { read: boolean }) => n.read));
  });

  it('when a room has more messages than a page, then history pages and catch-up give them in order, notes only to their side', async () => {
    const broker = { userId: admin.user.id, name: 'Điều phối', role: 'admin' as const };
    // Messages 3..32: every fifth a note to the seller alone.
    for (let i = 3; i <= 32; i++) {
      await postMessage(dealId, broker, {
        body: `Tin ${i}`,
        clientId: `many-${i}`,
        audience: i % 5 === 0 ? 'seller' : 'all',
      });
    }
    const seqsOf = (body: { messages: { seq: number }[] }) => body.messages.map((m) => m.seq);
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const forBuyer = (seqs: number[]) => seqs.filter((s) => s % 5 !== 0 || s < 3);

    const newest = (await buyer.agent.get(`/api/deals/${dealId}/messages?limit=10`).expect(200)).body;
    assert.deepEqual(seqsOf(newest), forBuyer(range(1, 32)).slice(-10));
    assert.equal(newest.hasMore, true);
    const older = (
      await buyer.agent
        .get(`/api/deals/${dealId}/messages?limit=10&before=${newest.messages[0].seq}`)
        .expect(200)
    ).body;
    assert.deepEqual(seqsOf(older), forBuyer(range(1, 32)).slice(-20, -10));
    const oldest = (await buyer.agent.get(`/api/deals/${dealId}/messages?limit=100&after=0`).expect(200))
      .body;
    assert.deepEqual(seqsOf(oldest), forBuyer(range(1, 32)));
    assert.equal(oldest.hasMore, false);
    const sellerSees = (await seller.agent.get(`/api/deals/${dealId}/messages?limit=100`).expect(200)).body;
    assert.deepEqual(seqsOf(sellerSees), range(1, 32));

    const caughtUp = await catchUpMessages(dealId, 'buyer', 28, 200);
    assert.deepEqual(
      caughtUp.messages.filter((m) => m.seq > 28).map((m) => m.seq),
      forBuyer(range(29, 32)),
    );
    assert.ok(caughtUp.messages.every((m) => m.audience !== 'seller'));
  });
});
