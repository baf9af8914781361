import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { OrganizationModel } from '../../server/organizations/organization.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { AuditModel } from '../../server/audit/audit.model';

const REASON = 'Mã số thuế không khớp với tên đăng ký kinh doanh';

describe('the operators’ verification desk', () => {
  let t: TestApp;
  let founder: Member;
  let joiner: Member;
  let plain: Member;
  let admin: Member;
  let orgId: string;

  before(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase();
    [founder, plain, admin] = await Promise.all([
      signUp(t.app, {
        kind: 'institute',
        verified: false,
        orgName: 'Viện Vật liệu Mới',
        name: 'Trần Thị Bình',
      }),
      signUp(t.app, { kind: 'enterprise' }),
      signInAdmin(t.app),
    ]);
    orgId = founder.orgId;
    // A second member, who reads the exchange in English, approved by the founder.
    const agent = request.agent(t.app);
    const email = `joiner-${Date.now()}@example.vn`;
    const reg = await agent
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, name: 'Lê Văn Cường', locale: 'en', organizationId: orgId })
      .expect(201);
    await founder.agent.post(`/api/organizations/${orgId}/members/${reg.body.user.id}/approve`).expect(200);
    joiner = { agent, user: reg.body.user, orgId };
  });

  const refuse = (m: Member, body: Record<string, unknown>, id = orgId) =>
    m.agent.post(`/api/admin/organizations/${id}/refuse`).send(body);

  it('shows an operator the organization’s profile, members and who registered it; others get 403', async () => {
    await founder.agent
      .patch(`/api/organizations/${orgId}`)
      .send({ taxCode: '0101234567', website: 'https://vlm.example.vn', description: 'Vật liệu composite' })
      .expect(200);
    const res = await admin.agent.get(`/api/admin/organizations/${orgId}`).expect(200);
    assert.equal(res.body.organization.name, 'Viện Vật liệu Mới');
    assert.equal(res.body.organization.kind, 'institute');
    assert.equal(res.body.organization.taxCode, '0101234567');
    assert.equal(res.body.organization.province, 'ha_noi');
    assert.equal(res.body.organization.website, 'https://vlm.example.vn');
    assert.equal(res.body.organization.verificationState, 'pending');
    assert.ok(res.body.organization.createdAt);
    assert.deepEqual(res.body.members.active, 2);
    assert.equal(res.body.members.pending, 0);
    assert.equal(res.body.registeredBy.id, founder.user.id);
    assert.equal(res.body.registeredBy.name, 'Trần Thị Bình');
    assert.deepEqual(res.body.refusals, []);
    await founder.agent.get(`/api/admin/organizations/${orgId}`).expect(403);
    await plain.agent.get(`/api/admin/organizations/${orgId}`).expect(403);
    await request(t.app).get(`/api/admin/organizations/${orgId}`).expect(401);
  });

  it('when an operator refuses with a reason, then it stays unverified, the refusal is recorded and audited, and each active member is told in their language', async () => {
    const res = await refuse(admin, { reason: REASON }).expect(200);
    assert.equal(res.body.organization.verified, false);
    assert.equal(res.body.organization.verificationState, 'refused');
    assert.equal(res.body.refusal.reason, REASON);
    assert.equal(res.body.refusal.by.id, admin.user.id);
    assert.equal(res.body.notified, 2);

    const org = await OrganizationModel.findById(orgId).lean();
    assert.equal(org!.verified, false);
    assert.equal(org!.refusal!.reason, REASON);
    assert.equal(String(org!.refusal!.by), admin.user.id);
    assert.ok(org!.refusal!.at instanceof Date);
    assert.equal(org!.refusals.length, 1);
    const audit = await AuditModel.findOne({ action: 'organization.refuse', targetId: orgId }).lean();
    assert.equal(String(audit!.actorId), admin.user.id);

    const vi = (await founder.agent.get('/api/notifications').expect(200)).body.notifications;
    const refusedVi = vi.find((n: { type: string }) => n.type === 'organization.refused');
    assert.match(refusedVi.title, /Sàn chưa xác minh tổ chức Viện Vật liệu Mới/);
    assert.match(refusedVi.body, new RegExp(REASON));
    assert.equal(refusedVi.link, `/organizations/${orgId}`);
    const en = (await joiner.agent.get('/api/notifications').expect(200)).body.notifications;
    const refusedEn = en.find((n: { type: string }) => n.type === 'organization.refused');
    assert.match(refusedEn.title, /The exchange did not verify Viện Vật liệu Mới/);
    assert.match(refusedEn.body, /Reason: /);

    // The members read the reason on their organization's page; the public does not see it.
    const page = await joiner.agent.get(`/api/organizations/${orgId}`).expect(200);
    assert.equal(page.body.organization.refusal.reason, REASON);
    assert.equal(page.body.organization.verificationState, 'refused');
    await plain.agent.get(`/api/organizations/${orgId}`).expect(404);
  });

  it('when the reason is shorter than 10 characters or missing, then 400 naming reason and nothing is written', async () => {
    for (const body of [
      { reason: 'quá ngắn' },
      { reason: '          x' },
      {},
      { reason: 'x'.repeat(1001) },
    ]) {
      const res = await refuse(admin, body).expect(400);
      assert.equal(res.body.error.code, 'validation_failed');
      assert.ok(
        res.body.error.details.some((d: { field?: string; path?: unknown }) =>
          [d.field, String(d.path)].includes('reason'),
        ),
        JSON.stringify(res.body.error.details),
      );
    }
    const org = await OrganizationModel.findById(orgId).lean();
    assert.equal(org!.refusal, undefined);
    assert.deepEqual(org!.refusals, []);
    assert.equal(await NotificationModel.countDocuments({ type: 'organization.refused' }), 0);
  });

  it('when a member or a broker tries to refuse, then 403 and nothing is written; signed out 401', async () => {
    const broker = await signUp(t.app, { kind: 'broker_firm', role: 'broker' });
    for (const m of [plain, founder, broker]) await refuse(m, { reason: REASON }).expect(403);
    await request(t.app)
      .post(`/api/admin/organizations/${orgId}/refuse`)
      .send({ reason: REASON })
      .expect(401);
    const org = await OrganizationModel.findById(orgId).lean();
    assert.equal(org!.refusal, undefined);
    assert.deepEqual(org!.refusals, []);
    assert.equal(await NotificationModel.countDocuments({ type: 'organization.refused' }), 0);
    assert.equal(await AuditModel.countDocuments({ action: 'organization.refuse' }), 0);
  });

  it('when the organization is verified, then refusing it is 409 (refusing is not revoking); an unknown one 404', async () => {
    await admin.agent.post(`/api/admin/organizations/${plain.orgId}/verify`).expect(200);
    const res = await refuse(admin, { reason: REASON }, plain.orgId).expect(409);
    assert.equal(res.body.error.code, 'conflict');
    const org = await OrganizationModel.findById(plain.orgId).lean();
    assert.equal(org!.verified, true);
    assert.deepEqual(org!.refusals, []);
    await refuse(admin, { reason: REASON }, '64b7f0000000000000000000').expect(404);
  });

  it('a refused organization is refused once until it edits its profile; the edit makes it eligible again and the refusal stays in its history', async () => {
    await refuse(admin, { reason: REASON }).expect(200);
    await refuse(admin, { reason: 'Lần nữa: thiếu thông tin trang web' }).expect(409);
    const edited = await founder.agent
      .patch(`/api/organizations/${orgId}`)
      .send({ taxCode: '0109876543' })
      .expect(200);
    assert.equal(edited.body.organization.verificationState, 'pending');
    assert.equal(edited.body.organization.refusal, undefined);
    const audit = await AuditModel.findOne({ action: 'organization.update', targetId: orgId }).lean();
    assert.equal((audit!.data as { refusalAnswered?: boolean }).refusalAnswered, true);
    const review = await admin.agent.get(`/api/admin/organizations/${orgId}`).expect(200);
    assert.equal(review.body.refusals.length, 1);
    assert.equal(review.body.refusals[0].reason, REASON);
    assert.equal(review.body.refusals[0].by.name, 'Operator');

    await refuse(admin, { reason: 'Mã số thuế mới vẫn chưa đúng' }).expect(200);
    assert.equal((await OrganizationModel.findById(orgId).lean())!.refusals.length, 2);
    // Operators may still change their mind: verifying lifts the standing refusal.
    const verified = await admin.agent.post(`/api/admin/organizations/${orgId}/verify`).expect(200);
    assert.equal(verified.body.organization.verified, true);
    assert.equal(verified.body.organization.verificationState, 'verified');
    assert.equal(verified.body.organization.refusal, undefined);
    const after = await OrganizationModel.findById(orgId).lean();
    assert.equal(after!.refusal, undefined);
    assert.equal(after!.refusals.length, 2);
  });
});
