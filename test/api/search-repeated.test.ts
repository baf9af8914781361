import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp } from '../helpers/factories';
import { syncSearchIndex } from '../../server/search-sync/search-sync.service';
import { offerBody, published } from './offers-helpers';

describe('public searches asked again', () => {
  let t: TestApp;
  const url = '/api/search?q=may%20ep%20vien%20trau&limit=5';

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    await t.ctx.search.clear();
  });

  it('when an anonymous search is asked again, then it gets the route’s answer, and a listing published meanwhile is in it', async () => {
    const first = await request(t.app).get(url).expect(200);
    assert.equal(first.body.total, 0);
    const again = await request(t.app).get(url).expect(200);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers['content-type'], first.headers['content-type']);
    assert.equal(again.headers.etag, first.headers.etag);
    assert.ok(again.headers['x-request-id'], 'still a request id');
    assert.ok(again.headers['content-security-policy'], 'still the security headers');

    const seller = await signUp(t.app, { kind: 'institute' });
    const admin = await signInAdmin(t.app);
    const offer = await published(seller, admin, 'offers', offerBody({ title: 'Máy ép viên nén từ trấu' }));
    await syncSearchIndex(t.ctx);
    const after = await request(t.app).get(url).expect(200);
    assert.equal(after.body.total, 1);
    assert.equal(after.body.hits[0].id, offer.id);
  });

  it('when a search asked before carries an API key, then the key is checked as always', async () => {
    await request(t.app).get(url).expect(200);
    const refused = await request(t.app).get(url).set('Authorization', 'Bearer txk_not-a-key').expect(401);
    assert.ok(refused.body.error, 'the contract’s error body');
  });

  it('when a search asked before has query keys that are operators, then it is still refused by name', async () => {
    await request(t.app).get(url).expect(200);
    const refused = await request(t.app).get(`${url}&field[$ne]=x`).expect(400);
    assert.ok(JSON.stringify(refused.body.error.details).includes('field'));
  });
});
