/**
 * The owner's answers to inquiries across two exchanges side by side: the home exchange is this
 * test's app (on the test database, listening on 127.0.0.1), the asking exchange a separate server
 * process on another database that imported the home exchange's listings. A member there asks; the
 * listing's owner answers on the home exchange (one answer or a thread; accept or decline once,
 * contact details both ways only on accept); each answer goes back signed to the asking exchange, is kept once on the asker's
 * inquiry and the asker is told in their language. An answer the asking exchange refuses for a
 * while is sent again by the durable job; one unsigned, tampered, replayed, expired, from an
 * unknown key, about an inquiry never sent to its signer, or from a suspended partner is refused
 * there with nothing written. The asking exchange's reply (with the asker's contact, to an
 * acceptance) is signed too; the home exchange refuses one unsigned, tampered, signed by an
 * unknown key or answering another delivery, keeps nothing of it and tries the delivery again.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { spawnExchangeProcess, type ExchangeProcess, otherDatabase } from '../helpers/exchange-process';
import { publishedOffer } from './deals-helpers';
import { generateSigningKeyPair, keyIdOf, signBody } from '../../server/federation/signing';
import { assertSignedBy } from '../helpers/federation-keys';
import { federationRelay } from '../helpers/federation-relay';
import { deliverAnswer } from '../../server/federation';
import { forgetOwnIdentity, ownIdentity } from '../../server/federation/identity.store';
import { ReceivedInquiryModel } from '../../server/federation/received-inquiry.model';
import { JobModel } from '../../server/scheduler/job.model';
import { FEDERATION_ANSWER } from '../../server/scheduler/job-types';
import { federationAnswerJobHandlers } from '../../server/federation/federation-answer-jobs';
import type { AnswerEnvelope } from '../../server/federation/answer-rules';
import type { JobDoc } from '../../server/scheduler/job.model';

type Agent = ReturnType<typeof request.agent>;

const ASKER_ADMIN = 'operator@asker-answers.example.vn';
const ASKER_PASSWORD = 'asker-Password-2027';

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('answers to inquiries between two exchanges', function () {
  this.timeout(90_000);
  let home: TestApp;
  let server: http.Server;
  let homeUrl: string;
  let asking: ExchangeProcess;
  let askingOperator: Agent;

  before(async () => {
    home = await createTestApp({ FEDERATION_NAME: 'Sàn Hà Nội', FEDERATION_RETRY_MS: '200' });
    server = http.createServer(home.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    homeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    asking = await spawnExchangeProcess({
      MONGODB_URI: otherDatabase(process.env.MONGODB_URI!, `techexchange_fedans_${process.pid}`),
      ADMIN_EMAIL: ASKER_ADMIN,
      ADMIN_PASSWORD: ASKER_PASSWORD,
      FEDERATION_NAME: 'Sàn Đà Nẵng',
      FEDERATION_PULL_INTERVAL_MS: '0',
      FEDERATION_RETRY_MS: '300',
    });
    askingOperator = request.agent(asking.url);
    await askingOperator
      .post('/api/auth/login')
      .send({ email: ASKER_ADMIN, password: ASKER_PASSWORD })
      .expect(200);
  });

  after(async () => {
    await asking?.stop();
    await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
  });

  beforeEach(async () => {
    await resetDatabase();
    forgetOwnIdentity();
    for (const p of (await askingOperator.get('/api/admin/partners').expect(200)).body.partners)
      await askingOperator.delete(`/api/admin/partners/${p.id}`).expect(204);
  });

  /**
   * Both exchanges register each other, the asking one imports the home one's shared offer, and
   * a verified member there asks about it: the inquiry is delivered.
   */
  async function askedInquiry(opts: { askingBaseUrl?: string } = {}) {
    const homeKey = (await request(homeUrl).get('/api/federation/key').expect(200)).body;
    const askingKey = (await request(asking.url).get('/api/federation/key').expect(200)).body;
    const homeOnAsking = (
      await askingOperator
        .post('/api/admin/partners')
        .send({ name: 'Sàn Hà Nội', baseUrl: homeUrl, publicKey: homeKey.publicKey })
        .expect(201)
    ).body.partner;
    const homeOperator = await signInAdmin(home.app);
    const askingOnHome = (
      await homeOperator.agent
        .post('/api/admin/partners')
        .send({
          name: 'Sàn Đà Nẵng',
          baseUrl: opts.askingBaseUrl ?? asking.url,
          publicKey: askingKey.publicKey,
        })
        .expect(201)
    ).body.partner;
    const owner = await signUp(home.app, { kind: 'institute', orgName: 'Viện Công nghệ Môi trường' });
    await owner.agent.put('/api/federation/sharing').send({ shared: true }).expect(200);
    await publishedOffer(owner, { title: 'Xử lý nước thải chế biến thủy sản' });
    const pulled = (await askingOperator.post(`/api/admin/partners/${homeOnAsking.id}/pull`).expect(200)).body
      .pull;
    assert.equal(pulled.ok, true, JSON.stringify(pulled) + asking.logTail());
    const found = await request(asking.url).get('/api/search?origin=san-ha-noi').expect(200);
    assert.equal(found.body.total, 1);
    const asker = await signUp(asking.url, {
      kind: 'enterprise',
      orgName: 'Công ty Thủy sản Miền Trung',
      name: 'Trần Thị Bình',
      verified: false,
    });
    await askingOperator.post(`/api/admin/organizations/${asker.orgId}/verify`).send({}).expect(200);
    const sent = await asker.agent
      .post('/api/federation/inquiries')
      .send({ listingId: found.body.hits[0].id, message: 'Xin báo giá chuyển giao cho 3 nhà máy' });
    assert.equal(sent.status, 201, JSON.stringify(sent.body) + asking.logTail());
    assert.equal(sent.body.inquiry.delivery.state, 'delivered');
    const [received] = (await owner.agent.get('/api/federation/inquiries/received').expect(200)).body
      .inquiries;
    assert.deepEqual(received.answers, []);
    return {
      homeOnAsking,
      askingOnHome,
      homeOperator,
      owner,
      asker,
      inquiryId: sent.body.inquiry.id as string,
      receivedId: received.id as string,
    };
  }

  const answerNotices = async (member: Member) =>
    (await member.agent.get('/api/notifications').expect(200)).body.notifications.filter(
      (n: { type: string }) => n.type === 'federation.answer',
    );
  const answersOf = async (member: Member) =>
    (await member.agent.get('/api/federation/inquiries').expect(200)).body.inquiries[0].answers;

  it("sends the owner's answers back, signed: kept once each on the asker's inquiry, the asker told in their language", async () => {
    const { owner, asker, receivedId, homeOperator } = await askedInquiry();
    await asker.agent.patch('/api/auth/me').send({ locale: 'en' }).expect(200);

    const first = await owner.agent
      .post(`/api/federation/received-inquiries/${receivedId}/answer`)
      .send({ text: '  Chúng tôi gửi báo giá trong tuần này.  ' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.inquiry.answers.length, 1);
    const answer = first.body.inquiry.answers[0];
    assert.equal(answer.text, 'Chúng tôi gửi báo giá trong tuần này.');
    assert.equal(answer.answeredBy, owner.user.name);
    assert.equal(answer.sharedContact, false);
    assert.equal(answer.delivery.state, 'delivered', JSON.stringify(answer) + asking.logTail());
    assert.equal(answer.delivery.attempts, 1);

    const [kept] = await answersOf(asker);
    assert.equal(kept.id, answer.id);
    assert.equal(kept.text, 'Chúng tôi gửi báo giá trong tuần này.');
    assert.deepEqual(kept.answerer, { organizationName: 'Viện Công nghệ Môi trường', name: owner.user.name });
    assert.equal(kept.contact, null, 'no contact details unless the owner accepts');
    assert.equal(kept.decision, null, 'a plain message decides nothing');
    const [notice] = await answerNotices(asker);
    assert.ok(notice, 'the asker is told');
    assert.equal(
      notice.title,
      'Viện Công nghệ Môi trường (Sàn Hà Nội) answered your inquiry about “Xử lý nước thải chế biến thủy sản”',
    );
    assert.match(notice.body, /Chúng tôi gửi báo giá trong tuần này/);
    assert.equal(notice.link, '/my/inquiries');

    // A second answer makes a thread and accepts: contact details go both ways; each is told once.
    const second = await owner.agent
      .post(`/api/federation/received-inquiries/${receivedId}/answer`)
      .send({ text: 'Xin liên hệ trực tiếp để hẹn khảo sát nhà máy.', decision: 'accept' })
      .expect(201);
    assert.equal(second.body.inquiry.answers.length, 2);
    assert.equal(second.body.inquiry.answers[1].delivery.state, 'delivered');
    assert.equal(second.body.inquiry.answers[1].sharedContact, true);
    assert.equal(second.body.inquiry.answers[1].decision, 'accept');
    assert.equal(second.body.inquiry.decision, 'accept');
    assert.deepEqual(
      second.body.inquiry.askerContact,
      { name: asker.user.name, email: asker.user.email, organizationName: asker.user.organization!.name },
      'the asking exchange gave back the asker’s contact in reply to the accept',
    );
    assert.ok(
      (await answerNotices(asker)).some(
        (n: { title: string }) =>
          n.title ===
          'Viện Công nghệ Môi trường (Sàn Hà Nội) accepted your inquiry about “Xử lý nước thải chế biến thủy sản”',
      ),
      'the asker is told of the acceptance',
    );
    assert.equal((await answersOf(asker))[1].decision, 'accept');
    const thread = await answersOf(asker);
    assert.deepEqual(
      thread.map((a: { text: string }) => a.text),
      ['Chúng tôi gửi báo giá trong tuần này.', 'Xin liên hệ trực tiếp để hẹn khảo sát nhà máy.'],
    );
    assert.deepEqual(thread[1].contact, { name: owner.user.name, email: owner.user.email });
    const notices = await answerNotices(asker);
    assert.equal(notices.length, 2);
    assert.equal(
      notices.filter((n: { body: string }) =>
        n.body.includes(`Contact: ${owner.user.name} — ${owner.user.email}`),
      ).length,
      1,
      'the shared contact details, in the second notice only',
    );
    // Decided once: neither accepting nor declining again is taken; a plain message still is.
    for (const decision of ['accept', 'decline'])
      await owner.agent
        .post(`/api/federation/received-inquiries/${receivedId}/answer`)
        .send({ text: 'Đổi ý', decision })
        .expect(409);

    // The home exchange's own list shows the thread and where each delivery stands.
    const [listed] = (await owner.agent.get('/api/federation/inquiries/received').expect(200)).body.inquiries;
    assert.deepEqual(
      listed.answers.map((a: { delivery: { state: string } }) => a.delivery.state),
      ['delivered', 'delivered'],
    );

    // The operators' statistics count the answers on both sides, in all and in the last 30 days.
    const counted = async (agent: Agent) =>
      (await agent.get('/api/admin/partners').expect(200)).body.partners[0].counts;
    const askingTraffic = { inquiriesSent: 1, inquiriesReceived: 0, answersSent: 0, answersReceived: 2 };
    assert.deepEqual(await counted(askingOperator), {
      importedListings: 1,
      ...askingTraffic,
      last30Days: askingTraffic,
    });
    const homeTraffic = { inquiriesSent: 0, inquiriesReceived: 1, answersSent: 2, answersReceived: 0 };
    assert.deepEqual(await counted(homeOperator.agent), {
      importedListings: 0,
      ...homeTraffic,
      last30Days: homeTraffic,
    });
  });

  it('a declined inquiry sends no contact either way, both sides see the decline, and it cannot be decided again', async () => {
    const { owner, asker, receivedId } = await askedInquiry();
    const path = `/api/federation/received-inquiries/${receivedId}/answer`;
    const declined = await owner.agent
      .post(path)
      .send({ text: 'Cảm ơn, công nghệ này đã được chuyển giao độc quyền.', decision: 'decline' })
      .expect(201);
    const inquiry = declined.body.inquiry;
    assert.equal(inquiry.decision, 'decline');
    assert.equal(inquiry.askerContact, null, 'no contact of the asker on a decline');
    assert.equal(inquiry.answers[0].sharedContact, false);
    assert.equal(inquiry.answers[0].delivery.state, 'delivered');
    const [kept] = await answersOf(asker);
    assert.equal(kept.decision, 'decline');
    assert.equal(kept.contact, null, 'no contact of the owner on a decline');
    const [notice] = await answerNotices(asker);
    assert.match(notice.title, /đã từ chối|declined/);
    assert.ok(!notice.body.includes(owner.user.email));
    await owner.agent.post(path).send({ text: 'Thực ra đồng ý', decision: 'accept' }).expect(409);
    await owner.agent.post(path).send({ text: 'Chúc thành công.' }).expect(201);
    const stored = await ReceivedInquiryModel.findById(receivedId).lean();
    assert.equal(stored?.askerContact, undefined);
    assert.deepEqual(
      stored?.answers?.map((a) => a.decision ?? null),
      ['decline', null],
    );
  });

  it('only members of the listing’s organization may answer, with text, and a refusal writes nothing', async () => {
    const { receivedId, owner, homeOperator } = await askedInquiry();
    const stored = async () =>
      JSON.stringify((await ReceivedInquiryModel.findById(receivedId).lean())?.answers ?? []);
    const before = await stored();
    const path = `/api/federation/received-inquiries/${receivedId}/answer`;

    await request(home.app).post(path).send({ text: 'Xin chào' }).expect(401);
    const stranger = await signUp(home.app, { kind: 'enterprise', orgName: 'Công ty Khác' });
    await stranger.agent.post(path).send({ text: 'Xin chào' }).expect(404);
    await homeOperator.agent.post(path).send({ text: 'Xin chào' }).expect(403);
    const unverified = await signUp(home.app, { verified: false });
    await unverified.agent.post(path).send({ text: 'Xin chào' }).expect(403);

    const empty = await owner.agent.post(path).send({ text: '   ' });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.details[0].field, 'text');
    const long = await owner.agent.post(path).send({ text: 'x'.repeat(4001) });
    assert.equal(long.status, 400);
    assert.equal(long.body.error.details[0].field, 'text');
    const notDecision = await owner.agent.post(path).send({ text: 'Có', decision: 'maybe' });
    assert.equal(notDecision.status, 400);
    assert.equal(notDecision.body.error.details[0].field, 'decision');
    const badId = await owner.agent
      .post('/api/federation/received-inquiries/not-an-id/answer')
      .send({ text: 'Có' });
    assert.equal(badId.status, 400);
    assert.equal(badId.body.error.details[0].field, 'id');
    await owner.agent
      .post(`/api/federation/received-inquiries/${'a'.repeat(24)}:nothing/answer`)
      .send({ text: 'Có' })
      .expect(404);
    assert.equal(await stored(), before, 'no refusal wrote an answer');
    assert.equal(await JobModel.countDocuments({ type: FEDERATION_ANSWER }), 0, 'nor a job');
  });

  it('sends an answer the asking exchange refused for a while again with the durable job', async () => {
    const { homeOnAsking, owner, asker, receivedId } = await askedInquiry();
    // The asking exchange suspends the home one for a moment: its answers are refused (403) there.
    await askingOperator
      .patch(`/api/admin/partners/${homeOnAsking.id}`)
      .send({ status: 'suspended' })
      .expect(200);
    const answered = await owner.agent
      .post(`/api/federation/received-inquiries/${receivedId}/answer`)
      .send({ text: 'Chúng tôi sẽ gọi lại.' })
      .expect(201);
    const [pending] = answered.body.inquiry.answers;
    assert.equal(pending.delivery.state, 'pending');
    assert.match(pending.delivery.lastError, /403/);
    assert.ok(pending.delivery.nextAttemptAt);
    assert.deepEqual(await answersOf(asker), []);

    await askingOperator
      .patch(`/api/admin/partners/${homeOnAsking.id}`)
      .send({ status: 'active' })
      .expect(200);
    // The home exchange's scheduler is not running in this test: its job is run as the scheduler would.
    const job = (await JobModel.findOne({ type: FEDERATION_ANSWER }).lean()) as JobDoc | null;
    assert.ok(job, 'a durable job holds the delivery');
    const run = federationAnswerJobHandlers(home.ctx)[FEDERATION_ANSWER];
    await until('the retried delivery', async () => {
      const outcome = await run(job);
      return outcome ? undefined : true;
    });
    const [listed] = (await owner.agent.get('/api/federation/inquiries/received').expect(200)).body.inquiries;
    assert.equal(listed.answers[0].delivery.state, 'delivered');
    assert.equal(listed.answers[0].delivery.attempts, 2);
    assert.equal((await answersOf(asker)).length, 1);
    assert.equal((await answerNotices(asker)).length, 1);
    assert.equal(await run(job), undefined, 'a delivered answer is not sent again');
    assert.equal((await answersOf(asker)).length, 1);
  });

  it('refuses unsigned, tampered, replayed, expired, unknown-key, misdirected and suspended answers, writing nothing', async () => {
    const { homeOnAsking, asker, inquiryId } = await askedInquiry();
    // The home exchange's own key, as its answers are signed with.
    const me = await ownIdentity(home.ctx.config.dataDir);
    const envelope = (overrides: Partial<AnswerEnvelope> = {}): string =>
      JSON.stringify({
        type: 'answer',
        from: { name: 'Sàn Hà Nội', keyId: me.keyId },
        inquiryId,
        answerId: randomBytes(12).toString('base64url'),
        text: 'Đã nhận, chúng tôi sẽ trả lời sớm',
        answerer: { organizationName: 'Viện Công nghệ Môi trường', name: 'Lê Văn C' },
        answeredAt: new Date().toISOString(),
        sentAt: new Date().toISOString(),
        nonce: randomBytes(18).toString('base64url'),
        ...overrides,
      });
    const post = (body: string, headers: Record<string, string>) =>
      request(asking.url)
        .post('/api/federation/inbox/answers')
        .set('content-type', 'application/json')
        .set(headers)
        .send(body);
    const signed = (body: string, key = { privateKey: me.privateKey, keyId: me.keyId }) => ({
      'x-federation-signature': signBody(body, key.privateKey),
      'x-federation-key-id': key.keyId,
    });
    const lastRefusal = async () =>
      (await askingOperator.get('/api/admin/partners').expect(200)).body.partners.find(
        (p: { id: string }) => p.id === homeOnAsking.id,
      ).lastRefusal;
    const written = async () => ({
      answers: (await answersOf(asker)).length,
      notices: (await answerNotices(asker)).length,
    });
    const nothing = { answers: 0, notices: 0 };

    assert.equal((await post(envelope(), {})).status, 401);

    const tamperedBody = envelope();
    const tampered = await post(tamperedBody.replace('sẽ trả lời sớm', 'từ chối'), signed(tamperedBody));
    assert.equal(tampered.status, 401);
    assert.match((await lastRefusal()).reason, /^bad signature/);

    const stranger = generateSigningKeyPair();
    const strangerKey = { privateKey: stranger.privateKey, keyId: keyIdOf(stranger.publicKey) };
    const unknownBody = envelope({ from: { name: 'X', keyId: strangerKey.keyId } });
    const unknown = await post(unknownBody, signed(unknownBody, strangerKey));
    assert.equal(unknown.status, 401);
    assert.match(unknown.body.error.message, /^unknown key/);

    const oldBody = envelope({ sentAt: new Date(Date.now() - 10 * 60_000).toISOString() });
    assert.equal((await post(oldBody, signed(oldBody))).status, 401);
    assert.match((await lastRefusal()).reason, /^expired/);

    const malformedBody = envelope({ text: '' });
    assert.equal((await post(malformedBody, signed(malformedBody))).status, 400);

    const missingBody = envelope({ inquiryId: '65a1b2c3d4e5f6a7b8c9d0e1' });
    const missing = await post(missingBody, signed(missingBody));
    assert.equal(missing.status, 404);
    assert.match((await lastRefusal()).reason, /^not found/);

    // Another registered partner answering an inquiry that was never sent to it.
    await askingOperator
      .post('/api/admin/partners')
      .send({ name: 'Sàn TP.HCM', baseUrl: 'http://127.0.0.1:9', publicKey: stranger.publicKey })
      .expect(201);
    const misdirectedBody = envelope({ from: { name: 'Sàn TP.HCM', keyId: strangerKey.keyId } });
    const misdirected = await post(misdirectedBody, signed(misdirectedBody, strangerKey));
    assert.equal(misdirected.status, 404, JSON.stringify(misdirected.body));
    assert.deepEqual(await written(), nothing, 'no refusal wrote an answer or a notice');

    const good = envelope();
    const first = await post(good, signed(good));
    assert.equal(first.status, 201, JSON.stringify(first.body) + asking.logTail());
    assert.equal(first.body.duplicate, false);
    assert.deepEqual(await written(), { answers: 1, notices: 1 });

    const replay = await post(good, signed(good));
    assert.equal(replay.status, 409);
    assert.match((await lastRefusal()).reason, /^replayed/);

    // The same answer again with a fresh nonce (a delivery whose reply was lost): kept once.
    const again = envelope({ ...JSON.parse(good), nonce: randomBytes(18).toString('base64url') });
    const duplicate = await post(again, signed(again));
    assert.equal(duplicate.status, 201);
    assert.equal(duplicate.body.duplicate, true);
    assert.deepEqual(await written(), { answers: 1, notices: 1 });

    await askingOperator
      .patch(`/api/admin/partners/${homeOnAsking.id}`)
      .send({ status: 'suspended' })
      .expect(200);
    const fresh = envelope();
    assert.equal((await post(fresh, signed(fresh))).status, 403);
    assert.match((await lastRefusal()).reason, /^suspended/);
    assert.deepEqual(await written(), { answers: 1, notices: 1 });
  });

  it('has the asking exchange sign its reply with the asker’s contact, and refuses an unsigned, tampered, unknown-key or earlier reply, keeping nothing of it', async () => {
    const between = await federationRelay(asking.url, '/api/federation/inbox/answers');
    try {
      const { owner, asker, receivedId, homeOperator } = await askedInquiry({ askingBaseUrl: between.url });
      const stored = async () => (await ReceivedInquiryModel.findById(receivedId).lean())!;
      const homeRefusal = async () =>
        (await homeOperator.agent.get('/api/admin/partners').expect(200)).body.partners[0].lastRefusal;
      /** The answer's next attempt, once it is due (the scheduler is not running in this test). */
      const attemptAgain = async (answerId: string) => {
        const due = (await stored()).answers!.find((a) => a.answerId === answerId)!.delivery.nextAttemptAt;
        await new Promise((r) => setTimeout(r, Math.max(0, new Date(due!).getTime() - Date.now()) + 20));
        const outcome = await deliverAnswer(home.ctx, receivedId, answerId);
        return outcome!.doc.answers!.find((a) => a.answerId === answerId)!.delivery;
      };

      between.state.mode = 'unsigned';
      const accepted = await owner.agent
        .post(`/api/federation/received-inquiries/${receivedId}/answer`)
        .send({ text: 'Đồng ý, xin liên hệ.', decision: 'accept' })
        .expect(201);
      const [answer] = accepted.body.inquiry.answers;
      assert.equal(answer.delivery.state, 'pending', 'an unsigned reply does not count as delivered');
      assert.match(answer.delivery.lastError, /reply was refused: unsigned/);
      assert.equal(accepted.body.inquiry.askerContact, null, 'nothing of an unsigned reply is kept');
      assert.match((await homeRefusal()).reason, /^reply to an answer: unsigned/);

      // The reply as the asking exchange sent it: signed by its key over the exact bytes, answering that delivery.
      const genuine = between.state.replies[0];
      const askingKey = (await request(asking.url).get('/api/federation/key').expect(200)).body;
      assertSignedBy(genuine.body, genuine.headers, askingKey, 'the asking exchange signs its reply');
      const reply = JSON.parse(genuine.body);
      assert.equal(reply.inReplyTo, JSON.parse(genuine.sent).nonce);
      assert.deepEqual(reply.askerContact, {
        name: asker.user.name,
        email: asker.user.email,
        organizationName: asker.user.organization!.name,
      });

      between.state.mode = 'tampered';
      assert.match((await attemptAgain(answer.id)).lastError!, /reply was refused: bad signature/);
      between.state.mode = 'stranger';
      assert.match((await attemptAgain(answer.id)).lastError!, /reply was refused: unknown key/);
      between.state.mode = 'earlier';
      assert.match((await attemptAgain(answer.id)).lastError!, /reply was refused: replayed/);
      const refused = await stored();
      assert.equal(refused.askerContact, undefined, 'no refused reply left the asker’s contact');
      assert.equal(refused.answers![0].delivery.state, 'pending');

      between.state.mode = 'pass';
      const delivered = await attemptAgain(answer.id);
      assert.equal(delivered.state, 'delivered');
      assert.deepEqual((await stored()).askerContact, {
        name: asker.user.name,
        email: asker.user.email,
        organizationName: asker.user.organization!.name,
      });
      assert.equal((await answersOf(asker)).length, 1, 'the asker keeps the answer once');
    } finally {
      await between.close();
    }
  });
});
