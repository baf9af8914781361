import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';

describe('search rate limit', () => {
  let limited: TestApp;

  before(async () => {
    limited = await createTestApp({ SEARCH_RATE_LIMIT: '3' });
  });

  it('when a client searches more often than the limit, then it gets 429 for searches and matches alike', async () => {
    for (let i = 0; i < 3; i++)
      await request(limited.app).get('/api/search').query({ q: 'nuoc thai' }).expect(200);
    const search = await request(limited.app).get('/api/search').query({ q: 'nuoc thai' }).expect(429);
    assert.equal(search.body.error.code, 'rate_limited');
    const matches = await request(limited.app)
      .get('/api/offers/6650a1b2c3d4e5f607182930/matches')
      .expect(429);
    assert.equal(matches.body.error.code, 'rate_limited');
  });
});
