import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signUp, type Member } from '../helpers/factories';
import { AlertModel } from '../../server/alerts/alert.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { handleListingPublished } from '../../server/notifications/publish-listener.starter';
import { createOffer } from './matching-fixtures';

describe('saved searches (alerts)', () => {
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

  describe('POST, GET and DELETE /api/alerts', () => {
    it('saves a search, lists it, and deletes it', async () => {
      const created = await alice.agent
        .post('/api/alerts')
        .send({ q: 'xử lý nước thải', filters: { kind: 'offer', trlMin: 6, province: 'ha_noi' } })
        .expect(201);
      const alert = created.body.alert;
      assert.equal(alert.q, 'xử lý nước thải');
      assert.deepEqual(alert.filters, { kind: 'offer', trlMin: 6, province: 'ha_noi' });
      const list = await alice.agent.get('/api/alerts').expect(200);
      assert.deepEqual(
        list.body.alerts.map((a: { id: string }) => a.id),
        [alert.id],
      );
      assert.equal((await bob.agent.get('/api/alerts').expect(200)).body.alerts.length, 0);
      await alice.agent.delete(`/api/alerts/${alert.id}`).expect(204);
      assert.equal((await alice.agent.get('/api/alerts').expect(200)).body.alerts.length, 0);
    });

    it('someone else’s saved search cannot be deleted: it is not found', async () => {
      const created = await alice.agent.post('/api/alerts').send({ q: 'robot hàn' }).expect(201);
      await bob.agent.delete(`/api/alerts/${created.body.alert.id}`).expect(404);
      assert.equal(await AlertModel.countDocuments({}), 1);
    });

    it('anonymous callers are refused', async () => {
      await request(t.app).post('/api/alerts').send({ q: 'robot' }).expect(401);
      await request(t.app).get('/api/alerts').expect(401);
      await request(t.app).delete('/api/alerts/0123456789abcdef01234567').expect(401);
    });

    it('an empty search, or bad filters, are refused naming the field, and nothing is saved', async () => {
      const empty = await alice.agent.post('/api/alerts').send({ q: '', filters: {} }).expect(400);
      assert.equal(empty.body.error.details[0].field, 'q');
      await alice.agent.post('/api/alerts').send({}).expect(400);
      await alice.agent
        .post('/api/alerts')
        .send({ filters: { kind: 'offer' } })
        .expect(201);
      await AlertModel.deleteMany({});
      const bad = await alice.agent
        .post('/api/alerts')
        .send({
          q: 'x',
          filters: { field: 'astrology', trlMin: 7, trlMax: 3, currency: 'EUR', priceMin: -1 },
        })
        .expect(400);
      const fields = bad.body.error.details.map((d: { field: string }) => d.field).sort();
      assert.deepEqual(fields, ['filters.currency', 'filters.field', 'filters.priceMin', 'filters.trlMax']);
      await alice.agent.delete('/api/alerts/nope').expect(400);
      assert.equal(await AlertModel.countDocuments({}), 0);
    });
  });

  describe('when a listing is published', () => {
    it('the owners of saved searches it satisfies are notified once', async () => {
      await alice.agent
        .post('/api/alerts')
        .send({ q: 'xu ly nuoc thai', filters: { kind: 'offer', trlMin: 7 } });
      await alice.agent.post('/api/alerts').send({ q: 'màng MBR' });
      const carol = await signUp(t.app, { kind: 'enterprise' });
      await carol.agent.post('/api/alerts').send({ q: 'nước thải', filters: { kind: 'demand' } });
      const dave = await signUp(t.app, { kind: 'enterprise' });
      await dave.agent.post('/api/alerts').send({ q: 'nước thải', filters: { province: 'da_nang' } });

      const offerId = await createOffer(t.ctx, { orgId: bob.orgId, userId: bob.user.id });
      await handleListingPublished(t.ctx, { kind: 'offer', id: offerId });
      await handleListingPublished(t.ctx, { kind: 'offer', id: offerId });

      const mine = await alice.agent.get('/api/notifications?lang=en').expect(200);
      assert.equal(mine.body.total, 1);
      assert.match(mine.body.notifications[0].body, /saved searches: “xu ly nuoc thai”, “màng MBR”/);
      assert.equal(mine.body.notifications[0].data.alertIds.length, 2);
      assert.equal(await NotificationModel.countDocuments({ userId: carol.user.id }), 0);
      assert.equal(await NotificationModel.countDocuments({ userId: dave.user.id }), 0);
    });

    it('the publisher’s own saved search does not notify them about their own listing', async () => {
      await bob.agent.post('/api/alerts').send({ q: 'nước thải' });
      const offerId = await createOffer(t.ctx, { orgId: bob.orgId, userId: bob.user.id });
      await handleListingPublished(t.ctx, { kind: 'offer', id: offerId });
      assert.equal(await NotificationModel.countDocuments({}), 0);
    });

    it('a listing that is not published (any more) notifies no one', async () => {
      await alice.agent.post('/api/alerts').send({ q: 'nước thải' });
      const offerId = await createOffer(
        t.ctx,
        { orgId: bob.orgId, userId: bob.user.id },
        { status: 'withdrawn' },
      );
      await handleListingPublished(t.ctx, { kind: 'offer', id: offerId });
      assert.equal(await NotificationModel.countDocuments({}), 0);
    });
  });
});
