import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { testDatabaseProcess } from '../fixtures/global';
import { pingDatabase } from '../../server/common/db';
import { skipBecause } from '../helpers/skip';

describe('platform: errors, health, API document', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(resetDatabase);

  it('when a route does not exist, then 404 in the contract error body', async () => {
    const res = await request(t.app).get('/api/nothing-here').expect(404);
    assert.equal(res.body.error.code, 'not_found');
    assert.ok(Array.isArray(res.body.error.details));
  });

  it('when the JSON is malformed, then 400 without a stack trace', async () => {
    const res = await request(t.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    assert.equal(res.body.error.code, 'validation_failed');
    assert.doesNotMatch(JSON.stringify(res.body), /at .*\.(ts|js):\d+/);
  });

  it('when the body is not JSON, then 415', async () => {
    const res = await request(t.app)
      .post('/api/auth/login')
      .set('Content-Type', 'text/plain')
      .send('hello')
      .expect(415);
    assert.equal(res.body.error.code, 'unsupported_media_type');
  });

  it('when the body is too large, then 413', async () => {
    const res = await request(t.app)
      .post('/api/auth/register')
      .send({ name: 'x'.repeat(2 * 1024 * 1024) })
      .expect(413);
    assert.equal(res.body.error.code, 'payload_too_large');
  });

  it('then every response carries a request id and security headers', async () => {
    const res = await request(t.app).get('/healthz').expect(200);
    assert.match(String(res.headers['x-request-id']), /^[\w-]{8,}$/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['content-security-policy']);
    assert.equal(res.headers['x-powered-by'], undefined);
  });

  it('then the OpenAPI document describes the routes with their schemas, and the docs page is served', async () => {
    const res = await request(t.app).get('/api/openapi.json').expect(200);
    assert.equal(res.body.openapi, '3.0.3');
    const login = res.body.paths['/api/auth/login'].post;
    assert.ok(login.requestBody.content['application/json'].schema.properties.email);
    assert.ok(res.body.paths['/api/admin/organizations/{id}/verify'].post);
    const docs = await request(t.app).get('/api/docs/').expect(200);
    assert.match(docs.text, /swagger/i);
  });

  it('when the database stops, then readiness is 503 naming it, and 200 when it is back', async function () {
    this.timeout(60000);
    await request(t.app).get('/readyz').expect(200);
    const db = testDatabaseProcess();
    if (!db) skipBecause(this, 'MONGODB_URI points at a database the tests did not start');
    await db!.stop();
    try {
      const res = await request(t.app).get('/readyz').expect(503);
      assert.equal(res.body.error.code, 'unavailable');
      assert.match(res.body.error.message, /database/);
      assert.doesNotMatch(res.body.error.message, /search/);
      await request(t.app).get('/healthz').expect(200);
    } finally {
      await db!.start();
    }
    for (let i = 0; i < 100 && !(await pingDatabase()); i++) await new Promise((r) => setTimeout(r, 200));
    await request(t.app).get('/readyz').expect(200);
  });
});
