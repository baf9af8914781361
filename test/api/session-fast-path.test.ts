import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { PASSWORD, signUp } from '../helpers/factories';
import { cookieValue, unsignSessionCookie } from '../../server/auth/session-fast-path';
import { AlertModel } from '../../server/alerts/alert.model';

const SECRET = 'a-test-secret-that-is-long-enough';

describe('signed-in requests served from the session cache', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(resetDatabase);

  async function signedInCookie(): Promise<{ cookie: string; email: string; id: string }> {
    const member = await signUp(t.app);
    const login = await request(t.app)
      .post('/api/auth/login')
      .send({ email: member.user.email, password: PASSWORD })
      .expect(200);
    const cookie = String(login.headers['set-cookie']![0]).split(';')[0]!;
    return { cookie, email: member.user.email, id: member.user.id };
  }

  it('when a signed-in user reads again, then they are still themselves and no cookie is sent again', async () => {
    const { cookie, id } = await signedInCookie();
    const first = await request(t.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    assert.equal(first.body.user.id, id);
    const again = await request(t.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    assert.equal(again.body.user.id, id);
    assert.equal(again.headers['set-cookie'], undefined);
    // A write still runs the whole session chain, which sends the rolling cookie again.
    const write = await request(t.app)
      .patch('/api/auth/me')
      .set('Cookie', cookie)
      .send({ name: 'Trần Thị Bình' })
      .expect(200);
    assert.ok(String(write.headers['set-cookie']).startsWith('tx.sid='));
    const renamed = await request(t.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    assert.equal(renamed.body.user.name, 'Trần Thị Bình');
  });

  it('when the user signs out, then the same cookie reads as nobody', async () => {
    const { cookie } = await signedInCookie();
    await request(t.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    await request(t.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    await request(t.app).post('/api/auth/logout').set('Cookie', cookie).expect(204);
    await request(t.app).get('/api/auth/me').set('Cookie', cookie).expect(401);
    await request(t.app).get('/api/deals').set('Cookie', cookie).expect(401);
  });

  it('when a signed-in user writes outside /auth/, then it is done as them and no cookie is sent again', async () => {
    const { cookie } = await signedInCookie();
    await request(t.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    const saved = await request(t.app)
      .post('/api/alerts')
      .set('Cookie', cookie)
      .send({ q: 'xử lý nước thải', filters: { kind: 'offer' } })
      .expect(201);
    assert.equal(saved.headers['set-cookie'], undefined);
    const mine = await request(t.app).get('/api/alerts').set('Cookie', cookie).expect(200);
    assert.deepEqual(
      mine.body.alerts.map((a: { id: string }) => a.id),
      [saved.body.alert.id],
    );
  });

  it('when the user signs out, then a write with the same cookie is refused and writes nothing', async () => {
    const { cookie } = await signedInCookie();
    await request(t.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    await request(t.app).post('/api/auth/logout').set('Cookie', cookie).expect(204);
    await request(t.app)
      .post('/api/alerts')
      .set('Cookie', cookie)
      .send({ q: 'xử lý nước thải', filters: { kind: 'offer' } })
      .expect(401);
    assert.equal(await AlertModel.countDocuments(), 0);
  });

  it('when the cookie’s signature is forged, then the read is anonymous', async () => {
    const { cookie } = await signedInCookie();
    await request(t.app).get('/api/auth/me').set('Cookie', cookie).expect(200);
    const [name, value] = cookie.split('=') as [string, string];
    const decoded = decodeURIComponent(value);
    const forged = `${name}=${encodeURIComponent(decoded.slice(0, -2) + (decoded.endsWith('A') ? 'BB' : 'AA'))}`;
    await request(t.app).get('/api/auth/me').set('Cookie', forged).expect(401);
  });
});

describe('session cookie parsing', () => {
  it('reads the named cookie among others, decoded', () => {
    assert.equal(cookieValue('a=1; tx.sid=s%3Aabc.def; b=2', 'tx.sid'), 's:abc.def');
    assert.equal(cookieValue('tx.sidx=1', 'tx.sid'), undefined);
    assert.equal(cookieValue(undefined, 'tx.sid'), undefined);
  });

  it('accepts only express-session’s own signature', async () => {
    const crypto = await import('node:crypto');
    const sid = 'Zx9-abc_DEF';
    const mac = crypto.createHmac('sha256', SECRET).update(sid).digest('base64').replace(/=+$/, '');
    assert.equal(unsignSessionCookie(`s:${sid}.${mac}`, SECRET), sid);
    assert.equal(unsignSessionCookie(`s:${sid}.${mac}`, `${SECRET}-other`), undefined);
    assert.equal(unsignSessionCookie(`${sid}.${mac}`, SECRET), undefined);
    assert.equal(unsignSessionCookie(`s:${sid}`, SECRET), undefined);
  });
});
