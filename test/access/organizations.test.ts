/** Organizations: verification follows what was verified, members come and go, operators suspend. */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { OrganizationModel } from '../../server/organizations/organization.model';
import { UserModel } from '../../server/auth/user.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { auctionOffer, aBid, inOneHour } from '../api/deals-helpers';

async function joiner(t: TestApp, org: Member, approveBy?: Member): Promise<Member> {
  const agent = request.agent(t.app);
  const email = `joiner-${Math.random().toString(36).slice(2, 8)}@example.vn`;
  const res = await agent
    .post('/api/auth/register')
    .send({ email, password: PASSWORD, name: 'Trần Thị Bình', organizationId: org.orgId })
    .expect(201);
  if (approveBy) {
    await approveBy.agent
      .post(`/api/organizations/${org.orgId}/members/${res.body.user.id}/approve`)
      .expect(200);
  }
  const me = await agent.get('/api/auth/me').expect(200);
  return { agent, user: me.body.user, orgId: org.orgId };
}

describe('access: organizations', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(resetDatabase);

  it('when a verified organization renames itself, then it is no longer verified until an operator verifies it again', async () => {
    const founder = await signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Thật' });
    const admin = await signInAdmin(t.app);
    const res = await founder.agent
      .patch(`/api/organizations/${founder.orgId}`)
      .send({ name: 'Công ty Giả Danh' })
      .expect(200);
    assert.equal(res.body.organization.verified, false);
    const me = await founder.agent.get('/api/auth/me').expect(200);
    assert.equal(me.body.user.organization.verified, false);
    // No longer verified: it cannot open deals.
    await founder.agent.post('/api/deals').send({ offerId: '0123456789abcdef01234567' }).expect(403);
    await admin.agent.post(`/api/admin/organizations/${founder.orgId}/verify`).expect(200);
    const again = await founder.agent.get('/api/auth/me').expect(200);
    assert.equal(again.body.user.organization.verified, true);
  });

  it('when a verified organization changes its tax code, then it loses verification; a description change keeps it', async () => {
    const founder = await signUp(t.app, { kind: 'enterprise' });
    await founder.agent.patch(`/api/organizations/${founder.orgId}`).send({ description: 'Mới' }).expect(200);
    assert.equal((await OrganizationModel.findById(founder.orgId).lean())!.verified, true);
    await founder.agent
      .patch(`/api/organizations/${founder.orgId}`)
      .send({ taxCode: '0109999999' })
      .expect(200);
    const stored = (await OrganizationModel.findById(founder.orgId).lean())!;
    assert.equal(stored.verified, false);
    assert.equal(stored.verifiedAt, undefined);
  });

  it('when anyone reads the public directory, then it lists verified organizations only and no tax codes', async () => {
    const verified = await signUp(t.app, { kind: 'institute', orgName: 'Viện Đã Xác Minh' });
    await OrganizationModel.updateOne({ _id: verified.orgId }, { $set: { taxCode: '0101234567' } });
    const unverified = await signUp(t.app, { verified: false, orgName: 'Công ty Chưa Xác Minh' });
    clearRecordCaches();
    for (const query of ['', '?verified=false', '?verified=true']) {
      const res = await request(t.app).get(`/api/organizations${query}`).expect(200);
      const names = res.body.organizations.map((o: { name: string }) => o.name);
      assert.ok(!names.includes('Công ty Chưa Xác Minh'), query);
      assert.ok(!JSON.stringify(res.body).includes('0101234567'), query);
    }
    await request(t.app).get(`/api/organizations/${unverified.orgId}`).expect(404);
    const profile = await request(t.app).get(`/api/organizations/${verified.orgId}`).expect(200);
    assert.equal(profile.body.organization.taxCode, undefined);
    const own = await verified.agent.get(`/api/organizations/${verified.orgId}`).expect(200);
    assert.equal(own.body.organization.taxCode, '0101234567');
    await unverified.agent.get(`/api/organizations/${unverified.orgId}`).expect(200);
    const admin = await signInAdmin(t.app);
    const all = await admin.agent.get('/api/admin/organizations?verified=false').expect(200);
    assert.deepEqual(
      all.body.organizations.map((o: { name: string }) => o.name),
      ['Công ty Chưa Xác Minh'],
    );
  });

  it('when the organization’s administrator removes a member, then the member acts for it no more', async () => {
    const founder = await signUp(t.app, { kind: 'enterprise' });
    const member = await joiner(t, founder, founder);
    assert.equal(member.user.organization?.id, founder.orgId);
    await founder.agent.delete(`/api/organizations/${founder.orgId}/members/${member.user.id}`).expect(204);
    const me = await member.agent.get('/api/auth/me').expect(200);
    assert.equal(me.body.user.organization, null);
    assert.equal(me.body.user.membershipStatus, 'none');
    await member.agent.get(`/api/organizations/${founder.orgId}/members`).expect(403);
  });

  it('when a plain member tries to remove another member, then it is refused and nothing changes', async () => {
    const founder = await signUp(t.app, { kind: 'enterprise' });
    const a = await joiner(t, founder, founder);
    const b = await joiner(t, founder, founder);
    const res = await a.agent.delete(`/api/organizations/${founder.orgId}/members/${b.user.id}`).expect(403);
    assert.equal(res.body.error.code, 'forbidden');
    await a.agent.delete(`/api/organizations/${founder.orgId}/members/${founder.user.id}`).expect(403);
    const stored = (await UserModel.findById(b.user.id).lean())!;
    assert.equal(String(stored.organizationId), founder.orgId);
    assert.equal(stored.membershipStatus, 'active');
    const outsider = await signUp(t.app);
    await outsider.agent.delete(`/api/organizations/${founder.orgId}/members/${b.user.id}`).expect(403);
    assert.equal((await UserModel.findById(b.user.id).lean())!.membershipStatus, 'active');
  });

  it('when a plain member tries to approve a request to join or to edit the profile, then it is refused and nothing is written; their capability they may keep current', async () => {
    const founder = await signUp(t.app, { kind: 'enterprise' });
    const member = await joiner(t, founder, founder);
    const pending = await joiner(t, founder);
    const refused = await member.agent
      .post(`/api/organizations/${founder.orgId}/members/${pending.user.id}/approve`)
      .expect(403);
    assert.equal(refused.body.error.code, 'forbidden');
    assert.equal((await UserModel.findById(pending.user.id).lean())!.membershipStatus, 'pending');
    const before = (await OrganizationModel.findById(founder.orgId).lean())!;
    await member.agent
      .patch(`/api/organizations/${founder.orgId}`)
      .send({ name: 'Tên mới do thành viên đặt', description: 'Mô tả mới' })
      .expect(403);
    const after = (await OrganizationModel.findById(founder.orgId).lean())!;
    assert.equal(after.name, before.name);
    assert.equal(after.description, before.description);
    await member.agent
      .patch(`/api/organizations/${founder.orgId}`)
      .send({ capability: { keywords: ['xử lý nước thải'], staff: 12 } })
      .expect(200);
    const kept = (await OrganizationModel.findById(founder.orgId).lean())!;
    assert.deepEqual(kept.capability?.keywords, ['xử lý nước thải']);

    await founder.agent
      .post(`/api/organizations/${founder.orgId}/members/${pending.user.id}/approve`)
      .expect(200);
    assert.equal((await UserModel.findById(pending.user.id).lean())!.membershipStatus, 'active');
  });

  it('when a member leaves, then they are out; an administrator can refuse a pending request the same way', async () => {
    const founder = await signUp(t.app, { kind: 'enterprise' });
    const member = await joiner(t, founder, founder);
    await member.agent.delete(`/api/organizations/${founder.orgId}/members/${member.user.id}`).expect(204);
    assert.equal((await UserModel.findById(member.user.id).lean())!.organizationId, undefined);
    const pending = await joiner(t, founder);
    await founder.agent.delete(`/api/organizations/${founder.orgId}/members/${pending.user.id}`).expect(204);
    const members = await founder.agent.get(`/api/organizations/${founder.orgId}/members`).expect(200);
    assert.deepEqual(
      members.body.members.map((m: { id: string }) => m.id),
      [founder.user.id],
    );
  });

  it('when a user record left the organization without its member list following (a stop), then the list shows them no more', async () => {
    const founder = await signUp(t.app, { kind: 'enterprise' });
    const member = await joiner(t, founder, founder);
    const ids = async () =>
      (await founder.agent.get(`/api/organizations/${founder.orgId}/members`).expect(200)).body.members.map(
        (m: { id: string }) => m.id,
      );
    assert.deepEqual((await ids()).sort(), [founder.user.id, member.user.id].sort());
    await UserModel.updateOne(
      { _id: member.user.id },
      { $set: { membershipStatus: 'none' }, $unset: { organizationId: 1 } },
    );
    clearRecordCaches();
    assert.deepEqual(await ids(), [founder.user.id]);
  });

  it('when an organization has many members, then they come page by page with the total; a bad page is 400', async () => {
    const founder = await signUp(t.app, { kind: 'enterprise' });
    const joined = [];
    for (let i = 0; i < 3; i++) joined.push(await joiner(t, founder, founder));
    const first = await founder.agent.get(`/api/organizations/${founder.orgId}/members?limit=2`).expect(200);
    assert.equal(first.body.total, 4);
    assert.deepEqual(
      first.body.members.map((m: { id: string }) => m.id),
      [founder.user.id, joined[0]!.user.id],
    );
    const second = await founder.agent
      .get(`/api/organizations/${founder.orgId}/members?limit=2&page=2`)
      .expect(200);
    assert.deepEqual(
      second.body.members.map((m: { id: string }) => m.id),
      [joined[1]!.user.id, joined[2]!.user.id],
    );
    const refused = await founder.agent
      .get(`/api/organizations/${founder.orgId}/members?limit=1000`)
      .expect(400);
    assert.equal(refused.body.error.details[0].field, 'limit');
  });

  it('when an operator suspends a user, then their session ends, they cannot sign in, and after reinstatement they can', async () => {
    const member = await signUp(t.app, { kind: 'enterprise' });
    const admin = await signInAdmin(t.app);
    const res = await admin.agent
      .post(`/api/admin/users/${member.user.id}/suspend`)
      .send({ reason: 'Giả mạo hồ sơ' })
      .expect(200);
    assert.equal(res.body.user.suspended, true);
    await member.agent.get('/api/auth/me').expect(401);
    const login = await request(t.app)
      .post('/api/auth/login')
      .send({ email: member.user.email, password: PASSWORD })
      .expect(403);
    assert.equal(login.body.error.code, 'forbidden');
    await admin.agent.post(`/api/admin/users/${member.user.id}/reinstate`).expect(200);
    // The old session stays ended; signing in again works.
    await member.agent.get('/api/auth/me').expect(401);
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: member.user.email, password: PASSWORD })
      .expect(200);
  });

  it('when a member tries to suspend someone, then it is refused and nothing is written', async () => {
    const member = await signUp(t.app);
    const victim = await signUp(t.app);
    await member.agent
      .post(`/api/admin/users/${victim.user.id}/suspend`)
      .send({ reason: 'spam spam' })
      .expect(403);
    assert.equal((await UserModel.findById(victim.user.id).lean())!.suspendedAt, undefined);
    await victim.agent.get('/api/auth/me').expect(200);
  });

  it('when an operator belongs to the auction owner’s organization, then they see no sealed bid before the close', async () => {
    const owner = await signUp(t.app, { kind: 'institute' });
    const bidder = await signUp(t.app, { kind: 'enterprise' });
    const offerId = await auctionOffer(owner, inOneHour());
    await bidder.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(201);
    await UserModel.updateOne({ _id: owner.user.id }, { $set: { role: 'admin' } });
    clearRecordCaches();
    const listed = await owner.agent.get(`/api/offers/${offerId}/bids`).expect(200);
    assert.deepEqual(listed.body.bids, []);
    assert.equal(listed.body.sealed, true);
    const all = await owner.agent.get('/api/bids?mine=false').expect(200);
    assert.deepEqual(all.body.bids, []);
    // An operator of no party still sees them.
    const admin = await signInAdmin(t.app);
    const seen = await admin.agent.get(`/api/offers/${offerId}/bids`).expect(200);
    assert.equal(seen.body.bids.length, 1);
  });
});
