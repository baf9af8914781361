/**
 * The pages people open most ask the database for records by `_id` only: never a filter, a sort
 * or a count over a collection (FerretDB reads every document of the collection for those).
 * The driver's command events show what each request asked.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import request from 'supertest';
import type { CommandStartedEvent } from 'mongodb';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { offerBody, published } from './offers-helpers';
import { createNotification } from '../../server/notifications/notification.service';
import { rebuildOwnerLists } from '../../server/read-models';
import { OwnerListModel } from '../../server/read-models/owner-list.model';

type Asked = { command: string; collection: string; filter: unknown };

const READS = new Set(['find', 'count', 'aggregate', 'distinct', 'findAndModify', 'update', 'delete']);

function watchCommands() {
  const client = mongoose.connection.getClient();
  const asked: Asked[] = [];
  const listener = (e: CommandStartedEvent) => {
    if (!READS.has(e.commandName)) return;
    const body = e.command as Record<string, any>;
    const filter =
      body.filter ?? body.query ?? body.updates?.[0]?.q ?? body.deletes?.[0]?.q ?? body.pipeline ?? {};
    asked.push({ command: e.commandName, collection: String(body[e.commandName]), filter });
  };
  client.on('commandStarted', listener);
  return {
    asked,
    stop() {
      client.off('commandStarted', listener);
    },
  };
}

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
    const deal = await buyer.agent.post('/api/deals').send({ offerId }).expect(201);
    dealId = deal.body.deal.id;
    await createNotification(t.ctx, {
      userId: seller.user.id,
      type: 'test.notice',
      title: { vi: 'Tin', en: 'News' },
    });
  });

  const pages: [string, () => Member | undefined, () => string][] = [
    ['a listing page', () => undefined, () => `/api/offers/${offerId}`],
    ['the public list', () => undefined, () => '/api/offers?limit=20'],
    ['my listings', () => seller, () => '/api/offers?mine=true'],
    ['my deals', () => buyer, () => '/api/deals'],
    ['a deal page', () => buyer, () => `/api/deals/${dealId}`],
    ['my notifications', () => seller, () => '/api/notifications'],
  ];

  for (const [name, who, url] of pages) {
    it(`when ${name} is opened, then the database is asked by _id only`, async () => {
      const member = who();
      const get = () => (member ? member.agent.get(url()) : request(t.app).get(url()));
      await get().expect(200);
      const watch = watchCommands();
      try {
        await get().expect(200);
      } finally {
        watch.stop();
      }
      if (member) assert.ok(watch.asked.length > 0, 'the command watch saw the session lookup');
      assert.deepEqual(notById(watch.asked), []);
    });
  }

  it('when the lists show records, then they are the same records a scan would find', async () => {
    const mine = await seller.agent.get('/api/offers?mine=true').expect(200);
    assert.equal(mine.body.total, 2);
    const deals = await buyer.agent.get('/api/deals').expect(200);
    assert.deepEqual(
      deals.body.deals.map((d: { id: string }) => d.id),
      [dealId],
    );
    const sellerDeals = await seller.agent.get('/api/deals').expect(200);
    assert.equal(sellerDeals.body.total, 1);
    const notes = await seller.agent.get('/api/notifications').expect(200);
    assert.equal(notes.body.unread, 1);
    await seller.agent.post('/api/notifications/read-all').expect(200);
    assert.equal((await seller.agent.get('/api/notifications').expect(200)).body.unread, 0);
  });

  it('when the owner lists are lost, then a rebuild from the records gives the same pages', async () => {
    const before = (await seller.agent.get('/api/offers?mine=true').expect(200)).body;
    const dealsBefore = (await buyer.agent.get('/api/deals').expect(200)).body;
    await OwnerListModel.collection.deleteMany({});
    assert.equal((await seller.agent.get('/api/offers?mine=true').expect(200)).body.total, 0);
    await rebuildOwnerLists();
    assert.deepEqual((await seller.agent.get('/api/offers?mine=true').expect(200)).body, before);
    assert.deepEqual((await buyer.agent.get('/api/deals').expect(200)).body, dealsBefore);
  });
});
