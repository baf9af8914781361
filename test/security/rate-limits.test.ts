import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { PASSWORD } from '../helpers/factories';
import { UserModel } from '../../server/auth/user.model';
import { OrganizationModel } from '../../server/organizations/organization.model';

describe('security: rate limits on sign-in and registration', () => {
  beforeEach(resetDatabase);

  const failLogin = (app: TestApp['app'], email: string) =>
    request(app).post('/api/auth/login').send({ email, password: 'nope-nope' });

  it('when one email is padded with spaces or recased on each attempt, then it still reaches 429', async () => {
    const t = await createTestApp({ LOGIN_RATE_LIMIT: '3' });
    const variants = ['x@example.vn', ' x@example.vn', '  X@Example.VN', '   x@example.vn  '];
    for (const email of variants.slice(0, 3)) await failLogin(t.app, email).expect(401);
    const res = await failLogin(t.app, variants[3]).expect(429);
    assert.equal(res.body.error.code, 'rate_limited');
  });

  it('when one address tries many different emails, then the per-address limit answers 429', async () => {
    const t = await createTestApp({ LOGIN_RATE_LIMIT: '100', LOGIN_IP_RATE_LIMIT: '4' });
    for (let i = 0; i < 4; i++) await failLogin(t.app, `spray-${i}@example.vn`).expect(401);
    const res = await failLogin(t.app, 'spray-new@example.vn').expect(429);
    assert.equal(res.body.error.code, 'rate_limited');
  });

  it('when one address registers too often, then 429 and no account or organization is written', async () => {
    const t = await createTestApp({ REGISTER_RATE_LIMIT: '2' });
    const register = (i: number) =>
      request(t.app)
        .post('/api/auth/register')
        .send({
          email: `reg-${i}@example.vn`,
          password: PASSWORD,
          name: 'Người Đăng Ký',
          organization: { name: `Công ty ${i}`, kind: 'enterprise', province: 'ha_noi' },
        });
    await register(1).expect(201);
    await register(2).expect(201);
    const res = await register(3).expect(429);
    assert.equal(res.body.error.code, 'rate_limited');
    assert.equal(await UserModel.countDocuments({ email: 'reg-3@example.vn' }), 0);
    assert.equal(await OrganizationModel.countDocuments({ name: 'Công ty 3' }), 0);
  });
});
