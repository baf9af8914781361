/**
 * Inquiries across two exchanges side by side: the home exchange is this test's app (on the test
 * database, listening on 127.0.0.1, mail to an SMTP server in this process), the asking exchange a
 * separate server process on another database that imported the home exchange's listings. A
 * member there asks about an imported listing; the inquiry goes signed to the home exchange, whose
 * listing owner is told in the app and by mail with the asking organization and its exchange. A
 * delivery that fails is tried again by the durable job until it goes through (or is given up);
 * anything unsigned, tampered, replayed, expired, from an unknown key or a suspended partner is
 * refused at the home exchange, why recorded on the partner, nothing else written.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { spawnExchangeProcess, type ExchangeProcess, otherDatabase } from '../helpers/exchange-process';
import { decoded, startSmtp } from '../helpers/smtp-inbox';
import { assertSignedBy } from '../helpers/federation-keys';
import { federationRelay } from '../helpers/federation-relay';
import { publishedOffer } from './deals-helpers';
import { generateSigningKeyPair, keyIdOf, signBody } from '../../server/federation/signing';
import { forgetOwnIdentity } from '../../server/federation/identity.store';
import { ReceivedInquiryModel } from '../../server/federation/received-inquiry.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import type { InquiryEnvelope } from '../../server/federation/inquiry-rules';

type Agent = ReturnType<typeof request.agent>;

const ASKER_ADMIN = 'operator@asker.example.vn';
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

describe('inquiries between two exchanges', function () {
  this.timeout(90_000);
  let home: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: http.Server;
  let port: number;
  let homeUrl: string;
  let asking: ExchangeProcess;
  let askingOperator: Agent;

  before(async () => {
    smtp = await startSmtp();
    home = await createTestApp({
      FEDERATION_NAME: 'Sàn Hà Nội',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'San <no-reply@san.test>',
    });
    server = http.createServer(home.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    homeUrl = `http://127.0.0.1:${port}`;
    asking = await spawnExchangeProcess({
      MONGODB_URI: otherDatabase(process.env.MONGODB_URI!, `techexchange_fedinq_${process.pid}`),
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
    await new Promise<void>((resolve) => (smtp ? smtp.server.close(() => resolve()) : resolve()));
  });

  beforeEach(async () => {
    await resetDatabase();
    forgetOwnIdentity();
    smtp.inbox.length = 0;
    for (const p of (await askingOperator.get('/api/admin/partners').expect(200)).body.partners)
      await askingOperator.delete(`/api/admin/partners/${p.id}`).expect(204);
  });

  /** Both exchanges register each other (the asking one knowing the home one at `homeBaseUrl`). */
  async function wire(homeBaseUrl = homeUrl) {
    const homeKey = (await request(homeUrl).get('/api/federation/key').expect(200)).body;
    const askingKey = (await request(asking.url).get('/api/federation/key').expect(200)).body;
    const homeOnAsking = (
      await askingOperator
        .post('/api/admin/partners')
        .send({ name: 'Sàn Hà Nội', baseUrl: homeBaseUrl, publicKey: homeKey.publicKey })
        .expect(201)
    ).body.partner;
    const homeOperator = await signInAdmin(home.app);
    const askingOnHome = (
      await homeOperator.agent
        .post('/api/admin/partners')
        .send({ name: 'Sàn Đà Nẵng', baseUrl: asking.url, publicKey: askingKey.publicKey })
        .expect(201)
    ).body.partner;
    return { homeOnAsking, askingOnHome, homeOperator, askingKey };
  }

  async function sharedOffer(): Promise<{ owner: Member; offerId: string }> {
    const owner = await signUp(home.app, { kind: 'institute', orgName: 'Viện Công nghệ Môi trường' });
    await owner.agent.put('/api/federation/sharing').send({ shared: true }).expect(200);
    return { owner, offerId: await publishedOffer(owner) };
  }

  async function pullAndFind(partnerId: string): Promise<string> {
    const pulled = (await askingOperator.post(`/api/admin/partners/${partnerId}/pull`).expect(200)).body.pull;
    assert.equal(pulled.ok, true, JSON.stringify(pulled) + asking.logTail());
    const found = await request(asking.url).get('/api/search?origin=san-ha-noi').expect(200);
    assert.equal(found.body.total, 1);
    return found.body.hits[0].id as string;
  }

  /** A verified member of an organization on the asking exchange. */
  async function asker(): Promise<Member> {
    const member = await signUp(asking.url, {
      kind: 'enterprise',
      orgName: 'Công ty Thủy sản Miền Trung',
      name: 'Trần Thị Bình',
      verified: false,
    });
    await askingOperator.post(`/api/admin/organizations/${member.orgId}/verify`).send({}).expect(200);
    return member;
  }

  it('forwards a signed inquiry to the home exchange, whose owner is told in the app and by mail', async () => {
    const { homeOnAsking, homeOperator } = await wire();
    const { owner } = await sharedOffer();
    const importedId = await pullAndFind(homeOnAsking.id);
    const member = await asker();

    const sent = await member.agent
      .post('/api/federation/inquiries')
      .send({ listingId: importedId, message: 'Xin báo giá chuyển giao cho 3 nhà máy' });
    assert.equal(sent.status, 201, JSON.stringify(sent.body) + asking.logTail());
    assert.equal(sent.body.inquiry.delivery.state, 'delivered');
    assert.equal(sent.body.inquiry.delivery.attempts, 1);
    assert.equal(sent.body.inquiry.home.name, 'Sàn Hà Nội');

    const notices = (await owner.agent.get('/api/notifications').expect(200)).body.notifications;
    const notice = notices.find((n: { type: string }) => n.type === 'federation.inquiry');
    assert.ok(notice, JSON.stringify(notices));
    assert.match(notice.title, /Công ty Thủy sản Miền Trung/);
    assert.match(notice.title, /Sàn Đà Nẵng/);
    assert.match(notice.body, /Xin báo giá chuyển giao cho 3 nhà máy/);
    const received = (await owner.agent.get('/api/federation/inquiries/received').expect(200)).body.inquiries;
    assert.equal(received.length, 1);
    assert.equal(received[0].homeExchange, 'Sàn Đà Nẵng');
    assert.deepEqual(received[0].asker, {
      organizationName: 'Công ty Thủy sản Miền Trung',
      name: 'Trần Thị Bình',
    });
    await until('the mail', async () => (smtp.inbox.length ? true : undefined));
    assert.deepEqual(smtp.inbox[0].to, [owner.user.email]);
    assert.match(decoded(smtp.inbox[0].raw), /Công ty Thủy sản Miền Trung/);

    const counted = async (agent: Agent) =>
      (await agent.get('/api/admin/partners').expect(200)).body.partners[0].counts;
    const traffic = (inquiriesSent: number, inquiriesReceived: number) => ({
      inquiriesSent,
      inquiriesReceived,
      answersSent: 0,
      answersReceived: 0,
    });
    assert.deepEqual(await counted(askingOperator), {
      importedListings: 1,
      ...traffic(1, 0),
      last30Days: traffic(1, 0),
    });
    assert.deepEqual(await counted(homeOperator.agent), {
      importedListings: 0,
      ...traffic(0, 1),
      last30Days: traffic(0, 1),
    });
    const mine = (await member.agent.get('/api/federation/inquiries').expect(200)).body.inquiries;
    assert.equal(mine.length, 1);
    assert.equal(mine[0].delivery.state, 'delivered');
    // Another organization on the asking exchange sees none of them.
    const other = await asker();
    assert.deepEqual((await other.agent.get('/api/federation/inquiries').expect(200)).body.inquiries, []);
  });

  it('counts an inquiry delivered only on the home exchange’s signed receipt for that delivery, refusing an unsigned, tampered, unknown-key or earlier one', async () => {
    const between = await federationRelay(homeUrl, '/api/federation/inbox/inquiries');
    try {
      const { homeOnAsking } = await wire(between.url);
      await sharedOffer();
      const importedId = await pullAndFind(homeOnAsking.id);
      const member = await asker();
      const sentInquiry = async () =>
        (await member.agent.get('/api/federation/inquiries').expect(200)).body.inquiries[0];
      const refusal = async () =>
        (await askingOperator.get('/api/admin/partners').expect(200)).body.partners[0].lastRefusal;

      between.state.mode = 'unsigned';
      const sent = await member.agent
        .post('/api/federation/inquiries')
        .send({ listingId: importedId, message: 'Xin báo giá chuyển giao' })
        .expect(201);
      // The next attempt comes FEDERATION_RETRY_MS after this one, whatever the checks below take.
      between.state.mode = 'tampered';
      assert.equal(
        sent.body.inquiry.delivery.state,
        'pending',
        'an unsigned receipt does not count as delivered',
      );
      assert.match(sent.body.inquiry.delivery.lastError, /receipt was refused: unsigned/);
      assert.match((await refusal()).reason, /^receipt of an inquiry: unsigned/);

      // The receipt as the home exchange sent it: signed by its key over the exact bytes, answering that delivery.
      const genuine = between.state.replies[0];
      const homeKey = (await request(homeUrl).get('/api/federation/key').expect(200)).body;
      assertSignedBy(genuine.body, genuine.headers, homeKey, 'the home exchange signs its receipt');
      const receipt = JSON.parse(genuine.body);
      assert.equal(receipt.type, 'inquiry-receipt');
      assert.equal(receipt.inReplyTo, JSON.parse(genuine.sent).nonce);
      assert.equal(receipt.inquiryId, sent.body.inquiry.id);

      /** The next attempt's error, once the durable job has tried again. */
      const nextError = async (attempts: number) =>
        (
          await until(`attempt ${attempts + 1}`, async () => {
            const inquiry = await sentInquiry();
            return inquiry.delivery.attempts > attempts ? inquiry : undefined;
          })
        ).delivery.lastError as string;
      assert.match(await nextError(1), /receipt was refused: bad signature/);
      between.state.mode = 'stranger';
      assert.match(await nextError(2), /receipt was refused: unknown key/);
      between.state.mode = 'earlier';
      assert.match(await nextError(3), /receipt was refused: replayed/);
      assert.equal((await sentInquiry()).delivery.state, 'pending');

      between.state.mode = 'pass';
      const delivered = await until('the delivery', async () => {
        const inquiry = await sentInquiry();
        return inquiry.delivery.state === 'delivered' ? inquiry : undefined;
      });
      assert.ok(delivered.delivery.attempts >= 5);
      assert.equal(
        await ReceivedInquiryModel.countDocuments({}),
        1,
        'the home exchange keeps the inquiry once',
      );
    } finally {
      await between.close();
    }
  });

  it('tries a delivery again with the durable job until the home exchange answers', async () => {
    const { homeOnAsking } = await wire();
    await sharedOffer();
    const importedId = await pullAndFind(homeOnAsking.id);
    const member = await asker();

    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    try {
      const sent = await member.agent
        .post('/api/federation/inquiries')
        .send({ listingId: importedId, message: 'Chúng tôi muốn hỏi thêm' })
        .expect(201);
      assert.equal(sent.body.inquiry.delivery.state, 'pending');
      assert.match(sent.body.inquiry.delivery.lastError, /^unreachable/);
      assert.ok(sent.body.inquiry.delivery.nextAttemptAt);
      assert.equal(await ReceivedInquiryModel.countDocuments({}), 0);
    } finally {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    }
    const delivered = await until('the retried delivery', async () => {
      const [inquiry] = (await member.agent.get('/api/federation/inquiries').expect(200)).body.inquiries;
      return inquiry.delivery.state === 'delivered' ? inquiry : undefined;
    });
    assert.ok(delivered.delivery.attempts >= 2);
    assert.equal(await ReceivedInquiryModel.countDocuments({}), 1, 'received once');
  });

  it('gives up at once when the home exchange no longer has the listing', async () => {
    const { homeOnAsking } = await wire();
    const { owner, offerId } = await sharedOffer();
    const importedId = await pullAndFind(homeOnAsking.id);
    const member = await asker();
    await owner.agent.delete(`/api/offers/${offerId}`).expect((r) => assert.ok(r.status < 300));
    const sent = await member.agent
      .post('/api/federation/inquiries')
      .send({ listingId: importedId, message: 'Còn không?' })
      .expect(201);
    assert.equal(sent.body.inquiry.delivery.state, 'failed');
    assert.match(sent.body.inquiry.delivery.lastError, /404/);
  });

  it('validates the inquiry, naming the field, and writes nothing when it refuses', async () => {
    const { homeOnAsking } = await wire();
    await sharedOffer();
    const importedId = await pullAndFind(homeOnAsking.id);
    const member = await asker();
    const empty = await member.agent
      .post('/api/federation/inquiries')
      .send({ listingId: importedId, message: ' ' });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.details[0].field, 'message');
    const local = await member.agent
      .post('/api/federation/inquiries')
      .send({ listingId: '65a1b2c3d4e5f6a7b8c9d0e1', message: 'Hỏi' });
    assert.equal(local.status, 400);
    assert.equal(local.body.error.details[0].field, 'listingId');
    await member.agent
      .post('/api/federation/inquiries')
      .send({ listingId: `${homeOnAsking.id}-offer-nothere`, message: 'Hỏi' })
      .expect(404);
    await request(asking.url)
      .post('/api/federation/inquiries')
      .send({ listingId: importedId, message: 'Hỏi' })
      .expect(401);
    const unverified = await signUp(asking.url, { verified: false });
    await unverified.agent
      .post('/api/federation/inquiries')
      .send({ listingId: importedId, message: 'Hỏi' })
      .expect(403);
    await askingOperator
      .patch(`/api/admin/partners/${homeOnAsking.id}`)
      .send({ status: 'suspended' })
      .expect(200);
    await member.agent
      .post('/api/federation/inquiries')
      .send({ listingId: importedId, message: 'Hỏi' })
      .expect(409);
    assert.deepEqual((await member.agent.get('/api/federation/inquiries').expect(200)).body.inquiries, []);
  });

  it('refuses unsigned, tampered, replayed, expired, unknown-key and suspended inquiries, recording why and writing nothing else', async () => {
    const { offerId, owner } = await sharedOffer();
    const homeOperator = await signInAdmin(home.app);
    const pair = generateSigningKeyPair();
    const keyId = keyIdOf(pair.publicKey);
    const partner = (
      await homeOperator.agent
        .post('/api/admin/partners')
        .send({ name: 'Sàn thử', baseUrl: 'http://127.0.0.1:9', publicKey: pair.publicKey })
        .expect(201)
    ).body.partner;
    const envelope = (overrides: Partial<InquiryEnvelope> = {}): string =>
      JSON.stringify({
        type: 'inquiry',
        from: { name: 'Sàn thử', keyId },
        inquiryId: randomBytes(12).toString('hex'),
        listing: { kind: 'offer', id: offerId },
        message: 'Xin thông tin',
        asker: { organizationName: 'Công ty A', name: 'Lê Văn C' },
        sentAt: new Date().toISOString(),
        nonce: randomBytes(18).toString('base64url'),
        ...overrides,
      });
    const post = (body: string, headers: Record<string, string>) =>
      request(homeUrl)
        .post('/api/federation/inbox/inquiries')
        .set('content-type', 'application/json')
        .set(headers)
        .send(body);
    const signed = (body: string, privateKey = pair.privateKey) => ({
      'x-federation-signature': signBody(body, privateKey),
      'x-federation-key-id': keyId,
    });
    const lastRefusal = async () =>
      (await homeOperator.agent.get('/api/admin/partners').expect(200)).body.partners.find(
        (p: { id: string }) => p.id === partner.id,
      ).lastRefusal;
    const written = async () => ({
      received: await ReceivedInquiryModel.countDocuments({}),
      notices: await NotificationModel.countDocuments({ userId: owner.user.id }),
    });
    const before = await written();

    const unsigned = envelope();
    assert.equal((await post(unsigned, {})).status, 401);

    const tamperedBody = envelope();
    const tampered = await post(
      tamperedBody.replace('Xin thông tin', 'Xin thông tin!'),
      signed(tamperedBody),
    );
    assert.equal(tampered.status, 401);
    assert.match(tampered.body.error.message, /^bad signature/);
    assert.match((await lastRefusal()).reason, /^bad signature/);

    const stranger = generateSigningKeyPair();
    const unknownBody = envelope({ from: { name: 'X', keyId: keyIdOf(stranger.publicKey) } });
    const unknown = await post(unknownBody, {
      'x-federation-signature': signBody(unknownBody, stranger.privateKey),
      'x-federation-key-id': keyIdOf(stranger.publicKey),
    });
    assert.equal(unknown.status, 401);
    assert.match(unknown.body.error.message, /^unknown key/);

    const oldBody = envelope({ sentAt: new Date(Date.now() - 10 * 60_000).toISOString() });
    const old = await post(oldBody, signed(oldBody));
    assert.equal(old.status, 401);
    assert.match((await lastRefusal()).reason, /^expired/);

    const missingBody = envelope({ listing: { kind: 'offer', id: '65a1b2c3d4e5f6a7b8c9d0e1' } });
    assert.equal((await post(missingBody, signed(missingBody))).status, 404);
    assert.deepEqual(await written(), before, 'no refusal wrote an inquiry or a notice');

    const good = envelope();
    const first = await post(good, signed(good));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.duplicate, false);
    const after = await written();
    assert.equal(after.received, before.received + 1);
    assert.equal(after.notices, before.notices + 1);

    const replay = await post(good, signed(good));
    assert.equal(replay.status, 409);
    assert.match(replay.body.error.message, /^replayed/);
    assert.match((await lastRefusal()).reason, /^replayed/);
    assert.deepEqual(await written(), after, 'a replay writes nothing');

    await homeOperator.agent
      .patch(`/api/admin/partners/${partner.id}`)
      .send({ status: 'suspended' })
      .expect(200);
    const fresh = envelope();
    const suspended = await post(fresh, signed(fresh));
    assert.equal(suspended.status, 403);
    assert.match((await lastRefusal()).reason, /^suspended/);
    assert.deepEqual(await written(), after);
  });
});
