/**
 * Fetching a partner's key for the operator to confirm: the operator of this test's exchange gives
 * only the base URL of a second exchange (a separate server process on another database); the
 * answer is its name, key, key id and fingerprint (computed here), nothing is stored, and
 * registering with that key works as before. A bad URL is a 400; an exchange that cannot be
 * reached, answers no key document or hangs is a 502 in the contract's error body, quickly.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp } from '../helpers/factories';
import { spawnExchangeProcess, type ExchangeProcess, otherDatabase } from '../helpers/exchange-process';
import request from 'supertest';
import { forgetOwnIdentity } from '../../server/federation/identity.store';
import { keyFingerprint } from '../../server/federation/signing';

async function listening(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function assertErrorBody(body: { error?: { code?: string; message?: string } }, code: string) {
  assert.equal(body.error?.code, code, JSON.stringify(body));
  assert.equal(typeof body.error?.message, 'string');
}

describe('fetching a partner exchange’s key for the operator to confirm', function () {
  this.timeout(60_000);
  let app: TestApp;
  let other: ExchangeProcess;
  const servers: http.Server[] = [];

  before(async () => {
    app = await createTestApp({ FEDERATION_NAME: 'Sàn Hà Nội' });
    other = await spawnExchangeProcess({
      MONGODB_URI: otherDatabase(process.env.MONGODB_URI!, `techexchange_fetchkey_${process.pid}`),
      FEDERATION_NAME: 'Sàn Đà Nẵng',
      FEDERATION_PULL_INTERVAL_MS: '0',
    });
  });

  after(async () => {
    await other?.stop();
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });

  beforeEach(async () => {
    await resetDatabase();
    forgetOwnIdentity();
  });

  it('answers the name, key, key id and fingerprint at the base URL, stores nothing, and registering with it works', async () => {
    const operator = await signInAdmin(app.app);
    const published = (await request(other.url).get('/api/federation/key').expect(200)).body;
    const fetched = (
      await operator.agent
        .post('/api/admin/partners/fetch-key')
        .send({ baseUrl: `${other.url}/` })
        .expect(200)
    ).body;
    assert.deepEqual(fetched, {
      name: 'Sàn Đà Nẵng',
      baseUrl: other.url,
      keyId: published.keyId,
      publicKey: published.publicKey,
      fingerprint: keyFingerprint(published.publicKey),
    });
    assert.equal(fetched.fingerprint, published.fingerprint);
    assert.deepEqual((await operator.agent.get('/api/admin/partners').expect(200)).body.partners, []);

    const registered = (
      await operator.agent
        .post('/api/admin/partners')
        .send({ name: fetched.name, baseUrl: fetched.baseUrl, publicKey: fetched.publicKey })
        .expect(201)
    ).body.partner;
    assert.equal(registered.fingerprint, fetched.fingerprint);
    assert.equal(registered.keyId, fetched.keyId);
  });

  it('refuses a base URL that is not http or https, or missing, naming baseUrl', async () => {
    const operator = await signInAdmin(app.app);
    for (const body of [{ baseUrl: 'ftp://127.0.0.1/' }, { baseUrl: 'file:///etc/passwd' }, {}]) {
      const res = await operator.agent.post('/api/admin/partners/fetch-key').send(body).expect(400);
      assertErrorBody(res.body, 'validation_failed');
      assert.ok(
        res.body.error.details.some((d: { field: string }) => d.field === 'baseUrl'),
        JSON.stringify(res.body),
      );
    }
  });

  it('refuses the address (400 naming baseUrl) when nothing answers there, or no key document, or nothing in time', async () => {
    const operator = await signInAdmin(app.app);
    const nothing = await operator.agent
      .post('/api/admin/partners/fetch-key')
      .send({ baseUrl: 'http://127.0.0.1:9' })
      .expect(400);
    assertErrorBody(nothing.body, 'validation_failed');

    const notAnExchange = await listening((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>not an exchange</html>');
    });
    servers.push(notAnExchange.server);
    const html = await operator.agent
      .post('/api/admin/partners/fetch-key')
      .send({ baseUrl: notAnExchange.url })
      .expect(400);
    assertErrorBody(html.body, 'validation_failed');

    const notEd25519 = await listening((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          name: 'Giả',
          algorithm: 'ed25519',
          keyId: 'ed25519:0000000000000000',
          publicKey: 'not a key',
          fingerprint: 'x',
        }),
      );
    });
    servers.push(notEd25519.server);
    const bad = await operator.agent
      .post('/api/admin/partners/fetch-key')
      .send({ baseUrl: notEd25519.url })
      .expect(400);
    assertErrorBody(bad.body, 'validation_failed');

    const hanging = await listening(() => {
      /* never answers */
    });
    servers.push(hanging.server);
    const started = Date.now();
    const slow = await operator.agent
      .post('/api/admin/partners/fetch-key')
      .send({ baseUrl: hanging.url })
      .expect(400);
    assertErrorBody(slow.body, 'validation_failed');
    assert.ok(Date.now() - started < 8_000, `took ${Date.now() - started} ms`);
    assert.deepEqual((await operator.agent.get('/api/admin/partners').expect(200)).body.partners, []);
  });

  it('is for operators only', async () => {
    const member = await signUp(app.app, { kind: 'institute', orgName: 'Viện Thử' });
    await member.agent.post('/api/admin/partners/fetch-key').send({ baseUrl: other.url }).expect(403);
    await request(app.app).post('/api/admin/partners/fetch-key').send({ baseUrl: other.url }).expect(401);
  });
});
