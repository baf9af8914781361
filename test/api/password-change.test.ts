/**
 * Changing one's password while signed in: the current password must be right, the new one
 * follows registration's rules, the other sessions end and the caller's stays.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { PASSWORD, signUp, type Member } from '../helpers/factories';
import { UserModel } from '../../server/auth/user.model';

const NEW_PASSWORD = 'a-brand-new-password-2026';

describe('changing the password', () => {
  let t: TestApp;
  let lan: Member;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    lan = await signUp(t.app, { email: 'lan@vien-moitruong.vn' });
  });

  const storedHash = async () => (await UserModel.findById(lan.user.id).lean())!.passwordHash;
  const login = (password: string) =>
    request(t.app).post('/api/auth/login').send({ email: lan.user.email, password });

  it('when the current password is wrong, then 400 names currentPassword and the stored hash is unchanged', async () => {
    const before = await storedHash();
    const res = await lan.agent
      .post('/api/auth/password')
      .send({ currentPassword: 'not-my-password', newPassword: NEW_PASSWORD })
      .expect(400);
    assert.equal(res.body.error.code, 'validation_failed');
    assert.deepEqual(
      res.body.error.details.map((d: { field: string; type: string }) => [d.field, d.type]),
      [['currentPassword', 'password.incorrect']],
    );
    assert.equal(await storedHash(), before);
    await login(PASSWORD).expect(200);
    await lan.agent.get('/api/auth/me').expect(200);
  });

  it('when the change succeeds, then the new password signs in, the old one does not, other sessions end and this one stays', async () => {
    const phone = request.agent(t.app);
    await phone.post('/api/auth/login').send({ email: lan.user.email, password: PASSWORD }).expect(200);
    await phone.get('/api/auth/me').expect(200);
    const before = await storedHash();

    const res = await lan.agent
      .post('/api/auth/password')
      .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
      .expect(200);
    assert.equal(res.body.user.id, lan.user.id);
    assert.equal(JSON.stringify(res.body).includes('argon2'), false);

    const after = await storedHash();
    assert.notEqual(after, before);
    assert.match(after, /^\$argon2id\$/);
    await lan.agent.get('/api/auth/me').expect(200);
    const out = await phone.get('/api/auth/me').expect(401);
    assert.equal(out.body.error.code, 'unauthenticated');
    await login(PASSWORD).expect(401);
    await login(NEW_PASSWORD).expect(200);
  });

  it('when the body is missing or the new password too short, then 400 names each field and nothing is written', async () => {
    const before = await storedHash();
    const empty = await lan.agent.post('/api/auth/password').send({}).expect(400);
    const fields = empty.body.error.details.map((d: { field: string }) => d.field).sort();
    assert.deepEqual(fields, ['currentPassword', 'newPassword']);
    const short = await lan.agent
      .post('/api/auth/password')
      .send({ currentPassword: PASSWORD, newPassword: 'short' })
      .expect(400);
    assert.deepEqual(
      short.body.error.details.map((d: { field: string; type: string; limit: number }) => [
        d.field,
        d.type,
        d.limit,
      ]),
      [['newPassword', 'string.min', 10]],
    );
    await lan.agent
      .post('/api/auth/password')
      .send({ currentPassword: { $ne: null }, newPassword: NEW_PASSWORD })
      .expect(400);
    assert.equal(await storedHash(), before);
  });

  it('when nobody is signed in, then 401', async () => {
    const res = await request(t.app)
      .post('/api/auth/password')
      .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
      .expect(401);
    assert.equal(res.body.error.code, 'unauthenticated');
  });
});
