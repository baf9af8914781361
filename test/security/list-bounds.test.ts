/**
 * Growth without bound: the lists that grow with use answer a page of a validated size, a
 * listing holds a bounded number of documents, and an upload is never read whole into memory
 * before it is known to be wanted.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { eventually } from '../helpers/eventually';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { publishedOffer } from '../api/deals-helpers';
import { OfferModel } from '../../server/offers/offer.model';
import { MAX_ATTACHMENTS } from '../../server/documents/document.service';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('security: lists and uploads that could grow without bound', () => {
  let t: TestApp;
  let owner: Member;
  let stranger: Member;
  let admin: Member;
  let offerId: string;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    [owner, stranger, admin] = await Promise.all([
      signUp(t.app, { kind: 'institute' }),
      signUp(t.app, { kind: 'enterprise' }),
      signInAdmin(t.app),
    ]);
    offerId = await publishedOffer(owner);
  });

  const documentFiles = () => mongoose.connection.db!.collection('documents.files').countDocuments({});

  describe('the operator’s lists', () => {
    const lists = ['/api/admin/organizations', '/api/admin/payments', '/api/admin/queue'];

    it('when a page larger than 100, a page below 1 or a limit that is no number is asked for, then 400 naming the field', async () => {
      for (const list of lists) {
        for (const [query, field] of [
          [{ limit: 101 }, 'limit'],
          [{ limit: 0 }, 'limit'],
          [{ limit: 'all' }, 'limit'],
          [{ page: 0 }, 'page'],
        ] as const) {
          const res = await admin.agent.get(list).query(query);
          assert.equal(res.status, 400, `${list} ${JSON.stringify(query)}`);
          assert.equal(res.body.error.code, 'validation_failed');
          assert.ok(
            res.body.error.details.some((d: { field: string }) => d.field === field),
            `${list} names ${field}: ${JSON.stringify(res.body.error.details)}`,
          );
        }
      }
    });

    it('when more organizations exist than the limit, then a page holds the limit and says the total', async () => {
      const res = await admin.agent.get('/api/admin/organizations').query({ limit: 1, page: 2 }).expect(200);
      assert.equal(res.body.organizations.length, 1);
      assert.equal(res.body.total, 2);
      assert.equal(res.body.limit, 1);
    });
  });

  it('when the listing holds the most documents it may, then another upload is 409 and its file is not kept', async () => {
    const attachment = () => ({
      fileId: new mongoose.Types.ObjectId(),
      name: 'a.png',
      size: 12,
      contentType: 'image/png',
    });
    await OfferModel.updateOne(
      { _id: offerId },
      { $set: { attachments: Array.from({ length: MAX_ATTACHMENTS }, attachment) } },
    );
    const files = await documentFiles();
    const res = await owner.agent
      .post(`/api/offers/${offerId}/documents`)
      .field('confidential', 'false')
      .attach('file', PNG, 'one-more.png');
    assert.equal(res.status, 409, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'conflict');
    assert.equal((await OfferModel.findById(offerId).lean())!.attachments.length, MAX_ATTACHMENTS);
    assert.equal(await documentFiles(), files);
    const listed = await stranger.agent.get(`/api/offers/${offerId}/documents`).expect(200);
    assert.equal(listed.body.documents.length, MAX_ATTACHMENTS);
  });

  describe('an upload refused for who sends it is answered before the file is read', () => {
    let server: http.Server;
    let port: number;
    before(async () => {
      server = http.createServer(t.app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    async function cookieOf(member: Member): Promise<string> {
      const res = await request(t.app)
        .post('/api/auth/login')
        .send({ email: member.user.email, password: PASSWORD })
        .expect(200);
      return (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    }

    /**
     * Announces a file of `declared` bytes, sends only its first `sent`, and waits (never sending
     * the rest) for the answer: a server that read the whole file into memory first would never
     * answer. Returns the status and body.
     */
    async function partialUpload(member: Member, sent: number, declared: number) {
      const boundary = 'bound4ry';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\n` +
          'Content-Type: image/png\r\n\r\n',
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/offers/${offerId}/documents`,
        headers: {
          cookie: await cookieOf(member),
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + declared + tail.length),
        },
      });
      let answer: { status: number; body: string } | undefined;
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => (answer = { status: res.statusCode!, body }));
      });
      req.on('error', () => undefined); // the server may close the connection once it has answered
      req.write(head);
      req.write(Buffer.concat([PNG, Buffer.alloc(sent - PNG.length)]));
      try {
        return await eventually(async () => answer, 'the answer while the file is still being sent', {
          attempts: 400,
          intervalMs: 50,
        });
      } finally {
        req.destroy();
      }
    }

    it('when someone outside the owner organization sends a 50 MB file, then 403 after its first 64 KiB, and nothing is stored', async () => {
      const files = await documentFiles();
      const res = await partialUpload(stranger, 64 * 1024, 50 * 1024 * 1024);
      assert.equal(res.status, 403, res.body);
      assert.equal(JSON.parse(res.body).error.code, 'forbidden');
      assert.equal((await OfferModel.findById(offerId).lean())!.attachments.length, 0);
      assert.equal(await documentFiles(), files);
    });
  });
});
