/**
 * The feed is for partners only: a request signed by a registered, active partner exchange (over
 * its method, path and query, time and nonce) or an API key with the `federation` scope reads it;
 * anything else — unsigned, a session, stale, replayed, signed for another path or by another
 * key, a suspended partner, another key scope — is refused with 401 or 403 in the contract's error
 * body, why recorded on a known partner. A partner that rotated its key is asked for its keys when
 * its new key id is met (served here by a stand-in exchange): the new key is taken when the
 * registered one endorsed it, the old one verifies until it retires and is refused after.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { publishedOffer } from './deals-helpers';
import { signedGet, type TestSigner } from '../helpers/federation-requests';
import {
  checkSignature,
  generateSigningKeyPair,
  keyFingerprint,
  keyIdOf,
  type KeyPairPem,
} from '../../server/federation/signing';
import { planRotation } from '../../server/federation/key-rules';
import { forgetOwnIdentity } from '../../server/federation/identity.store';
import { forgetKeyRefreshes } from '../../server/federation/partner-keys.service';

const FEED = '/api/federation/listings';

describe('the federation feed: partners only', function () {
  this.timeout(30_000);
  let t: TestApp;
  let operator: Member;
  /** A stand-in partner exchange: it serves `published` as its key document. */
  let standIn: http.Server;
  let standInUrl: string;
  let published: Record<string, unknown> | null = null;

  before(async () => {
    t = await createTestApp({ FEDERATION_NAME: 'Sàn Hà Nội', API_KEY_RATE_LIMIT: '1000' });
    standIn = http.createServer((req, res) => {
      if (req.url === '/api/federation/key' && published) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(published));
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
    standInUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>((resolve) => standIn.close(() => resolve()));
  });

  beforeEach(async () => {
    await resetDatabase();
    forgetOwnIdentity();
    forgetKeyRefreshes();
    published = null;
    operator = await signInAdmin(t.app);
  });

  const signerOf = (pair: KeyPairPem): TestSigner => ({
    keyId: keyIdOf(pair.publicKey),
    privateKey: pair.privateKey,
  });

  /** A partner exchange registered here by its key, answering at the stand-in's address. */
  async function registered(pair: KeyPairPem, name = 'Sàn Đà Nẵng') {
    const res = await operator.agent
      .post('/api/admin/partners')
      .send({ name, baseUrl: standInUrl, publicKey: pair.publicKey });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.partner as { id: string; keyId: string };
  }

  async function partnerHere(id: string) {
    const partners = (await operator.agent.get('/api/admin/partners').expect(200)).body.partners;
    return partners.find((p: { id: string }) => p.id === id);
  }

  function refused(res: request.Response, status: 401 | 403, reason: RegExp) {
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.equal(res.body.error.code, status === 401 ? 'unauthenticated' : 'forbidden');
    assert.match(res.body.error.message, reason);
  }

  async function sharedOffer(): Promise<Member> {
    const owner = await signUp(t.app, { kind: 'institute' });
    await owner.agent.put('/api/federation/sharing').send({ shared: true }).expect(200);
    await publishedOffer(owner);
    return owner;
  }

  it('answers a registered partner’s signed request with the signed page', async () => {
    await sharedOffer();
    const pair = generateSigningKeyPair();
    await registered(pair);
    const res = await signedGet(t.app, `${FEED}?limit=10`, signerOf(pair)).expect(200);
    assert.equal(res.body.items.length, 1);
    const key = (await request(t.app).get('/api/federation/key').expect(200)).body;
    assert.equal(
      checkSignature(res.text, { signature: res.headers['x-federation-signature'], keyId: key.keyId }, key),
      null,
    );
  });

  it('refuses unsigned, session, stale, replayed, re-aimed, unknown-key and suspended requests, recording why on the partner', async () => {
    const owner = await sharedOffer();
    const pair = generateSigningKeyPair();
    const signer = signerOf(pair);
    const partner = await registered(pair);

    refused(await request(t.app).get(FEED), 401, /^unsigned/);
    refused(await owner.agent.get(FEED), 401, /^unsigned/);
    refused(await operator.agent.get(FEED), 401, /^unsigned/);
    refused(await request(t.app).get(`${FEED}?since=%25%25`), 401, /^unsigned/);

    const stale = await signedGet(t.app, FEED, signer, { now: new Date(Date.now() - 10 * 60_000) });
    refused(stale, 401, /^expired/);
    assert.match((await partnerHere(partner.id)).lastRefusal.reason, /^expired/);

    const nonce = 'replayed-nonce-0000001';
    await signedGet(t.app, FEED, signer, { nonce }).expect(200);
    refused(await signedGet(t.app, FEED, signer, { nonce }), 401, /^replayed/);
    assert.match((await partnerHere(partner.id)).lastRefusal.reason, /^replayed/);

    const reaimed = await signedGet(t.app, `${FEED}?limit=1`, signer, { signedPath: FEED });
    refused(reaimed, 401, /^bad signature/);
    assert.match((await partnerHere(partner.id)).lastRefusal.reason, /^bad signature/);

    const malformed = await request(t.app)
      .get(FEED)
      .set({ 'x-federation-signature': 'AAAA', 'x-federation-key-id': signer.keyId });
    refused(malformed, 401, /^malformed/);

    const stranger = signerOf(generateSigningKeyPair());
    refused(await signedGet(t.app, FEED, stranger), 401, /^unknown key/);

    await operator.agent.patch(`/api/admin/partners/${partner.id}`).send({ status: 'suspended' }).expect(200);
    refused(await signedGet(t.app, FEED, signer), 403, /^suspended/);
    assert.match((await partnerHere(partner.id)).lastRefusal.reason, /^suspended/);
    await operator.agent.patch(`/api/admin/partners/${partner.id}`).send({ status: 'active' }).expect(200);
    await signedGet(t.app, FEED, signer).expect(200);
  });

  it('lets an API key with the federation scope read it, and no other key', async () => {
    await sharedOffer();
    const issue = async (scopes: string[]) =>
      (await operator.agent.post('/api/admin/api-keys').send({ name: 'Cổng liên thông', scopes }).expect(201))
        .body as { apiKey: { id: string }; key: string };
    const federation = await issue(['federation']);
    const other = await issue(['listings', 'search']);
    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

    const read = await request(t.app).get(FEED).set(bearer(federation.key)).expect(200);
    assert.equal(read.body.items.length, 1);
    assert.ok(read.headers['x-federation-signature'], 'signed as for a partner');
    refused(await request(t.app).get(FEED).set(bearer(other.key)), 403, /federation/);
    await request(t.app).get('/api/search').set(bearer(federation.key)).expect(403);

    await operator.agent.delete(`/api/admin/api-keys/${federation.apiKey.id}`).expect(204);
    refused(await request(t.app).get(FEED).set(bearer(federation.key)), 401, /API key/);
  });

  it('takes a partner’s new key its registered key endorsed, keeps verifying the old one until it retires, then refuses it', async () => {
    const first = generateSigningKeyPair();
    const partner = await registered(first);
    const next = generateSigningKeyPair();
    const rotated = planRotation({ ...first, keyId: keyIdOf(first.publicKey) }, next, 1500, new Date());
    published = {
      name: 'Sàn Đà Nẵng',
      algorithm: 'ed25519',
      keyId: rotated.keyId,
      publicKey: rotated.publicKey,
      fingerprint: keyFingerprint(rotated.publicKey),
      previous: {
        keyId: rotated.previous.keyId,
        publicKey: rotated.previous.publicKey,
        fingerprint: keyFingerprint(rotated.previous.publicKey),
        expiresAt: rotated.previous.expiresAt.toISOString(),
      },
      endorsement: rotated.endorsement,
    };

    await signedGet(t.app, FEED, signerOf(next)).expect(200);
    const known = await partnerHere(partner.id);
    assert.equal(known.keyId, rotated.keyId, 'the new key is taken');
    assert.equal(known.fingerprint, keyFingerprint(next.publicKey));
    await signedGet(t.app, FEED, signerOf(first)).expect(200);

    await new Promise((r) => setTimeout(r, Math.max(0, +rotated.previous.expiresAt - Date.now()) + 50));
    refused(await signedGet(t.app, FEED, signerOf(first)), 401, /^unknown key/);
    await signedGet(t.app, FEED, signerOf(next)).expect(200);
  });

  it('keeps the registered key when the partner publishes a new one it did not endorse', async () => {
    const first = generateSigningKeyPair();
    const partner = await registered(first);
    const impostor = generateSigningKeyPair();
    const next = generateSigningKeyPair();
    // Signed by another key than the registered one, though it names the registered key as its previous.
    const forged = planRotation({ ...impostor, keyId: keyIdOf(first.publicKey) }, next, 60_000, new Date());
    published = {
      name: 'Sàn Đà Nẵng',
      algorithm: 'ed25519',
      keyId: forged.keyId,
      publicKey: forged.publicKey,
      fingerprint: keyFingerprint(forged.publicKey),
      previous: {
        keyId: keyIdOf(first.publicKey),
        publicKey: first.publicKey,
        fingerprint: keyFingerprint(first.publicKey),
        expiresAt: forged.previous.expiresAt.toISOString(),
      },
      endorsement: forged.endorsement,
    };
    refused(await signedGet(t.app, FEED, signerOf(next)), 401, /^unknown key/);
    assert.equal((await partnerHere(partner.id)).keyId, keyIdOf(first.publicKey), 'the registered key stays');
    await signedGet(t.app, FEED, signerOf(first)).expect(200);
  });
});
