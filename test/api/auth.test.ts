import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { PASSWORD, signInAdmin, signUp } from '../helpers/factories';
import { UserModel } from '../../server/auth/user.model';

describe('accounts and organizations', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(resetDatabase);

  const registration = (email = 'lan@vien-moitruong.vn') => ({
    email,
    password: PASSWORD,
    name: 'Trần Thị Lan',
    locale: 'vi',
    organization: {
      name: 'Viện Công nghệ Môi trường Thăng Long',
      kind: 'institute',
      province: 'ha_noi',
      taxCode: '0101234567',
    },
  });

  it('when someone registers with a new organization, then they get their user, signed in, without a password hash', async () => {
    const agent = request.agent(t.app);
    const res = await agent.post('/api/auth/register').send(registration()).expect(201);
    const user = res.body.user;
    assert.equal(user.email, 'lan@vien-moitruong.vn');
    assert.equal(user.role, 'member');
    assert.equal(user.locale, 'vi');
    assert.deepEqual(Object.keys(user.organization).sort(), ['id', 'kind', 'name', 'verified']);
    assert.equal(user.organization.verified, false);
    assert.equal(JSON.stringify(res.body).includes('passwordHash'), false);
    assert.equal(JSON.stringify(res.body).includes('argon2'), false);
    const me = await agent.get('/api/auth/me').expect(200);
    assert.equal(me.body.user.id, user.id);
  });

  it('when someone joins an existing organization, then their membership waits for a member to approve it', async () => {
    const founder = await signUp(t.app, { kind: 'university' });
    const agent = request.agent(t.app);
    const res = await agent
      .post('/api/auth/register')
      .send({ email: 'minh@example.vn', password: PASSWORD, name: 'Lê Minh', organizationId: founder.orgId })
      .expect(201);
    assert.equal(res.body.user.membershipStatus, 'pending');
    assert.equal(res.body.user.organization.id, founder.orgId);
    const members = await founder.agent.get(`/api/organizations/${founder.orgId}/members`).expect(200);
    assert.equal(members.body.members.length, 2);
    await founder.agent
      .post(`/api/organizations/${founder.orgId}/members/${res.body.user.id}/approve`)
      .expect(200);
    const me = await agent.get('/api/auth/me').expect(200);
    assert.equal(me.body.user.membershipStatus, 'active');
  });

  it('when an email is registered twice, then the second gets 409 and no second organization is left behind', async () => {
    await request(t.app).post('/api/auth/register').send(registration('dup@example.vn')).expect(201);
    const res = await request(t.app)
      .post('/api/auth/register')
      .send(registration('DUP@example.vn'))
      .expect(409);
    assert.equal(res.body.error.code, 'conflict');
    const admin = await signInAdmin(t.app);
    const orgs = await admin.agent.get('/api/admin/organizations').expect(200);
    assert.equal(orgs.body.total, 1);
  });

  it('when registration misses fields, then 400 names each bad field', async () => {
    const res = await request(t.app)
      .post('/api/auth/register')
      .send({ email: 'not-an-email', password: 'short', organization: { name: 'X', kind: 'spaceship' } })
      .expect(400);
    assert.equal(res.body.error.code, 'validation_failed');
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    for (const f of ['email', 'password', 'name', 'organization.name', 'organization.kind'])
      assert.ok(fields.includes(f), `${f} in ${fields}`);
  });

  it('when a registration sends role or verified, then they are ignored (no mass assignment)', async () => {
    const body = { ...registration('sneaky@example.vn'), role: 'admin', verified: true };
    body.organization = { ...body.organization, verified: true } as typeof body.organization;
    const res = await request(t.app).post('/api/auth/register').send(body).expect(201);
    assert.equal(res.body.user.role, 'member');
    assert.equal(res.body.user.organization.verified, false);
  });

  it('when the password is wrong or the email unknown, then both get the same 401 with no hint', async () => {
    await request(t.app).post('/api/auth/register').send(registration('known@example.vn')).expect(201);
    const wrong = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'known@example.vn', password: 'wrong-password' })
      .expect(401);
    const unknown = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'nobody@example.vn', password: 'wrong-password' })
      .expect(401);
    assert.equal(wrong.body.error.code, 'unauthenticated');
    assert.equal(wrong.body.error.message, unknown.body.error.message);
    assert.doesNotMatch(wrong.body.error.message, /password is wrong|no such|not found|unknown/i);
  });

  it('when a login body carries NoSQL operators, then it is refused with 400 and nobody is signed in', async () => {
    await request(t.app).post('/api/auth/register').send(registration('target@example.vn')).expect(201);
    const res = await request(t.app)
      .post('/api/auth/login')
      .send({ email: { $ne: null }, password: { $ne: null } })
      .expect(400);
    assert.equal(res.body.error.code, 'validation_failed');
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    assert.ok(fields.includes('email') && fields.includes('password'));
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'target@example.vn', password: { $gt: '' } })
      .expect(400);
  });

  it('when a query string carries NoSQL operators, then it is refused with 400', async () => {
    const admin = await signInAdmin(t.app);
    const res = await admin.agent.get('/api/admin/organizations?verified[$ne]=true').expect(400);
    assert.equal(res.body.error.code, 'validation_failed');
    assert.equal(res.body.error.details[0].field, 'verified[$ne]');
    await admin.agent.get('/api/organizations?kind[$gt]=').expect(400);
  });

  it('when someone signs in, then the session cookie is HttpOnly and SameSite=Lax, and Secure behind TLS', async () => {
    await request(t.app).post('/api/auth/register').send(registration('cookie@example.vn')).expect(201);
    const res = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'cookie@example.vn', password: PASSWORD })
      .expect(200);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /tx\.sid=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/);
    const tls = await createTestApp({ TRUST_PROXY: 'true' });
    const secure = await request(tls.app)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: 'cookie@example.vn', password: PASSWORD })
      .expect(200);
    assert.match(String(secure.headers['set-cookie']), /Secure/);
  });

  it('when someone signs in, then the session id is a new one', async () => {
    const agent = request.agent(t.app);
    const reg = await agent.post('/api/auth/register').send(registration('rotate@example.vn')).expect(201);
    const before = /tx\.sid=([^;]+)/.exec(String(reg.headers['set-cookie']))![1];
    const login = await agent
      .post('/api/auth/login')
      .send({ email: 'rotate@example.vn', password: PASSWORD })
      .expect(200);
    const after = /tx\.sid=([^;]+)/.exec(String(login.headers['set-cookie']))![1];
    assert.notEqual(after, before);
  });

  it('when someone logs out, then me answers 401', async () => {
    const agent = request.agent(t.app);
    await agent.post('/api/auth/register').send(registration('bye@example.vn')).expect(201);
    await agent.post('/api/auth/logout').expect(204);
    const res = await agent.get('/api/auth/me').expect(401);
    assert.equal(res.body.error.code, 'unauthenticated');
  });

  it('when sign-in fails too often, then further attempts get 429', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT: '3' });
    for (let i = 0; i < 3; i++) {
      await request(limited.app)
        .post('/api/auth/login')
        .send({ email: 'x@example.vn', password: 'nope-nope' })
        .expect(401);
    }
    const res = await request(limited.app)
      .post('/api/auth/login')
      .send({ email: 'x@example.vn', password: 'nope-nope' })
      .expect(429);
    assert.equal(res.body.error.code, 'rate_limited');
  });

  it('when a member calls an operator route, then 403; anonymously, 401', async () => {
    const member = await signUp(t.app);
    const res = await member.agent.post(`/api/admin/organizations/${member.orgId}/verify`).expect(403);
    assert.equal(res.body.error.code, 'forbidden');
    await request(t.app).post(`/api/admin/organizations/${member.orgId}/verify`).expect(401);
  });

  it('when an operator verifies an organization, then its members see it verified', async () => {
    const member = await signUp(t.app, { verified: false, kind: 'institute' });
    assert.equal(member.user.organization!.verified, false);
    const admin = await signInAdmin(t.app);
    const pending = await admin.agent.get('/api/admin/organizations?verified=false').expect(200);
    assert.ok(pending.body.organizations.some((o: { id: string }) => o.id === member.orgId));
    await admin.agent.post(`/api/admin/organizations/${member.orgId}/verify`).expect(200);
    const me = await member.agent.get('/api/auth/me').expect(200);
    assert.equal(me.body.user.organization.verified, true);
  });

  it('when an operator makes a user a broker, then their role says so', async () => {
    const member = await signUp(t.app, { kind: 'broker_firm' });
    const admin = await signInAdmin(t.app);
    await admin.agent.post(`/api/admin/users/${member.user.id}/role`).send({ role: 'broker' }).expect(200);
    const me = await member.agent.get('/api/auth/me').expect(200);
    assert.equal(me.body.user.role, 'broker');
    assert.equal((await UserModel.findById(member.user.id).lean())!.role, 'broker');
  });

  it('when someone searches the organization directory by name, then matching organizations are listed', async () => {
    await signUp(t.app, { kind: 'institute', orgName: 'Viện Công nghệ Sinh học Miền Bắc' });
    await signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Cơ khí Hải Phòng' });
    const res = await request(t.app).get('/api/organizations?q=sinh%20h%E1%BB%8Dc').expect(200);
    assert.deepEqual(
      res.body.organizations.map((o: { name: string }) => o.name),
      ['Viện Công nghệ Sinh học Miền Bắc'],
    );
    const regexy = await request(t.app).get('/api/organizations?q=.*').expect(200);
    assert.equal(regexy.body.total, 0);
  });

  it('when a user changes the language, then it is remembered', async () => {
    const member = await signUp(t.app);
    await member.agent.patch('/api/auth/me').send({ locale: 'en' }).expect(200);
    const me = await member.agent.get('/api/auth/me').expect(200);
    assert.equal(me.body.user.locale, 'en');
  });
});
