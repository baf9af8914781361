import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { PASSWORD, signUp } from '../helpers/factories';
import { UserModel } from '../../server/auth/user.model';

describe('security: cross-site requests (CSRF)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://san.example.vn' });
  });
  beforeEach(resetDatabase);

  const registration = (email: string) => ({
    email,
    password: PASSWORD,
    name: 'Trần Thị Lan',
    organization: { name: `Viện ${email}`, kind: 'institute', province: 'ha_noi' },
  });

  it('when another site posts a registration, then 403 in the contract body and no account is written', async () => {
    const res = await request(t.app)
      .post('/api/auth/register')
      .set('Origin', 'https://evil.example')
      .send(registration('victim@example.vn'))
      .expect(403);
    assert.equal(res.body.error.code, 'forbidden');
    assert.equal(typeof res.body.error.message, 'string');
    assert.ok(Array.isArray(res.body.error.details));
    assert.equal(await UserModel.countDocuments({ email: 'victim@example.vn' }), 0);
  });

  it('when another site sends a body-less POST with the victim’s cookie, then 403 and the session stays', async () => {
    const member = await signUp(t.app);
    await member.agent.post('/api/auth/logout').set('Origin', 'https://evil.example').expect(403);
    await member.agent.post('/api/auth/logout').set('Sec-Fetch-Site', 'cross-site').expect(403);
    await member.agent.post('/api/auth/logout').set('Origin', 'null').expect(403);
    await member.agent.get('/api/auth/me').expect(200);
  });

  it('when a sibling site sends PATCH or DELETE, then 403 and nothing changes', async () => {
    const member = await signUp(t.app, { name: 'Tên Cũ' });
    await member.agent
      .patch('/api/auth/me')
      .set('Sec-Fetch-Site', 'same-site')
      .send({ name: 'Tên Mới' })
      .expect(403);
    await member.agent
      .delete('/api/alerts/000000000000000000000000')
      .set('Origin', 'https://a.example.vn')
      .expect(403);
    const me = await member.agent.get('/api/auth/me').expect(200);
    assert.equal(me.body.user.name, 'Tên Cũ');
  });

  it('when the exchange’s own pages send a write (PUBLIC_URL origin, Host origin, or same-origin fetch), then it goes through', async () => {
    const member = await signUp(t.app);
    await member.agent
      .patch('/api/auth/me')
      .set('Origin', 'https://san.example.vn')
      .send({ locale: 'en' })
      .expect(200);
    const host = await member.agent.get('/api/auth/me').expect(200);
    assert.equal(host.body.user.locale, 'en');
    await member.agent
      .patch('/api/auth/me')
      .set('Host', 'exchange.local:8080')
      .set('Origin', 'http://exchange.local:8080')
      .send({ locale: 'vi' })
      .expect(200);
    await member.agent
      .patch('/api/auth/me')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ locale: 'en' })
      .expect(200);
  });

  it('when a client sends neither Origin nor Sec-Fetch-Site (curl, a server), then it goes through, and reads are never checked', async () => {
    await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'nobody@example.vn', password: 'wrong-password' })
      .expect(401);
    await request(t.app).get('/api/offers').set('Origin', 'https://evil.example').expect(200);
  });
});
