/**
 * Two exchange processes with Redis: what one process caches is dropped when the other writes
 * the record, at once (the cache relay), not when the cache's time runs out.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { startRedisPair, type RedisPair } from '../helpers/redis-processes';
import type { ExchangeProcess } from '../helpers/exchange-process';
import { resetDatabase } from '../helpers/test-app';
import { PASSWORD, signInAdmin, signUp } from '../helpers/factories';
import { eventually } from '../helpers/eventually';
import { draft, offerBody, published } from '../api/offers-helpers';

describe('caches across two server processes with Redis', function () {
  this.timeout(60000);
  let pair: RedisPair;
  let a: ExchangeProcess;
  let b: ExchangeProcess;

  before(async () => {
    pair = await startRedisPair();
    ({ a, b } = pair);
  });
  after(async () => {
    await pair?.stop();
  });
  beforeEach(resetDatabase);

  it('when a listing shown by one process is edited through the other, then the first shows the edit', async () => {
    const owner = await signUp(a.url, { kind: 'institute' });
    const onB = request.agent(b.url);
    await onB.post('/api/auth/login').send({ email: owner.user.email, password: PASSWORD }).expect(200);
    const offer = await draft(owner, 'offers', offerBody({ title: 'Tên cũ của công nghệ' }));

    assert.equal(
      (await onB.get(`/api/offers/${offer.id}`).expect(200)).body.offer.title,
      'Tên cũ của công nghệ',
    );
    await owner.agent.patch(`/api/offers/${offer.id}`).send({ title: 'Tên mới của công nghệ' }).expect(200);
    const seen = await eventually(
      async () => {
        const res = await onB.get(`/api/offers/${offer.id}`).expect(200);
        return res.body.offer.title === 'Tên mới của công nghệ' ? res.body.offer : null;
      },
      'the other process to show the edit',
      { attempts: 20, intervalMs: 50 },
    );
    assert.equal(seen.title, 'Tên mới của công nghệ');
  });

  it('when a person signs out through one process, then the other no longer knows the session', async () => {
    const member = await signUp(a.url, { kind: 'enterprise' });
    const login = await request(a.url)
      .post('/api/auth/login')
      .send({ email: member.user.email, password: PASSWORD })
      .expect(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    await request(b.url).get('/api/auth/me').set('Cookie', cookie).expect(200);
    await request(a.url).post('/api/auth/logout').set('Cookie', cookie).expect(204);
    await eventually(
      async () => (await request(b.url).get('/api/auth/me').set('Cookie', cookie)).status === 401,
      'the other process to forget the session',
      { attempts: 20, intervalMs: 50 },
    );
  });

  it('when an operator on one process verifies an organisation, then its member on the other is verified', async () => {
    const member = await signUp(a.url, { kind: 'enterprise', verified: false });
    assert.equal((await member.agent.get('/api/auth/me').expect(200)).body.user.organization.verified, false);
    const admin = await signInAdmin(b.url);
    await admin.agent.post(`/api/admin/organizations/${member.orgId}/verify`).expect(200);
    const me = await eventually(
      async () => {
        const res = await member.agent.get('/api/auth/me').expect(200);
        return res.body.user.organization.verified ? res.body.user : null;
      },
      'the member to be verified on the other process',
      { attempts: 20, intervalMs: 50 },
    );
    assert.equal(me.organization.verified, true);
  });

  it('when a deal shown by one process changes through the other, then both sides see the change on the first', async () => {
    const [seller, buyer, admin] = await Promise.all([
      signUp(a.url, { kind: 'institute' }),
      signUp(a.url, { kind: 'enterprise' }),
      signInAdmin(a.url),
    ]);
    const offer = await published(seller, admin, 'offers', offerBody());
    const dealId = (await buyer.agent.post('/api/deals').send({ offerId: offer.id }).expect(201)).body.deal
      .id;
    for (const member of [seller, buyer]) {
      assert.equal((await member.agent.get(`/api/deals/${dealId}`).expect(200)).body.deal.latestVersion, 0);
    }
    const buyerOnB = request.agent(b.url);
    await buyerOnB.post('/api/auth/login').send({ email: buyer.user.email, password: PASSWORD }).expect(200);
    await buyerOnB
      .post(`/api/deals/${dealId}/terms`)
      .send({ price: 450_000_000, currency: 'VND', exclusivity: false, durationMonths: 24 })
      .expect(201);
    for (const [member, role] of [
      [seller, 'seller'],
      [buyer, 'buyer'],
    ] as const) {
      const deal = await eventually(
        async () => {
          const res = await member.agent.get(`/api/deals/${dealId}`).expect(200);
          return res.body.deal.latestVersion === 1 ? res.body.deal : null;
        },
        `the ${role} to see the new terms on the other process`,
        { attempts: 20, intervalMs: 50 },
      );
      assert.equal(deal.myRole, role);
    }
  });
});
