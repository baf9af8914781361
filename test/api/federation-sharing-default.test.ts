/**
 * The operator's default for sharing: organizations that never chose follow it, so flipping it
 * changes what the feed serves (their listings, then tombstones for them), while an organization
 * that chose keeps its choice; operators only, audited, and bad input names its field.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp } from '../helpers/factories';
import { publishedOffer } from './deals-helpers';
import { signedGet } from '../helpers/federation-requests';
import { generateSigningKeyPair, keyIdOf } from '../../server/federation/signing';
import { forgetOwnIdentity } from '../../server/federation/identity.store';
import { AuditModel } from '../../server/audit/audit.model';

type Item = { type: string; id: string };
type Agent = ReturnType<typeof request.agent>;

describe('federation: the operator’s default for sharing', function () {
  this.timeout(30_000);
  let t: TestApp;
  let operator: Agent;
  let read: (pathAndQuery: string) => request.Test;

  before(async () => {
    t = await createTestApp({ FEDERATION_NAME: 'Sàn Hà Nội' });
  });

  beforeEach(async () => {
    await resetDatabase();
    forgetOwnIdentity();
    operator = (await signInAdmin(t.app)).agent;
    const pair = generateSigningKeyPair();
    await operator
      .post('/api/admin/partners')
      .send({ name: 'Sàn Đà Nẵng', baseUrl: 'http://127.0.0.1:9', publicKey: pair.publicKey })
      .expect(201);
    const signer = { keyId: keyIdOf(pair.publicKey), privateKey: pair.privateKey };
    read = (pathAndQuery) => signedGet(t.app, pathAndQuery, signer);
  });

  const entries = (body: { items: Item[] }) => body.items.map((i) => [i.type, i.id]).sort();

  it('makes the feed serve the listings of organizations that never chose, then tombstones for them', async () => {
    const follower = await signUp(t.app, { kind: 'institute' });
    const followed = await publishedOffer(follower, { title: 'Công nghệ theo mặc định' });
    const chooser = await signUp(t.app, { kind: 'institute' });
    await chooser.agent.put('/api/federation/sharing').send({ shared: false }).expect(200);
    const kept = await publishedOffer(chooser, { title: 'Công nghệ không chia sẻ' });

    const unset = (await operator.get('/api/admin/federation/sharing-default').expect(200)).body;
    assert.deepEqual(unset.sharingDefault, { shared: false, changedAt: null });
    const first = (await read('/api/federation/listings').expect(200)).body;
    assert.deepEqual(entries(first), [['tombstone', kept]], 'nobody shares yet');

    const on = (
      await operator.put('/api/admin/federation/sharing-default').send({ shared: true }).expect(200)
    ).body;
    assert.equal(on.sharingDefault.shared, true);
    assert.ok(on.sharingDefault.changedAt);
    assert.equal(
      (await follower.agent.get('/api/federation/sharing').expect(200)).body.sharing.shared,
      true,
      'an organization that never chose follows the default',
    );
    const shared = (await read(`/api/federation/listings?since=${first.next}`).expect(200)).body;
    assert.deepEqual(entries(shared), [['listing', followed]], 'the chooser keeps its own choice');

    await operator.put('/api/admin/federation/sharing-default').send({ shared: false }).expect(200);
    const off = (await read(`/api/federation/listings?since=${shared.next}`).expect(200)).body;
    assert.deepEqual(entries(off), [['tombstone', followed]]);
    const whole = (await read('/api/federation/listings').expect(200)).body;
    assert.ok(!whole.items.some((i: Item) => i.type === 'listing'), JSON.stringify(whole.items));

    // Setting it to what it is changes nothing, and is not audited again.
    const again = (
      await operator.put('/api/admin/federation/sharing-default').send({ shared: false }).expect(200)
    ).body;
    const stable = (await read(`/api/federation/listings?since=${off.next}`).expect(200)).body;
    assert.deepEqual(stable.items, []);
    const audited = await AuditModel.find({ action: 'federation.sharing-default.change' }).lean();
    assert.deepEqual(
      audited.map((a) => (a.data as { to: boolean }).to),
      [true, false],
    );
    assert.ok(again.sharingDefault.changedAt);
  });

  it('lets operators only set it, names the bad field, and writes nothing when it refuses', async () => {
    await request(t.app).put('/api/admin/federation/sharing-default').send({ shared: true }).expect(401);
    const member = await signUp(t.app, { kind: 'institute' });
    await member.agent.put('/api/admin/federation/sharing-default').send({ shared: true }).expect(403);
    await member.agent.get('/api/admin/federation/sharing-default').expect(403);
    const bad = await operator
      .put('/api/admin/federation/sharing-default')
      .send({ shared: 'yes' })
      .expect(400);
    assert.equal(bad.body.error.details[0].field, 'shared');
    const none = await operator.put('/api/admin/federation/sharing-default').send({}).expect(400);
    assert.equal(none.body.error.details[0].field, 'shared');
    const unset = (await operator.get('/api/admin/federation/sharing-default').expect(200)).body;
    assert.deepEqual(unset.sharingDefault, { shared: false, changedAt: null });
    assert.equal(await AuditModel.countDocuments({ action: 'federation.sharing-default.change' }), 0);
  });
});
