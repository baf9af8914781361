/**
 * Password reset by an emailed single-use link that expires, with the mail read from a real SMTP
 * server in this process: the same answer for every email, a link only to a known account within
 * its rate limit, one use per link, and every session of the account ended.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { decoded, startSmtp } from '../helpers/smtp-inbox';
import { PASSWORD, signUp, type Member } from '../helpers/factories';
import { UserModel } from '../../server/auth/user.model';
import { resetTokenStore } from '../../server/auth/password-reset-token.store';
import { resetMailsSettled, resetTokenId } from '../../server/auth/password-reset.service';

const NEW_PASSWORD = 'reset-password-2026-moi';

describe('password reset by an emailed link', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let lan: Member;

  const smtpConfig = () => ({
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MAIL_FROM: 'San <no-reply@san.test>',
    PUBLIC_URL: 'https://san.example.vn',
    // Every test asks for this one email; the limit has its own test (and app) below.
    PASSWORD_RESET_RATE_LIMIT: '1000',
  });

  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp(smtpConfig());
  });
  after(async () => {
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });
  beforeEach(async () => {
    await resetDatabase();
    smtp.inbox.length = 0;
    lan = await signUp(t.app, { email: 'lan@vien-moitruong.vn' });
  });

  const ask = (app: TestApp['app'], email: string) =>
    request(app).post('/api/auth/password-reset').send({ email });
  const confirm = (token: unknown, newPassword = NEW_PASSWORD) =>
    request(t.app).post('/api/auth/password-reset/confirm').send({ token, newPassword });
  const login = (password: string) =>
    request(t.app).post('/api/auth/login').send({ email: lan.user.email, password });
  const tokens = () => mongoose.connection.db!.collection('passwordresettokens');
  const usersFingerprint = async () => JSON.stringify(await UserModel.find({}).sort({ _id: 1 }).lean());

  /** The token of the link in the one mail the inbox holds. */
  async function mailedToken(): Promise<{ token: string; text: string }> {
    await resetMailsSettled();
    assert.equal(smtp.inbox.length, 1, 'one mail');
    const text = decoded(smtp.inbox[0].raw);
    const link = text.match(/https:\/\/san\.example\.vn\/reset-password\?token=([A-Za-z0-9_-]+)/);
    assert.ok(link, `a reset link in:\n${text}`);
    return { token: link[1], text };
  }

  async function askAndReadToken(): Promise<string> {
    const res = await ask(t.app, lan.user.email).expect(202);
    assert.deepEqual(res.body, { ok: true });
    return (await mailedToken()).token;
  }

  it('when the email is unknown, then 202 as for any email, no mail goes out and nothing is written', async () => {
    const users = await usersFingerprint();
    const res = await ask(t.app, 'nobody@example.vn').expect(202);
    assert.deepEqual(res.body, { ok: true });
    await resetMailsSettled();
    assert.equal(smtp.inbox.length, 0);
    assert.equal(await tokens().countDocuments({}), 0);
    assert.equal(await usersFingerprint(), users);
  });

  it('when the email is known, then one mail in the account’s language carries a link whose token is stored only as its hash, expiring in an hour', async () => {
    const before = Date.now();
    const res = await ask(t.app, '  LAN@Vien-MoiTruong.vn ').expect(202);
    assert.deepEqual(res.body, { ok: true });
    const { token, text } = await mailedToken();
    assert.deepEqual(smtp.inbox[0].to, ['lan@vien-moitruong.vn']);
    assert.match(text, /Subject: Đặt lại mật khẩu/);
    assert.ok(Buffer.from(token, 'base64url').length >= 32, 'at least 32 random bytes');

    const stored = await tokens().find({}).toArray();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]._id, resetTokenId(token));
    assert.equal(String(stored[0].userId), lan.user.id);
    assert.equal(JSON.stringify(stored).includes(token), false, 'the token itself is not stored');
    const ttl = (stored[0].expiresAt as Date).getTime() - before;
    assert.ok(ttl > 55 * 60_000 && ttl <= 61 * 60_000, `expires in about an hour (${ttl} ms)`);

    await lan.agent.patch('/api/auth/me').send({ locale: 'en' }).expect(200);
    smtp.inbox.length = 0;
    await ask(t.app, lan.user.email).expect(202);
    assert.match((await mailedToken()).text, /Subject: Reset your password/);
  });

  it('when the link’s token is confirmed, then the new password signs in, the old one does not, every session ends and nobody is signed in', async () => {
    const token = await askAndReadToken();
    const res = await confirm(token).expect(200);
    assert.deepEqual(res.body, { ok: true });
    assert.equal(res.headers['set-cookie'], undefined, 'no session is made');
    await lan.agent.get('/api/auth/me').expect(401);
    await login(PASSWORD).expect(401);
    await login(NEW_PASSWORD).expect(200);
    const stored = await resetTokenStore.get(resetTokenId(token));
    assert.ok(stored?.usedAt, 'the token is marked used');
  });

  it('when the same token is confirmed again, then 400 names token and the password stays as the first use set it', async () => {
    const token = await askAndReadToken();
    await confirm(token).expect(200);
    const hash = (await UserModel.findById(lan.user.id).lean())!.passwordHash;
    const again = await confirm(token, 'yet-another-password-2026').expect(400);
    assert.equal(again.body.error.code, 'validation_failed');
    assert.deepEqual(
      again.body.error.details.map((d: { field: string; type: string }) => [d.field, d.type]),
      [['token', 'token.invalid']],
    );
    assert.equal((await UserModel.findById(lan.user.id).lean())!.passwordHash, hash);
  });

  it('when the token has expired, then 400 names token and the password is unchanged', async () => {
    const token = await askAndReadToken();
    await resetTokenStore.mutate(resetTokenId(token), () => ({
      change: { $set: { expiresAt: new Date(Date.now() - 1000) } },
      result: null,
    }));
    const hash = (await UserModel.findById(lan.user.id).lean())!.passwordHash;
    const res = await confirm(token).expect(400);
    assert.deepEqual(
      res.body.error.details.map((d: { field: string }) => d.field),
      ['token'],
    );
    assert.equal((await UserModel.findById(lan.user.id).lean())!.passwordHash, hash);
    await login(PASSWORD).expect(200);
  });

  it('when a token is unknown, then 400 names token', async () => {
    const res = await confirm('A'.repeat(43)).expect(400);
    assert.deepEqual(
      res.body.error.details.map((d: { field: string }) => d.field),
      ['token'],
    );
  });

  it('when two confirmations of one token race, then exactly one succeeds', async () => {
    const token = await askAndReadToken();
    const [a, b] = await Promise.all([
      confirm(token, 'first-racer-password'),
      confirm(token, 'second-racer-password'),
    ]);
    const statuses = [a.status, b.status].sort();
    assert.deepEqual(statuses, [200, 400]);
    const loser = a.status === 400 ? a : b;
    assert.equal(loser.body.error.details[0].field, 'token');
    const winner = a.status === 200 ? 'first-racer-password' : 'second-racer-password';
    await login(winner).expect(200);
  });

  it('when the password is changed after a link was sent, then that link no longer works', async () => {
    const token = await askAndReadToken();
    await lan.agent
      .post('/api/auth/password')
      .send({ currentPassword: PASSWORD, newPassword: 'changed-while-signed-in' })
      .expect(200);
    const res = await confirm(token).expect(400);
    assert.equal(res.body.error.details[0].field, 'token');
    await login('changed-while-signed-in').expect(200);
  });

  it('when the account is suspended, then the answer is the same 202 and no mail goes out', async () => {
    await UserModel.updateOne({ _id: lan.user.id }, { $set: { suspendedAt: new Date() } });
    await ask(t.app, lan.user.email).expect(202);
    await resetMailsSettled();
    assert.equal(smtp.inbox.length, 0);
    assert.equal(await tokens().countDocuments({}), 0);
  });

  it('when one email asks more often than its limit, then the extra request answers the same 202 and sends no mail', async () => {
    const limited = await createTestApp({ ...smtpConfig(), PASSWORD_RESET_RATE_LIMIT: '2' });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await ask(limited.app, lan.user.email));
    for (const res of answers) {
      assert.equal(res.status, 202);
      assert.deepEqual(res.body, { ok: true });
      // The headers name the address's limit only: the same ones whether the email is limited or not.
      assert.deepEqual(Object.keys(res.headers).sort(), Object.keys(answers[0].headers).sort());
      assert.doesNotMatch(JSON.stringify(res.headers), /"2-in-1hr"/);
    }
    await resetMailsSettled();
    assert.equal(smtp.inbox.length, 2);
    assert.equal(await tokens().countDocuments({}), 2);
  });

  it('when one address asks more often than its limit, then 429 rate_limited', async () => {
    const limited = await createTestApp({ ...smtpConfig(), PASSWORD_RESET_IP_RATE_LIMIT: '2' });
    await ask(limited.app, 'a@example.vn').expect(202);
    await ask(limited.app, 'b@example.vn').expect(202);
    const res = await ask(limited.app, 'c@example.vn').expect(429);
    assert.equal(res.body.error.code, 'rate_limited');
  });

  it('when the inputs are bad, then 400 names each field and nothing is written', async () => {
    const users = await usersFingerprint();
    const bad = await ask(t.app, 'not-an-email').expect(400);
    assert.deepEqual(
      bad.body.error.details.map((d: { field: string }) => d.field),
      ['email'],
    );
    await request(t.app).post('/api/auth/password-reset').send({}).expect(400);
    await request(t.app)
      .post('/api/auth/password-reset')
      .send({ email: { $ne: null } })
      .expect(400);
    const res = await request(t.app)
      .post('/api/auth/password-reset/confirm')
      .send({ token: 'short!', newPassword: 'short' })
      .expect(400);
    assert.deepEqual([...new Set(res.body.error.details.map((d: { field: string }) => d.field))].sort(), [
      'newPassword',
      'token',
    ]);
    await request(t.app)
      .post('/api/auth/password-reset/confirm')
      .send({ token: { $gt: '' }, newPassword: NEW_PASSWORD })
      .expect(400);
    await resetMailsSettled();
    assert.equal(smtp.inbox.length, 0);
    assert.equal(await tokens().countDocuments({}), 0);
    assert.equal(await usersFingerprint(), users);
  });
});
