/**
 * Key rotation between two exchanges side by side (this test's app on the test database, and a
 * separate server process on another database), which registered each other. An operator rotates
 * an exchange's key (audited): the new key signs from then on, the previous one still verifies
 * for the grace period (FEDERATION_KEY_GRACE_MS, a few seconds here) and endorses the new one.
 * The partner takes the new key when it first meets its id — on a pull, on an inquiry, on a feed
 * request — and refuses what the old key signs once the grace period is over.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp } from '../helpers/factories';
import { spawnExchangeProcess, type ExchangeProcess, otherDatabase } from '../helpers/exchange-process';
import { publishedOffer } from './deals-helpers';
import { checkSignature, rotationStatement, signBody } from '../../server/federation/signing';
import { forgetOwnIdentity } from '../../server/federation/identity.store';
import { ownKeyFile } from '../helpers/federation-keys';
import { AuditModel } from '../../server/audit/audit.model';

type Agent = ReturnType<typeof request.agent>;

const IMPORTER_ADMIN = 'operator@rotation.example.vn';
const IMPORTER_PASSWORD = 'rotation-Password-2027';
const GRACE_MS = 4000;

describe('federation: rotating an exchange’s key', function () {
  this.timeout(90_000);
  let publisher: TestApp;
  let server: http.Server;
  let publisherUrl: string;
  let importer: ExchangeProcess;
  let importerOperator: Agent;

  before(async () => {
    publisher = await createTestApp({
      FEDERATION_NAME: 'Sàn Hà Nội',
      FEDERATION_KEY_GRACE_MS: String(GRACE_MS),
    });
    server = http.createServer(publisher.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    publisherUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    importer = await spawnExchangeProcess({
      MONGODB_URI: otherDatabase(process.env.MONGODB_URI!, `techexchange_fedkey_${process.pid}`),
      ADMIN_EMAIL: IMPORTER_ADMIN,
      ADMIN_PASSWORD: IMPORTER_PASSWORD,
      FEDERATION_NAME: 'Sàn Đà Nẵng',
      FEDERATION_PULL_INTERVAL_MS: '0',
      FEDERATION_KEY_GRACE_MS: String(GRACE_MS),
    });
    importerOperator = request.agent(importer.url);
    await importerOperator
      .post('/api/auth/login')
      .send({ email: IMPORTER_ADMIN, password: IMPORTER_PASSWORD })
      .expect(200);
  });

  after(async () => {
    await importer?.stop();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  beforeEach(async () => {
    await resetDatabase();
    forgetOwnIdentity();
    for (const p of (await importerOperator.get('/api/admin/partners').expect(200)).body.partners)
      await importerOperator.delete(`/api/admin/partners/${p.id}`).expect(204);
  });

  /** Both exchanges register each other by their published keys; a shared listing waits at the publisher. */
  async function wire() {
    const publisherKey = (await request(publisherUrl).get('/api/federation/key').expect(200)).body;
    const importerKey = (await request(importer.url).get('/api/federation/key').expect(200)).body;
    const publisherThere = (
      await importerOperator
        .post('/api/admin/partners')
        .send({ name: 'Sàn Hà Nội', baseUrl: publisherUrl, publicKey: publisherKey.publicKey })
        .expect(201)
    ).body.partner;
    const publisherOperator = await signInAdmin(publisher.app);
    const importerHere = (
      await publisherOperator.agent
        .post('/api/admin/partners')
        .send({ name: 'Sàn Đà Nẵng', baseUrl: importer.url, publicKey: importerKey.publicKey })
        .expect(201)
    ).body.partner;
    const owner = await signUp(publisher.app, { kind: 'institute' });
    await owner.agent.put('/api/federation/sharing').send({ shared: true }).expect(200);
    await publishedOffer(owner);
    return { publisherThere, importerHere, publisherOperator, owner };
  }

  async function pull(partnerId: string) {
    const res = await importerOperator.post(`/api/admin/partners/${partnerId}/pull`);
    assert.equal(res.status, 200, JSON.stringify(res.body) + importer.logTail());
    return res.body.pull;
  }

  async function importerPartner(id: string) {
    const partners = (await importerOperator.get('/api/admin/partners').expect(200)).body.partners;
    return partners.find((p: { id: string }) => p.id === id);
  }

  /** An inquiry envelope signed as the publisher would, posted to the importer's inbox. */
  function inquiry(key: { keyId: string; privateKey: string }) {
    const body = JSON.stringify({
      type: 'inquiry',
      from: { name: 'Sàn Hà Nội', keyId: key.keyId },
      inquiryId: randomBytes(12).toString('hex'),
      listing: { kind: 'offer', id: '65a1b2c3d4e5f6a7b8c9d0e1' },
      message: 'Xin thông tin',
      asker: { organizationName: 'Công ty A', name: 'Lê Văn C' },
      sentAt: new Date().toISOString(),
      nonce: randomBytes(18).toString('base64url'),
    });
    return request(importer.url)
      .post('/api/federation/inbox/inquiries')
      .set('content-type', 'application/json')
      .set({ 'x-federation-signature': signBody(body, key.privateKey), 'x-federation-key-id': key.keyId })
      .send(body);
  }

  /** Verified there: refused, if at all, for what it asks about (no such listing), never for its signature. */
  function verified(res: request.Response) {
    assert.notEqual(res.status, 401, JSON.stringify(res.body));
    assert.ok([201, 400, 404].includes(res.status), `${res.status} ${JSON.stringify(res.body)}`);
  }

  async function rotate(agent: Agent) {
    const res = await agent.post('/api/admin/federation/key/rotate');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }

  it('rotates the key, audited: the partner takes the endorsed new key on its next pull and refuses the old one after the grace period', async () => {
    const { publisherThere, publisherOperator, owner } = await wire();
    const before = ownKeyFile(publisher);
    const oldKey = { keyId: before.keyId, privateKey: before.privateKey };

    await owner.agent.post('/api/admin/federation/key/rotate').expect(403);
    await request(publisherUrl).post('/api/admin/federation/key/rotate').expect(401);
    const rotatedAt = Date.now();
    const key = await rotate(publisherOperator.agent);
    assert.notEqual(key.keyId, oldKey.keyId);
    assert.equal(key.previous.keyId, oldKey.keyId);
    const expiresAt = Date.parse(key.previous.expiresAt);
    assert.ok(Math.abs(expiresAt - (rotatedAt + GRACE_MS)) < 2000, key.previous.expiresAt);
    const statement = rotationStatement({
      keyId: key.keyId,
      publicKey: key.publicKey,
      previousKeyId: key.previous.keyId,
      previousExpiresAt: key.previous.expiresAt,
    });
    assert.equal(
      checkSignature(statement, { signature: key.endorsement, keyId: oldKey.keyId }, key.previous),
      null,
      'the previous key endorses the new one',
    );
    assert.deepEqual((await request(publisherUrl).get('/api/federation/key').expect(200)).body, key);
    const audit = await AuditModel.findOne({ action: 'federation.key.rotate' }).lean();
    assert.ok(audit, 'the rotation is audited');
    assert.equal(String(audit.actorId), publisherOperator.user.id);
    assert.deepEqual(audit.data, {
      from: oldKey.keyId,
      to: key.keyId,
      previousExpiresAt: key.previous.expiresAt,
    });
    const after = ownKeyFile(publisher);
    assert.ok(!JSON.stringify(after).includes(before.privateKey), 'the previous private key is not kept');

    const pulled = await pull(publisherThere.id);
    assert.deepEqual({ ok: pulled.ok, imported: pulled.imported }, { ok: true, imported: 1 }, pulled.reason);
    const there = await importerPartner(publisherThere.id);
    assert.equal(there.keyId, key.keyId, 'the importer took the new key');
    assert.equal(there.fingerprint, key.fingerprint);

    verified(await inquiry(oldKey));
    const current = ownKeyFile(publisher);
    verified(await inquiry({ keyId: current.keyId, privateKey: current.privateKey }));
    assert.ok(Date.now() < expiresAt, 'the checks above ran within the grace period');

    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now()) + 100));
    const late = await inquiry(oldKey);
    assert.equal(late.status, 401, JSON.stringify(late.body));
    assert.match(late.body.error.message, /^unknown key/);
    verified(await inquiry({ keyId: current.keyId, privateKey: current.privateKey }));
    const again = await pull(publisherThere.id);
    assert.equal(again.ok, true, again.reason);
  });

  it('has a partner that has not pulled since take the new key when an inquiry signed with it arrives', async () => {
    const { publisherThere, publisherOperator } = await wire();
    const key = await rotate(publisherOperator.agent);
    const current = ownKeyFile(publisher);
    verified(await inquiry({ keyId: current.keyId, privateKey: current.privateKey }));
    assert.equal((await importerPartner(publisherThere.id)).keyId, key.keyId);
  });

  it('keeps serving the feed to a partner that rotated its own key: its endorsed new key is taken when its pull arrives', async () => {
    const { publisherThere, importerHere, publisherOperator } = await wire();
    const importerKey = await rotate(importerOperator);
    assert.notEqual(importerKey.keyId, importerHere.keyId);
    const pulled = await pull(publisherThere.id);
    assert.deepEqual({ ok: pulled.ok, imported: pulled.imported }, { ok: true, imported: 1 }, pulled.reason);
    const here = (await publisherOperator.agent.get('/api/admin/partners').expect(200)).body.partners[0];
    assert.equal(here.keyId, importerKey.keyId, 'the publisher took the importer’s new key');
    assert.equal(here.lastRefusal, null);
  });
});
