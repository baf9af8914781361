/**
 * Partner API keys: operators issue them (shown once, stored hashed), list and revoke them; a
 * request with `Authorization: Bearer <key>` may read listings and search within the key's scopes
 * and nothing else (403), an unknown or revoked key is a 401, and each key has its own rate limit.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { publishedOffer } from './deals-helpers';
import { ApiKeyModel } from '../../server/api-keys/api-key.model';
import { hashApiKey } from '../../server/api-keys/api-key-rules';

describe('partner API keys', () => {
  let t: TestApp;
  let operator: Member;

  before(async () => {
    t = await createTestApp({ API_KEY_RATE_LIMIT: '1000' });
  });

  beforeEach(async () => {
    await resetDatabase();
    await t.ctx.search.clear();
    operator = await signInAdmin(t.app);
  });

  async function issue(scopes: string[], name = 'Cổng dữ liệu tỉnh') {
    const res = await operator.agent.post('/api/admin/api-keys').send({ name, scopes });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { apiKey: { id: string; prefix: string }; key: string };
  }

  it('shows the key once and keeps only its hash', async () => {
    const { apiKey, key } = await issue(['listings', 'search']);
    assert.match(key, /^tx_[a-f0-9]{24}_/);
    const stored = (await ApiKeyModel.findById(apiKey.id).lean())!;
    assert.equal(stored.hash, hashApiKey(key));
    assert.ok(!JSON.stringify(stored).includes(key), 'the key itself is not stored');
    const listed = (await operator.agent.get('/api/admin/api-keys').expect(200)).body.apiKeys;
    assert.equal(listed.length, 1);
    assert.ok(!JSON.stringify(listed).includes(key), 'nor listed');
    assert.deepEqual(listed[0].scopes, ['listings', 'search']);
    assert.equal(listed[0].lastUsedAt, null);
  });

  it('lets a key read listings and search within its scopes, and nothing else', async () => {
    const owner = await signUp(t.app, { kind: 'institute' });
    const offerId = await publishedOffer(owner);
    const search = (await issue(['search'])).key;
    const listings = (await issue(['listings'])).key;
    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

    await request(t.app).get('/api/search?q=nuoc%20thai').set(bearer(search)).expect(200);
    await request(t.app).get(`/api/offers/${offerId}`).set(bearer(listings)).expect(200);
    await request(t.app).get('/api/offers').set(bearer(listings)).expect(200);
    await request(t.app).get('/api/demands').set(bearer(listings)).expect(200);

    const outOfScope = await request(t.app).get(`/api/offers/${offerId}`).set(bearer(search));
    assert.equal(outOfScope.status, 403);
    assert.equal(outOfScope.body.error.code, 'forbidden');
    await request(t.app).get('/api/search').set(bearer(listings)).expect(403);
    await request(t.app).get('/api/notifications').set(bearer(search)).expect(403);
    await request(t.app).get('/api/admin/partners').set(bearer(search)).expect(403);
    await request(t.app).post('/api/offers').set(bearer(listings)).send({ title: 'x' }).expect(403);
    // A key stands instead of the session: an operator's cookie beside it opens nothing more.
    await operator.agent.get('/api/admin/api-keys').set(bearer(listings)).expect(403);

    // The last use is written beside the answer: wait for it.
    let listed: { lastUsedAt: string | null }[] = [];
    for (let i = 0; i < 50; i++) {
      listed = (await operator.agent.get('/api/admin/api-keys').expect(200)).body.apiKeys;
      if (listed.every((k) => k.lastUsedAt)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(
      listed.every((k) => k.lastUsedAt),
      'last use recorded',
    );
  });

  it('refuses an unknown, malformed or revoked key with a 401', async () => {
    const { apiKey, key } = await issue(['search']);
    await request(t.app).get('/api/search').set('authorization', `Bearer ${key}`).expect(200);
    const forged = key.slice(0, -4) + 'AAAA';
    const unknown = await request(t.app).get('/api/search').set('authorization', `Bearer ${forged}`);
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.error.code, 'unauthenticated');
    await request(t.app).get('/api/search').set('authorization', 'Bearer nope').expect(401);
    await request(t.app).get('/api/search').set('authorization', 'Bearer').expect(401);

    await operator.agent.delete(`/api/admin/api-keys/${apiKey.id}`).expect(204);
    await request(t.app).get('/api/search').set('authorization', `Bearer ${key}`).expect(401);
    const listed = (await operator.agent.get('/api/admin/api-keys').expect(200)).body.apiKeys;
    assert.ok(listed[0].revokedAt);
    await operator.agent.delete('/api/admin/api-keys/65a1b2c3d4e5f6a7b8c9d0e1').expect(404);
  });

  it('validates keys, naming the field, lets only operators issue them, and writes nothing when it refuses', async () => {
    const bad = await operator.agent.post('/api/admin/api-keys').send({ name: '', scopes: ['write'] });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.map((d: { field: string }) => d.field).sort(), [
      'name',
      'scopes.0',
    ]);
    const none = await operator.agent.post('/api/admin/api-keys').send({ name: 'X', scopes: [] });
    assert.equal(none.body.error.details[0].field, 'scopes');
    const member = await signUp(t.app);
    await member.agent
      .post('/api/admin/api-keys')
      .send({ name: 'X', scopes: ['search'] })
      .expect(403);
    await request(t.app)
      .post('/api/admin/api-keys')
      .send({ name: 'X', scopes: ['search'] })
      .expect(401);
    assert.equal(await ApiKeyModel.countDocuments({}), 0);
  });

  it('limits each key’s requests per minute, one key apart from another', async () => {
    const limited = await createTestApp({ API_KEY_RATE_LIMIT: '3' });
    const first = (await issue(['search'], 'Một')).key;
    const second = (await issue(['search'], 'Hai')).key;
    for (let i = 0; i < 3; i++)
      await request(limited.app).get('/api/search').set('authorization', `Bearer ${first}`).expect(200);
    const over = await request(limited.app).get('/api/search').set('authorization', `Bearer ${first}`);
    assert.equal(over.status, 429);
    assert.equal(over.body.error.code, 'rate_limited');
    await request(limited.app).get('/api/search').set('authorization', `Bearer ${second}`).expect(200);
  });
});
