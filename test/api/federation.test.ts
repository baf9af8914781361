/**
 * Federation between two exchanges side by side, each on its own database and search index: the
 * publisher is this test's app (on the test database, listening on 127.0.0.1), the importer a
 * separate server process on another database. The operators register each other's exchange by
 * its published key; a listing the publisher's owner shares appears in the importer's search
 * with its origin and home exchange, and leaves it when withdrawn; a page signed with another key
 * than the registered one is refused with its reason and nothing imported; the publisher serves
 * its feed only to the importer's signed requests once it registered the importer.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { spawnExchangeProcess, type ExchangeProcess, otherDatabase } from '../helpers/exchange-process';
import { publishedOffer } from './deals-helpers';
import { checkSignature, generateSigningKeyPair, keyIdOf } from '../../server/federation/signing';
import { signedGet } from '../helpers/federation-requests';
import { forgetOwnIdentity } from '../../server/federation/identity.store';

type Agent = ReturnType<typeof request.agent>;

const IMPORTER_ADMIN = 'operator@importer.example.vn';
const IMPORTER_PASSWORD = 'importer-Password-2027';

describe('federation between two exchanges', function () {
  this.timeout(60_000);
  let publisher: TestApp;
  let server: http.Server;
  let publisherUrl: string;
  let importer: ExchangeProcess;
  let operator: Agent;

  before(async () => {
    publisher = await createTestApp({ FEDERATION_NAME: 'Sàn Hà Nội' });
    server = http.createServer(publisher.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    publisherUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    importer = await spawnExchangeProcess({
      MONGODB_URI: otherDatabase(process.env.MONGODB_URI!, `techexchange_fed_${process.pid}`),
      ADMIN_EMAIL: IMPORTER_ADMIN,
      ADMIN_PASSWORD: IMPORTER_PASSWORD,
      FEDERATION_NAME: 'Sàn Đà Nẵng',
      FEDERATION_PULL_INTERVAL_MS: '0',
    });
    operator = request.agent(importer.url);
    await operator
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
    for (const p of (await operator.get('/api/admin/partners').expect(200)).body.partners)
      await operator.delete(`/api/admin/partners/${p.id}`).expect(204);
  });

  async function publisherKey() {
    return (await request(publisherUrl).get('/api/federation/key').expect(200)).body;
  }

  /** The publisher's operator registers the importer by its published key: its pulls are then served. */
  async function admitImporter() {
    const importerKey = (await request(importer.url).get('/api/federation/key').expect(200)).body;
    const admin = await signInAdmin(publisher.app);
    const res = await admin.agent
      .post('/api/admin/partners')
      .send({ name: 'Sàn Đà Nẵng', baseUrl: importer.url, publicKey: importerKey.publicKey });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { admin, partner: res.body.partner };
  }

  /** The importer's operator registers the publisher (by `publicKey`), and the publisher the importer. */
  async function register(publicKey: string, name = 'Sàn Hà Nội') {
    await admitImporter();
    const res = await operator.post('/api/admin/partners').send({ name, baseUrl: publisherUrl, publicKey });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.partner;
  }

  /** A reader of the publisher's feed: a key pair registered there as a partner exchange. */
  async function feedReader() {
    const pair = generateSigningKeyPair();
    const admin = await signInAdmin(publisher.app);
    await admin.agent
      .post('/api/admin/partners')
      .send({ name: 'Sàn đọc thử', baseUrl: 'http://127.0.0.1:9', publicKey: pair.publicKey })
      .expect(201);
    const signer = { keyId: keyIdOf(pair.publicKey), privateKey: pair.privateKey };
    return (pathAndQuery: string) => signedGet(publisherUrl, pathAndQuery, signer);
  }

  async function pull(partnerId: string) {
    const res = await operator.post(`/api/admin/partners/${partnerId}/pull`);
    assert.equal(res.status, 200, JSON.stringify(res.body) + importer.logTail());
    return res.body.pull;
  }

  async function sharingOwner(): Promise<Member> {
    const owner = await signUp(publisher.app, { kind: 'institute', orgName: 'Viện Công nghệ Môi trường' });
    await owner.agent.put('/api/federation/sharing').send({ shared: true }).expect(200);
    return owner;
  }

  it('publishes one key pair, kept, with its id and fingerprint', async () => {
    const first = await publisherKey();
    assert.equal(first.name, 'Sàn Hà Nội');
    assert.equal(first.algorithm, 'ed25519');
    assert.match(first.publicKey, /BEGIN PUBLIC KEY/);
    assert.match(first.keyId, /^ed25519:[0-9a-f]{16}$/);
    forgetOwnIdentity();
    assert.deepEqual(await publisherKey(), first, 'read back from the database, not made again');
  });

  it('serves a signed feed of the listings whose owners opted in, with paging and tombstones', async () => {
    const owner = await signUp(publisher.app, { kind: 'institute' });
    const offerId = await publishedOffer(owner);
    const unsigned = await request(publisherUrl).get('/api/federation/listings').expect(401);
    assert.equal(unsigned.body.error.code, 'unauthenticated', 'partners only');
    const read = await feedReader();
    const empty = await read('/api/federation/listings').expect(200);
    assert.deepEqual(empty.body.items, [], 'nothing is shared before the owner opts in');
    const mine = await owner.agent.get('/api/federation/sharing').expect(200);
    assert.equal(mine.body.sharing.shared, false);

    await owner.agent.put('/api/federation/sharing').send({ shared: true }).expect(200);
    await publishedOffer(owner, { title: 'Giống lúa chịu mặn ST25' });
    const first = await read('/api/federation/listings?limit=1').expect(200);
    const key = await publisherKey();
    assert.equal(first.headers['x-federation-key-id'], key.keyId);
    assert.equal(
      checkSignature(
        first.text,
        { signature: first.headers['x-federation-signature'], keyId: key.keyId },
        key,
      ),
      null,
      'the signature verifies over the exact body',
    );
    assert.equal(first.body.items.length, 1);
    assert.equal(first.body.more, true);
    assert.equal(first.body.items[0].listing.organizationName, owner.user.organization!.name);
    const second = await read(`/api/federation/listings?since=${first.body.next}`).expect(200);
    assert.equal(second.body.items.length, 1);
    assert.equal(second.body.more, false);
    assert.notEqual(second.body.items[0].id, first.body.items[0].id);

    await owner.agent
      .delete(`/api/offers/${offerId}`)
      .expect((r) => assert.ok(r.status < 300, JSON.stringify(r.body)));
    const after = await read(`/api/federation/listings?since=${second.body.next}`).expect(200);
    assert.deepEqual(
      after.body.items.map((i: { type: string; id: string }) => [i.type, i.id]),
      [['tombstone', offerId]],
    );

    const bad = await read('/api/federation/listings?since=bm9wZQ').expect(400);
    assert.equal(bad.body.error.details[0].field, 'since');
  });

  it('imports a shared listing into the other exchange’s search with its origin, and removes it when withdrawn', async () => {
    const key = await publisherKey();
    const partner = await register(key.publicKey);
    assert.equal(partner.code, 'san-ha-noi');
    assert.equal(partner.keyId, key.keyId);
    assert.equal(partner.fingerprint, key.fingerprint);

    const owner = await sharingOwner();
    const offerId = await publishedOffer(owner);
    const pulled = await pull(partner.id);
    assert.deepEqual({ ok: pulled.ok, imported: pulled.imported }, { ok: true, imported: 1 });

    const found = await request(importer.url).get('/api/search?q=mang%20sinh%20hoc').expect(200);
    assert.equal(found.body.total, 1);
    const hit = found.body.hits[0];
    assert.equal(hit.origin, 'san-ha-noi');
    assert.deepEqual(hit.home, { name: 'Sàn Hà Nội', url: `${publisherUrl}/offers/${offerId}` });
    assert.deepEqual(found.body.facets.origin, { 'san-ha-noi': 1 });
    const byOrigin = await request(importer.url).get('/api/search?origin=san-ha-noi').expect(200);
    assert.equal(byOrigin.body.total, 1);
    const local = await request(importer.url).get('/api/search?q=mang%20sinh%20hoc&origin=local').expect(200);
    assert.equal(local.body.total, 0);
    const offers = await request(importer.url).get('/api/offers').expect(200);
    assert.ok(
      !JSON.stringify(offers.body).includes(offerId),
      'imported listings are not the exchange’s own offers',
    );
    const shown = await request(importer.url).get(`/api/federation/imported/${hit.id}`).expect(200);
    assert.equal(shown.body.listing.readOnly, true);
    assert.equal(shown.body.listing.home.name, 'Sàn Hà Nội');
    assert.equal(shown.body.listing.organizationName, 'Viện Công nghệ Môi trường');

    const again = await pull(partner.id);
    assert.deepEqual(
      { ok: again.ok, imported: again.imported },
      { ok: true, imported: 0 },
      'resumes from its cursor',
    );

    await owner.agent.delete(`/api/offers/${offerId}`).expect((r) => assert.ok(r.status < 300));
    const removed = await pull(partner.id);
    assert.equal(removed.removed, 1);
    const gone = await request(importer.url).get('/api/search?q=mang%20sinh%20hoc').expect(200);
    assert.equal(gone.body.total, 0);
    await request(importer.url).get(`/api/federation/imported/${hit.id}`).expect(404);
  });

  it('refuses a feed not signed by the registered key, recording why, and imports nothing', async () => {
    const owner = await sharingOwner();
    await publishedOffer(owner);
    const partner = await register(generateSigningKeyPair().publicKey, 'Sàn giả mạo');
    const refused = await pull(partner.id);
    assert.equal(refused.ok, false);
    assert.match(refused.reason, /^unknown key/);
    assert.equal(refused.imported, 0);
    const listed = (await operator.get('/api/admin/partners').expect(200)).body.partners[0];
    assert.equal(listed.lastPull.ok, false);
    assert.equal(listed.cursor, null, 'the cursor stays where it was');
    const search = await request(importer.url).get('/api/search?origin=san-gia-mao').expect(200);
    assert.equal(search.body.total, 0);

    await operator.patch(`/api/admin/partners/${partner.id}`).send({ status: 'suspended' }).expect(200);
    const suspended = await operator.post(`/api/admin/partners/${partner.id}/pull`).expect(409);
    assert.equal(suspended.body.error.code, 'conflict');
  });

  it('serves its feed only to the exchanges it registered, and not while it suspends them', async () => {
    const owner = await sharingOwner();
    await publishedOffer(owner);
    const key = await publisherKey();
    const partner = (
      await operator
        .post('/api/admin/partners')
        .send({ name: 'Sàn Hà Nội', baseUrl: publisherUrl, publicKey: key.publicKey })
        .expect(201)
    ).body.partner;
    const stranger = await pull(partner.id);
    assert.equal(stranger.ok, false);
    assert.match(stranger.reason, /^the partner answered 401: unknown key/);
    assert.equal(stranger.imported, 0);

    const { admin, partner: importerThere } = await admitImporter();
    await admin.agent
      .patch(`/api/admin/partners/${importerThere.id}`)
      .send({ status: 'suspended' })
      .expect(200);
    const suspended = await pull(partner.id);
    assert.match(suspended.reason, /^the partner answered 403: suspended/);
    const listed = (await admin.agent.get('/api/admin/partners').expect(200)).body.partners[0];
    assert.match(listed.lastRefusal.reason, /^suspended/, 'the publisher records why');
    const none = await request(importer.url).get('/api/search?origin=san-ha-noi').expect(200);
    assert.equal(none.body.total, 0, 'nothing imported');

    await admin.agent.patch(`/api/admin/partners/${importerThere.id}`).send({ status: 'active' }).expect(200);
    const served = await pull(partner.id);
    assert.deepEqual({ ok: served.ok, imported: served.imported }, { ok: true, imported: 1 });
  });

  it('validates partner registrations, naming the field, and lets only operators make them', async () => {
    const bad = await operator
      .post('/api/admin/partners')
      .send({ name: 'Sàn X', baseUrl: 'ftp://x', publicKey: 'not a key' })
      .expect(400);
    assert.deepEqual(bad.body.error.details.map((d: { field: string }) => d.field).sort(), ['baseUrl']);
    const badKey = await operator
      .post('/api/admin/partners')
      .send({ name: 'Sàn X', baseUrl: publisherUrl, publicKey: 'not a key' })
      .expect(400);
    assert.equal(badKey.body.error.details[0].field, 'publicKey');
    const key = await publisherKey();
    await register(key.publicKey);
    const twice = await operator
      .post('/api/admin/partners')
      .send({ name: 'Sàn Hà Nội 2', baseUrl: publisherUrl, publicKey: key.publicKey })
      .expect(409);
    assert.equal(twice.body.error.code, 'conflict');
    await request(importer.url).post('/api/admin/partners').send({}).expect(401);
    const admin = await signInAdmin(publisher.app);
    await admin.agent.get('/api/admin/partners').expect(200);
    const member = await signUp(publisher.app);
    await member.agent.get('/api/admin/partners').expect(403);
    await member.agent.put('/api/federation/sharing').send({ shared: 'yes' }).expect(400);
    void PASSWORD;
  });
});
