import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import request from 'supertest';
import sharp from 'sharp';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { OrganizationModel } from '../../server/organizations/organization.model';
import { binary } from '../helpers/binary';
import { MAX_EVIDENCE_BYTES } from '../../server/api-contract/organization-evidence';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

/** Files in the documents store (GridFS) tagged with the organization. */
async function storedFiles(orgId: string): Promise<number> {
  return mongoose.connection
    .db!.collection('documents.files')
    .countDocuments({ 'metadata.organizationId': orgId });
}

describe('organizations’ evidence documents for verification', () => {
  let t: TestApp;
  let founder: Member;
  let member: Member;
  let stranger: Member;
  let operator: Member;
  let orgId: string;

  before(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase();
    [founder, stranger, operator] = await Promise.all([
      signUp(t.app, { kind: 'enterprise', verified: false, orgName: 'Công ty Cơ khí Hòa Bình' }),
      signUp(t.app, { kind: 'institute' }),
      signInAdmin(t.app),
    ]);
    orgId = founder.orgId;
    const agent = request.agent(t.app);
    const reg = await agent
      .post('/api/auth/register')
      .send({
        email: `member-${Date.now()}@example.vn`,
        password: PASSWORD,
        name: 'Phạm Minh',
        organizationId: orgId,
      })
      .expect(201);
    await founder.agent.post(`/api/organizations/${orgId}/members/${reg.body.user.id}/approve`).expect(200);
    member = { agent, user: reg.body.user, orgId };
  });

  const upload = (m: Member, content: Buffer, name: string, kind = 'business_registration') =>
    m.agent.post(`/api/organizations/${orgId}/evidence`).field('kind', kind).attach('file', content, name);

  it('when the organization’s administrator uploads a PDF and a PNG, then operators see both on the desk and open them byte for byte', async () => {
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const a = await upload(founder, PDF, 'Giấy chứng nhận ĐKKD.pdf').expect(201);
    assert.equal(a.body.document.name, 'Giấy chứng nhận ĐKKD.pdf');
    assert.equal(a.body.document.kind, 'business_registration');
    assert.equal(a.body.document.contentType, 'application/pdf');
    // The content decides, not the name: a PNG called .pdf is a PNG.
    const b = await upload(founder, png, 'quyet-dinh.pdf', 'establishment_decision').expect(201);
    assert.equal(b.body.document.contentType, 'image/png');

    const desk = await operator.agent.get(`/api/admin/organizations/${orgId}`).expect(200);
    assert.deepEqual(
      desk.body.evidence.map((d: { name: string; kind: string }) => [d.name, d.kind]),
      [
        ['Giấy chứng nhận ĐKKD.pdf', 'business_registration'],
        ['quyet-dinh.pdf', 'establishment_decision'],
      ],
    );
    const opened = await operator.agent.get(desk.body.evidence[0].url).buffer(true).parse(binary).expect(200);
    assert.equal(opened.headers['content-type'], 'application/pdf');
    assert.match(String(opened.headers['content-disposition']), /^inline/);
    assert.equal(opened.headers['cache-control'], 'private, no-store');
    assert.deepEqual(opened.body, PDF);
    const saved = await operator.agent.get(`${desk.body.evidence[1].url}?download=true`).expect(200);
    assert.match(String(saved.headers['content-disposition']), /^attachment/);

    const own = await founder.agent.get(`/api/organizations/${orgId}/evidence`).expect(200);
    assert.equal(own.body.documents.length, 2);
  });

  it('when someone who is not its administrator or an operator asks, then they neither list, open, upload nor remove, and nothing is written', async () => {
    const doc = (await upload(founder, PDF, 'dkkd.pdf').expect(201)).body.document;
    const anonymous = request.agent(t.app);
    for (const m of [member, stranger]) {
      await m.agent.get(`/api/organizations/${orgId}/evidence`).expect(403);
      await m.agent.get(doc.url).expect(403);
      await m.agent.delete(doc.url).expect(403);
      await upload(m, PDF, 'gia-mao.pdf').expect(403);
    }
    await anonymous.get(`/api/organizations/${orgId}/evidence`).expect(401);
    await anonymous.get(doc.url).expect(401);
    // Operators read but do not change an organization's evidence.
    await upload(operator, PDF, 'van-hanh.pdf').expect(403);
    await operator.agent.delete(doc.url).expect(403);
    const org = await OrganizationModel.findById(orgId).lean();
    assert.deepEqual(
      (org!.evidence ?? []).map((e) => e.name),
      ['dkkd.pdf'],
    );
    assert.equal(await storedFiles(orgId), 1);
    // The member of another organization cannot reach it through theirs either.
    await stranger.agent.get(`/api/organizations/${stranger.orgId}/evidence/${doc.id}`).expect(404);
  });

  it('when the file is not a PDF, JPEG or PNG by its content, then 400 names the field and nothing is stored', async () => {
    const res = await upload(
      founder,
      Buffer.from('<html><script>alert(1)</script></html>'),
      'dkkd.pdf',
    ).expect(400);
    assert.equal(res.body.error.code, 'validation_failed');
    assert.equal(res.body.error.details[0].field, 'file');
    const noFile = await founder.agent
      .post(`/api/organizations/${orgId}/evidence`)
      .field('kind', 'other')
      .expect(400);
    assert.equal(noFile.body.error.details[0].field, 'file');
    const badKind = await upload(founder, PDF, 'dkkd.pdf', 'passport').expect(400);
    assert.equal(badKind.body.error.details[0].field, 'kind');
    const org = await OrganizationModel.findById(orgId).lean();
    assert.equal((org!.evidence ?? []).length, 0);
    assert.equal(await storedFiles(orgId), 0);
  });

  it('when the file is larger than the limit, then 413 names the field and nothing is stored', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 0x20)]);
    const res = await upload(founder, big, 'lon.pdf').expect(413);
    assert.equal(res.body.error.code, 'payload_too_large');
    assert.equal(res.body.error.details[0].field, 'file');
    const org = await OrganizationModel.findById(orgId).lean();
    assert.equal((org!.evidence ?? []).length, 0);
    assert.equal(await storedFiles(orgId), 0);
  });

  it('when the administrator removes a document, then its entry and its bytes are gone', async () => {
    const doc = (await upload(founder, PDF, 'dkkd.pdf').expect(201)).body.document;
    await founder.agent.delete(doc.url).expect(204);
    await operator.agent.get(doc.url).expect(404);
    const desk = await operator.agent.get(`/api/admin/organizations/${orgId}`).expect(200);
    assert.deepEqual(desk.body.evidence, []);
    assert.equal(await storedFiles(orgId), 0);
  });

  it('when a verified organization changes its name, then it awaits verification again with its evidence kept', async () => {
    await upload(founder, PDF, 'dkkd.pdf').expect(201);
    await operator.agent.post(`/api/admin/organizations/${orgId}/verify`).expect(200);
    const res = await founder.agent
      .patch(`/api/organizations/${orgId}`)
      .send({ name: 'Công ty Cơ khí Hòa Bình Mới' })
      .expect(200);
    assert.equal(res.body.organization.verified, false);
    const desk = await operator.agent.get(`/api/admin/organizations/${orgId}`).expect(200);
    assert.equal(desk.body.organization.verificationState, 'pending');
    assert.deepEqual(
      desk.body.evidence.map((d: { name: string }) => d.name),
      ['dkkd.pdf'],
    );
  });
});
