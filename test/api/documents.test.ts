import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { aBid, cast, publishedDemand, publishedOffer, type Cast } from './deals-helpers';
import type { Member } from '../helpers/factories';

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(600 * 1024, 0x41),
  Buffer.from('\n%%EOF\n'),
]);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 1)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** Binary bodies come back as Buffers. */
function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('documents and staged disclosure', () => {
  let t: TestApp;
  let c: Cast;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  function upload(member: Member, path: string, file: Buffer, name: string, confidential: boolean) {
    return member.agent.post(path).field('confidential', String(confidential)).attach('file', file, name);
  }

  /** An offer with a public brochure and a confidential process description. */
  async function offerWithDocuments() {
    const offerId = await publishedOffer(c.institute);
    const brochure = await upload(
      c.institute,
      `/api/offers/${offerId}/documents`,
      PNG,
      'brochure.png',
      false,
    ).expect(201);
    const secret = await upload(
      c.institute,
      `/api/offers/${offerId}/documents`,
      PDF,
      'quy-trình-công-nghệ.pdf',
      true,
    ).expect(201);
    return { offerId, brochure: brochure.body.document, secret: secret.body.document };
  }

  /** A deal on the offer with `buyer`, whose access to the confidential documents the owner approved. */
  async function dealOn(offerId: string, buyer: Member) {
    const bid = await buyer.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(201);
    const dealId = (await c.institute.agent.post(`/api/bids/${bid.body.bid.id}/accept`).expect(201)).body.deal
      .id as string;
    await c.institute.agent.post(`/api/deals/${dealId}/documents/approve`).expect(200);
    return dealId;
  }

  it('the owner uploads; everyone who sees the listing sees the names; public files download for anyone', async () => {
    const { offerId, brochure, secret } = await offerWithDocuments();
    assert.equal(secret.name, 'quy-trình-công-nghệ.pdf');
    assert.equal(secret.contentType, 'application/pdf');
    assert.equal(secret.size, PDF.length);
    const listed = await request(t.app).get(`/api/offers/${offerId}/documents`).expect(200);
    assert.deepEqual(
      listed.body.documents.map((d: { name: string; downloadable: boolean }) => [d.name, d.downloadable]),
      [
        ['brochure.png', true],
        ['quy-trình-công-nghệ.pdf', false],
      ],
    );
    const file = await request(t.app).get(brochure.url).buffer(true).parse(binary).expect(200);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.match(String(file.headers['content-disposition']), /attachment/);
    assert.deepEqual(file.body, PNG);
  });

  it('a confidential file is refused before the NDA and downloadable after it; the owner and operators always', async () => {
    const { offerId, secret } = await offerWithDocuments();
    await request(t.app).get(secret.url).expect(401);
    await c.outsider.agent.get(secret.url).expect(403);
    await c.enterprise.agent.get(secret.url).expect(403);
    const dealId = await dealOn(offerId, c.enterprise);
    const refused = await c.enterprise.agent.get(secret.url).expect(403);
    assert.match(refused.body.error.message, /NDA/);

    const before = await c.enterprise.agent.get(`/api/deals/${dealId}/documents`).expect(200);
    assert.equal(before.body.ndaAccepted, false);
    assert.equal(before.body.ndaText, 'Giữ bí mật tài liệu kỹ thuật của công nghệ màng sinh học.');
    const accepted = await c.enterprise.agent.post(`/api/deals/${dealId}/nda/accept`).expect(200);
    assert.equal(accepted.body.deal.ndaAcceptances.length, 1);
    assert.equal(accepted.body.deal.ndaAcceptances[0].userId, c.enterprise.user.id);
    assert.equal(accepted.body.deal.ndaAcceptances[0].orgId, c.enterprise.orgId);
    assert.equal(accepted.body.deal.ndaAcceptances[0].text, before.body.ndaText);
    assert.equal(accepted.body.deal.timeline.at(-1).event, 'nda_accepted');
    const again = await c.enterprise.agent.post(`/api/deals/${dealId}/nda/accept`).expect(200);
    assert.equal(again.body.deal.ndaAcceptances.length, 1);

    const file = await c.enterprise.agent.get(secret.url).buffer(true).parse(binary).expect(200);
    assert.equal(file.body.length, PDF.length);
    assert.ok(file.body.equals(PDF));
    assert.match(String(file.headers['cache-control']), /no-store/);
    const after = await c.enterprise.agent.get(`/api/deals/${dealId}/documents`).expect(200);
    assert.equal(after.body.ndaAccepted, true);
    assert.ok(after.body.documents.every((d: { downloadable: boolean }) => d.downloadable));

    await c.institute.agent.get(secret.url).expect(200);
    await c.admin.agent.get(secret.url).expect(200);
    await c.outsider.agent.get(secret.url).expect(403);
    await c.rival.agent.get(secret.url).expect(403);
  });

  it('the deal’s broker downloads confidential files once both parties consented and it accepted the NDA', async () => {
    const { offerId, secret } = await offerWithDocuments();
    const dealId = await dealOn(offerId, c.enterprise);
    await c.broker.agent.get(secret.url).expect(403);
    // Seated by an operator: in the room, but no confidential file before both parties consent.
    await c.admin.agent.post(`/api/deals/${dealId}/broker`).send({ userId: c.broker.user.id }).expect(200);
    await c.broker.agent.get(`/api/deals/${dealId}/documents`).expect(200);
    await c.broker.agent.post(`/api/deals/${dealId}/nda/accept`).expect(200);
    await c.broker.agent.get(secret.url).expect(403);
    for (const party of [c.enterprise, c.institute]) {
      await party.agent
        .post(`/api/deals/${dealId}/broker/consent`)
        .send({ userId: c.broker.user.id })
        .expect(200);
    }
    await c.broker.agent.get(secret.url).expect(200);
    await c.outsider.agent.post(`/api/deals/${dealId}/nda/accept`).expect(404);
    await c.outsider.agent.get(`/api/deals/${dealId}/documents`).expect(404);
  });

  it('when the deal is cancelled, then its party no longer gets the confidential files', async () => {
    const { offerId, secret } = await offerWithDocuments();
    const dealId = await dealOn(offerId, c.enterprise);
    await c.enterprise.agent.post(`/api/deals/${dealId}/nda/accept`).expect(200);
    await c.enterprise.agent.get(secret.url).expect(200);
    await c.institute.agent.post(`/api/deals/${dealId}/cancel`).send({ reason: 'Hết nhu cầu' }).expect(200);
    await c.enterprise.agent.get(secret.url).expect(403);
  });

  it('on a demand, the proposer in the deal gets the demand’s confidential files after the NDA', async () => {
    const demandId = await publishedDemand(c.enterprise);
    const doc = await upload(
      c.enterprise,
      `/api/demands/${demandId}/documents`,
      DOCX,
      'yeu-cau.docx',
      true,
    ).expect(201);
    const proposal = await c.institute.agent
      .post(`/api/demands/${demandId}/proposals`)
      .send(aBid())
      .expect(201);
    const deal = await c.enterprise.agent.post(`/api/bids/${proposal.body.bid.id}/accept`).expect(201);
    await c.enterprise.agent.post(`/api/deals/${deal.body.deal.id}/documents/approve`).expect(200);
    await c.institute.agent.get(doc.body.document.url).expect(403);
    await c.institute.agent.post(`/api/deals/${deal.body.deal.id}/nda/accept`).expect(200);
    const file = await c.institute.agent.get(doc.body.document.url).expect(200);
    assert.match(String(file.headers['content-type']), /wordprocessingml/);
  });

  it('only the owner may upload (403), hidden listings are 404, a file is required (400)', async () => {
    const offerId = await publishedOffer(c.institute);
    await upload(c.enterprise, `/api/offers/${offerId}/documents`, PNG, 'x.png', false).expect(403);
    await request(t.app).post(`/api/offers/${offerId}/documents`).attach('file', PNG, 'x.png').expect(401);
    const draftId = await publishedOffer(c.institute, { status: 'draft' });
    await upload(c.enterprise, `/api/offers/${draftId}/documents`, PNG, 'x.png', false).expect(404);
    await request(t.app).get(`/api/offers/${draftId}/documents`).expect(404);
    const res = await c.institute.agent
      .post(`/api/offers/${offerId}/documents`)
      .field('confidential', 'true')
      .expect(400);
    assert.equal(res.body.error.details[0].field, 'file');
    await c.institute.agent
      .post(`/api/offers/${offerId}/documents`)
      .field('confidential', 'maybe')
      .attach('file', PNG, 'x.png')
      .expect(400);
    await c.institute.agent
      .post(`/api/offers/${offerId}/documents`)
      .attach('other', PNG, 'x.png')
      .expect(400);
  });

  it('when the type is not allowed or does not match its extension, then 415 and nothing is stored', async () => {
    const offerId = await publishedOffer(c.institute);
    const exe = await upload(
      c.institute,
      `/api/offers/${offerId}/documents`,
      Buffer.from('MZ\x90\x00'),
      'setup.exe',
      false,
    ).expect(415);
    assert.equal(exe.body.error.code, 'unsupported_media_type');
    await upload(
      c.institute,
      `/api/offers/${offerId}/documents`,
      Buffer.from('<html><script>1</script>'),
      'photo.png',
      false,
    ).expect(415);
    await upload(
      c.institute,
      `/api/offers/${offerId}/documents`,
      Buffer.from([0, 1, 2, 3]),
      'notes.txt',
      false,
    ).expect(415);
    await upload(
      c.institute,
      `/api/offers/${offerId}/documents`,
      Buffer.from('Ghi chú kỹ thuật'),
      'ghi-chu.txt',
      false,
    ).expect(201);
    const listed = await c.institute.agent.get(`/api/offers/${offerId}/documents`).expect(200);
    assert.deepEqual(
      listed.body.documents.map((d: { name: string }) => d.name),
      ['ghi-chu.txt'],
    );
  });

  it('when the file is larger than the configured limit, then 413', async () => {
    const small = await createTestApp({ UPLOAD_MAX_BYTES: '2048' });
    const owner = await cast(small.app);
    const offerId = await publishedOffer(owner.institute);
    const res = await owner.institute.agent
      .post(`/api/offers/${offerId}/documents`)
      .attach('file', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(4096)]), 'big.pdf')
      .expect(413);
    assert.equal(res.body.error.code, 'payload_too_large');
  });

  it('the owner removes a document; it is gone from the list and from the store', async () => {
    const { offerId, brochure } = await offerWithDocuments();
    await c.enterprise.agent.delete(`/api/offers/${offerId}/documents/${brochure.id}`).expect(403);
    await c.institute.agent.delete(`/api/offers/${offerId}/documents/${brochure.id}`).expect(204);
    await request(t.app).get(brochure.url).expect(404);
    const listed = await request(t.app).get(`/api/offers/${offerId}/documents`).expect(200);
    assert.equal(listed.body.documents.length, 1);
    await c.institute.agent.delete(`/api/offers/${offerId}/documents/${brochure.id}`).expect(404);
  });

  it('download addresses are validated (400) and unknown ones are 404', async () => {
    const { offerId } = await offerWithDocuments();
    await request(t.app).get(`/api/documents/thing/${offerId}/0123456789abcdef01234567`).expect(400);
    await request(t.app).get(`/api/documents/offer/${offerId}/0123456789abcdef01234567`).expect(404);
    await request(t.app)
      .get(`/api/documents/offers/0123456789abcdef01234567/0123456789abcdef01234567`)
      .expect(404);
  });
});
