/**
 * Single listings kept back from partner exchanges: an administrator of the listing's organization
 * keeps one back (it goes out in the feed as a tombstone while the organization's other listings
 * stay) or shares it again (it comes back); nobody else may choose, and bad input names its field.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { publishedOffer } from './deals-helpers';
import { signedGet } from '../helpers/federation-requests';
import { generateSigningKeyPair, keyIdOf } from '../../server/federation/signing';
import { forgetOwnIdentity } from '../../server/federation/identity.store';
import { ListingShareModel } from '../../server/federation/listing-share.model';
import { UserModel } from '../../server/auth/user.model';
import { clearRecordCaches } from '../../server/common/record-cache';

type Item = { type: string; id: string };

describe('federation: single listings kept back from partner exchanges', function () {
  this.timeout(30_000);
  let t: TestApp;
  let read: (pathAndQuery: string) => request.Test;

  before(async () => {
    t = await createTestApp({ FEDERATION_NAME: 'Sàn Hà Nội' });
  });

  beforeEach(async () => {
    await resetDatabase();
    forgetOwnIdentity();
    const operator = await signInAdmin(t.app);
    const pair = generateSigningKeyPair();
    await operator.agent
      .post('/api/admin/partners')
      .send({ name: 'Sàn Đà Nẵng', baseUrl: 'http://127.0.0.1:9', publicKey: pair.publicKey })
      .expect(201);
    const signer = { keyId: keyIdOf(pair.publicKey), privateKey: pair.privateKey };
    read = (pathAndQuery) => signedGet(t.app, pathAndQuery, signer);
  });

  async function sharingOwner(): Promise<Member> {
    const owner = await signUp(t.app, { kind: 'institute' });
    await owner.agent.put('/api/federation/sharing').send({ shared: true }).expect(200);
    return owner;
  }

  const entries = (body: { items: Item[] }) => body.items.map((i) => [i.type, i.id]);

  it('sends a kept-back listing as a tombstone while the others stay, and the listing again once shared again', async () => {
    const owner = await sharingOwner();
    const kept = await publishedOffer(owner, { title: 'Công nghệ giữ lại' });
    const other = await publishedOffer(owner, { title: 'Công nghệ chia sẻ' });
    const first = (await read('/api/federation/listings').expect(200)).body;
    assert.equal(first.items.length, 2);

    const off = await owner.agent
      .put(`/api/federation/sharing/listings/offer/${kept}`)
      .send({ shared: false })
      .expect(200);
    assert.equal(off.body.listing.kind, 'offer');
    assert.equal(off.body.listing.listingId, kept);
    assert.equal(off.body.listing.shared, false);
    assert.ok(off.body.listing.changedAt);
    const after = (await read(`/api/federation/listings?since=${first.next}`).expect(200)).body;
    assert.deepEqual(entries(after), [['tombstone', kept]]);
    const whole = (await read('/api/federation/listings').expect(200)).body;
    assert.deepEqual(
      entries(whole).sort(),
      [
        ['listing', other],
        ['tombstone', kept],
      ].sort(),
    );

    const mine = (await owner.agent.get('/api/federation/sharing/listings').expect(200)).body.listings;
    assert.deepEqual(
      mine.map((l: { listingId: string; shared: boolean }) => [l.listingId, l.shared]),
      [[kept, false]],
    );

    await owner.agent
      .put(`/api/federation/sharing/listings/offer/${kept}`)
      .send({ shared: true })
      .expect(200);
    const back = (await read(`/api/federation/listings?since=${after.next}`).expect(200)).body;
    assert.deepEqual(entries(back), [['listing', kept]]);

    const untouched = await owner.agent
      .put(`/api/federation/sharing/listings/offer/${other}`)
      .send({ shared: true })
      .expect(200);
    assert.equal(untouched.body.listing.changedAt, null, 'shared already: nothing to record');
    const nothing = (await read(`/api/federation/listings?since=${back.next}`).expect(200)).body;
    assert.deepEqual(nothing.items, []);
  });

  it('lets only the listing organization’s administrators choose, names the bad field, and writes nothing when it refuses', async () => {
    const owner = await sharingOwner();
    const offerId = await publishedOffer(owner);
    const draftId = await publishedOffer(owner, { status: 'draft', publishedAt: undefined });
    const path = (id: string, kind = 'offer') => `/api/federation/sharing/listings/${kind}/${id}`;

    await request(t.app).put(path(offerId)).send({ shared: false }).expect(401);
    const stranger = await signUp(t.app);
    const elsewhere = await stranger.agent.put(path(offerId)).send({ shared: false }).expect(403);
    assert.equal(elsewhere.body.error.code, 'forbidden');
    await stranger.agent.put(path(draftId)).send({ shared: false }).expect(404);
    const operator = await signInAdmin(t.app);
    await operator.agent.put(path(offerId)).send({ shared: false }).expect(403);
    await owner.agent.put(path('65a1b2c3d4e5f6a7b8c9d0e1')).send({ shared: false }).expect(404);
    await owner.agent.put(path(offerId, 'demand')).send({ shared: false }).expect(404);

    const badKind = await owner.agent.put(path(offerId, 'offers')).send({ shared: false }).expect(400);
    assert.equal(badKind.body.error.details[0].field, 'kind');
    const badId = await owner.agent.put(path('nope')).send({ shared: false }).expect(400);
    assert.equal(badId.body.error.details[0].field, 'id');
    const noChoice = await owner.agent.put(path(offerId)).send({ shared: 'no' }).expect(400);
    assert.equal(noChoice.body.error.details[0].field, 'shared');

    // A member who is not one of the organization's administrators.
    await UserModel.updateOne({ _id: owner.user.id }, { $set: { organizationAdmin: false } });
    clearRecordCaches();
    const member = await owner.agent.put(path(offerId)).send({ shared: false }).expect(403);
    assert.match(member.body.error.message, /administrators/);
    assert.equal(await ListingShareModel.countDocuments({}), 0);
    await owner.agent.get('/api/federation/sharing/listings').expect(200);
  });
});
