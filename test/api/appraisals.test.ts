/**
 * The appraisal desk through the API: a valuation taken from the owner's request through the
 * operators' assignment (a conflicted expert refused, writing nothing), one expert declining and
 * another accepting, the confidential documents opened to that expert alone, the report, and the
 * "appraised" badge on the listing and in search results; a request every expert declines goes
 * back to the operators' queue.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signUp, type Member } from '../helpers/factories';
import { cast, publishedOffer, type Cast } from './deals-helpers';
import { syncSearchIndex } from '../../server/search-sync/search-sync.service';
import { AuditModel } from '../../server/audit/audit.model';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const REPORT = {
  trlAssessed: 6,
  findings: 'Quy trình đã chạy thử ở quy mô xưởng; hiệu suất xử lý đạt 92%.',
  risks: 'Bằng độc quyền sáng chế mới nộp đơn, chưa được cấp.',
  recommendation: 'Công nghệ đạt TRL 6; giá trị hợp lý 1,2–1,8 tỷ đồng theo phương pháp chi phí.',
};
const VALUATION = { low: 1_200_000_000, high: 1_800_000_000, currency: 'VND', method: 'cost' };

describe('appraisals', function () {
  this.timeout(90_000);
  let t: TestApp;
  let c: Cast;
  let admin: Member;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
    admin = c.admin;
  });

  async function expert(name: string, conflicts: string[] = []): Promise<Member> {
    const m = await signUp(t.app, { kind: 'institute', name, orgName: `Văn phòng ${name}` });
    await admin.agent.post(`/api/admin/users/${m.user.id}/role`).send({ role: 'expert' }).expect(200);
    await m.agent
      .put('/api/experts/me')
      .send({ fields: ['engineering_technology'], conflicts })
      .expect(200);
    return m;
  }

  async function offerWithSecret() {
    const offerId = await publishedOffer(c.institute, {
      title: 'Công nghệ xử lý nước thải dệt nhuộm bằng ozone',
    });
    const res = await c.institute.agent
      .post(`/api/offers/${offerId}/documents`)
      .field('confidential', 'true')
      .attach('file', PDF, 'quy-trinh.pdf')
      .expect(201);
    return { offerId, documentUrl: res.body.document.url as string };
  }

  const stored = async (id: string) =>
    (await admin.agent.get(`/api/appraisals/${id}`).expect(200)).body.appraisal;

  it('takes a valuation from the owner’s request to the published badge on the listing and in search results', async () => {
    const { offerId, documentUrl } = await offerWithSecret();
    const lan = await expert('Trần Thị Lan');
    const binh = await expert('Nguyễn Văn Bình');
    const conflicted = await expert('Phạm Xung Đột', [c.institute.orgId]);
    const bystander = await expert('Lê Ngoài Cuộc');

    const created = await c.institute.agent
      .post('/api/appraisals')
      .send({
        listingKind: 'offer',
        listingId: offerId,
        type: 'valuation',
        note: 'Cần định giá trước khi đấu giá',
      })
      .expect(201);
    const id = created.body.appraisal.id as string;
    assert.equal(created.body.appraisal.status, 'requested');
    assert.equal(created.body.appraisal.requesterRole, 'owner');

    // A conflicted expert is refused, and nothing is written.
    const refused = await admin.agent
      .post(`/api/admin/appraisals/${id}/assign`)
      .send({ expertIds: [lan.user.id, conflicted.user.id] })
      .expect(409);
    assert.match(
      refused.body.error.message,
      /Phạm Xung Đột has a conflict of interest with the listing's owner/,
    );
    assert.equal((await stored(id)).status, 'requested');
    assert.deepEqual((await stored(id)).assignments, []);
    await c.institute.agent
      .post(`/api/admin/appraisals/${id}/assign`)
      .send({ expertIds: [lan.user.id] })
      .expect(403);

    const assigned = await admin.agent
      .post(`/api/admin/appraisals/${id}/assign`)
      .send({ expertIds: [lan.user.id, binh.user.id] })
      .expect(200);
    assert.equal(assigned.body.appraisal.status, 'assigned');
    assert.deepEqual(
      assigned.body.appraisal.assignments.map((a: { name: string; status: string }) => [a.name, a.status]),
      [
        ['Trần Thị Lan', 'assigned'],
        ['Nguyễn Văn Bình', 'assigned'],
      ],
    );
    // Nobody but the assigned reads the confidential document yet.
    await lan.agent.get(documentUrl).expect((res) => assert.ok([403, 404].includes(res.status)));

    // Bình declines; Lan accepts and is given the documents.
    const declined = await binh.agent
      .post(`/api/appraisals/${id}/decline`)
      .send({ reason: 'Đang bận' })
      .expect(200);
    assert.equal(declined.body.appraisal.status, 'assigned');
    await bystander.agent.post(`/api/appraisals/${id}/accept`).expect(403);
    const accepted = await lan.agent.post(`/api/appraisals/${id}/accept`).expect(200);
    assert.equal(accepted.body.appraisal.status, 'in_progress');
    assert.deepEqual(
      accepted.body.appraisal.documentAccess.map((g: { userId: string }) => g.userId),
      [lan.user.id],
    );
    await lan.agent.get(documentUrl).expect(200);
    for (const other of [binh, bystander, conflicted])
      await other.agent
        .get(documentUrl)
        .expect((res) => assert.ok([403, 404].includes(res.status), `${res.status}`));
    await binh.agent.get(`/api/appraisals/${id}`).expect(404);
    await c.rival.agent.get(`/api/appraisals/${id}`).expect(404);

    // A valuation report needs its value range.
    const missing = await lan.agent.post(`/api/appraisals/${id}/report`).send(REPORT).expect(400);
    assert.equal(missing.body.error.details[0].field, 'valuation');
    assert.equal((await stored(id)).status, 'in_progress');
    const inverted = await lan.agent
      .post(`/api/appraisals/${id}/report`)
      .send({ ...REPORT, valuation: { ...VALUATION, low: 2_000_000_000 } })
      .expect(400);
    assert.equal(inverted.body.error.details[0].field, 'valuation.high');
    const reported = await lan.agent
      .post(`/api/appraisals/${id}/report`)
      .send({ ...REPORT, valuation: VALUATION })
      .expect(200);
    assert.equal(reported.body.appraisal.status, 'reported');
    assert.equal(reported.body.appraisal.report.trlAssessed, 6, 'the expert reads what they filed');

    // The requester reads the report once the valuation's fee (20,000,000 VND by the schedule) is paid.
    const unpaid = (await c.institute.agent.get(`/api/appraisals/${id}`).expect(200)).body.appraisal;
    assert.deepEqual(unpaid.fee, { amount: 20_000_000, currency: 'VND', status: 'unpaid' });
    assert.equal(unpaid.reportWithheld, true);
    assert.equal(unpaid.report, undefined);
    const early = await c.institute.agent.post(`/api/appraisals/${id}/publish`).expect(409);
    assert.match(early.body.error.message, /fee is not paid/);
    assert.equal((await stored(id)).status, 'reported');
    const paying = await c.institute.agent
      .post(`/api/appraisals/${id}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    assert.equal(paying.body.instructions.amount, 20_000_000);
    await admin.agent.post(`/api/admin/payments/${paying.body.payment.id}/confirm`).send({}).expect(200);
    const read = (await c.institute.agent.get(`/api/appraisals/${id}`).expect(200)).body.appraisal;
    assert.equal(read.fee.status, 'paid');
    assert.equal(read.reportWithheld, undefined);
    assert.equal(read.report.trlAssessed, 6);
    assert.deepEqual(read.report.valuation, VALUATION);

    // Before publication the listing shows no badge; the owner publishes, and it shows.
    assert.equal(
      (await request(t.app).get(`/api/offers/${offerId}`).expect(200)).body.offer.appraisal,
      undefined,
    );
    await lan.agent.post(`/api/appraisals/${id}/publish`).expect(403);
    const published = await c.institute.agent.post(`/api/appraisals/${id}/publish`).expect(200);
    assert.equal(published.body.appraisal.status, 'published');
    await c.institute.agent.post(`/api/appraisals/${id}/publish`).expect(409);
    const listing = (await request(t.app).get(`/api/offers/${offerId}`).expect(200)).body.offer;
    assert.equal(listing.appraisal.trlAssessed, 6);
    assert.equal(listing.appraisal.type, 'valuation');
    assert.equal(listing.appraisal.summary, REPORT.recommendation);
    assert.equal(listing.appraisal.at, published.body.appraisal.publishedAt);

    await syncSearchIndex({ search: t.ctx.search });
    const hits = (await request(t.app).get('/api/search?q=ozone').expect(200)).body.hits;
    const hit = hits.find((h: { id: string }) => h.id === offerId);
    assert.deepEqual(hit.appraisal, { trlAssessed: 6, at: listing.appraisal.at, type: 'valuation' });

    // The timeline and the experts' workspace.
    assert.deepEqual(
      (await stored(id)).timeline.map((e: { event: string }) => e.event),
      ['requested', 'assigned', 'declined', 'accepted', 'reported', 'published'],
    );
    // Every step is in the audit log, with who took it.
    const audited = await AuditModel.find({ action: /^appraisal\./ })
      .sort({ createdAt: 1, _id: 1 })
      .lean();
    assert.deepEqual(
      audited.map((e) => [e.action, String(e.actorId)]),
      [
        ['appraisal.requested', c.institute.user.id],
        ['appraisal.assigned', admin.user.id],
        ['appraisal.declined', binh.user.id],
        ['appraisal.documents_access', lan.user.id],
        ['appraisal.reported', lan.user.id],
        ['appraisal.published', c.institute.user.id],
      ],
    );
    const lansList = (await lan.agent.get('/api/appraisals').expect(200)).body;
    assert.deepEqual(
      lansList.appraisals.map((a: { id: string }) => a.id),
      [id],
    );
    assert.equal((await binh.agent.get('/api/appraisals').expect(200)).body.total, 0);
  });

  it('a party of a deal on the listing may request one; anyone else is refused and nothing is written', async () => {
    const { offerId } = await offerWithSecret();
    const body = { listingKind: 'offer', listingId: offerId, type: 'technology' };
    const outsider = await c.outsider.agent.post('/api/appraisals').send(body).expect(403);
    assert.match(outsider.body.error.message, /owner, or a party of a deal on it/);
    await request(t.app).post('/api/appraisals').send(body).expect(401);
    const bad = await c.enterprise.agent
      .post('/api/appraisals')
      .send({ ...body, type: 'audit' })
      .expect(400);
    assert.equal(bad.body.error.details[0].field, 'type');
    assert.equal((await admin.agent.get('/api/admin/appraisals').expect(200)).body.total, 0);

    await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    const created = await c.enterprise.agent.post('/api/appraisals').send(body).expect(201);
    assert.equal(created.body.appraisal.requesterRole, 'deal_party');
    assert.equal(created.body.appraisal.requesterOrgId, c.enterprise.orgId);
    const id = created.body.appraisal.id as string;
    // The listing's owner did not ask: it reads the buyer's request once it is reported, to publish it or not.
    await c.institute.agent.get(`/api/appraisals/${id}`).expect(404);
    await c.enterprise.agent.get(`/api/appraisals/${id}`).expect(200);
    const lan = await expert('Trần Thị Lan');
    await admin.agent
      .post(`/api/admin/appraisals/${id}/assign`)
      .send({ expertIds: [lan.user.id] })
      .expect(200);
    await lan.agent.post(`/api/appraisals/${id}/accept`).expect(200);
    await c.institute.agent.get(`/api/appraisals/${id}`).expect(404);
    await lan.agent.post(`/api/appraisals/${id}/report`).send(REPORT).expect(200);
    assert.equal(
      (await c.institute.agent.get(`/api/appraisals/${id}`).expect(200)).body.appraisal.status,
      'reported',
    );
    const ownersList = (await c.institute.agent.get(`/api/appraisals?listingId=${offerId}`).expect(200)).body;
    assert.deepEqual(
      ownersList.appraisals.map((a: { id: string }) => a.id),
      [id],
    );
    await c.enterprise.agent.post(`/api/appraisals/${id}/publish`).expect(403);
    // The buyer asked, so the buyer pays; the owner may not pay it for them.
    await c.institute.agent
      .post(`/api/appraisals/${id}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(403);
    const paying = await c.enterprise.agent
      .post(`/api/appraisals/${id}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    assert.equal(paying.body.payment.payerOrgId, c.enterprise.orgId);
    await admin.agent.post(`/api/admin/payments/${paying.body.payment.id}/confirm`).send({}).expect(200);
    await c.institute.agent.post(`/api/appraisals/${id}/publish`).expect(200);

    // A listing not yet published cannot be appraised.
    const draft = await publishedOffer(c.institute, { status: 'draft', publishedAt: undefined });
    const early = await c.institute.agent
      .post('/api/appraisals')
      .send({ listingKind: 'offer', listingId: draft, type: 'technology' })
      .expect(409);
    assert.match(early.body.error.message, /published/);
  });

  it('reported valuations are price guidance’s second source, shown apart: quartiles of their midpoints from five', async () => {
    const lan = await expert('Trần Thị Lan');
    const offerId = await publishedOffer(c.institute, { field: 'engineering_technology', trl: 6 });
    const M = 1_000_000;
    async function reported(type: 'valuation' | 'technology', low: number, high: number, trl = 6) {
      const created = await c.institute.agent
        .post('/api/appraisals')
        .send({ listingKind: 'offer', listingId: offerId, type })
        .expect(201);
      const id = created.body.appraisal.id as string;
      await admin.agent
        .post(`/api/admin/appraisals/${id}/assign`)
        .send({ expertIds: [lan.user.id] })
        .expect(200);
      await lan.agent.post(`/api/appraisals/${id}/accept`).expect(200);
      const valuation =
        type === 'valuation' ? { valuation: { ...VALUATION, low: low * M, high: high * M } } : {};
      await lan.agent
        .post(`/api/appraisals/${id}/report`)
        .send({ ...REPORT, trlAssessed: trl, ...valuation })
        .expect(200);
    }
    const guidance = async () =>
      (
        await c.enterprise.agent
          .get('/api/price-guidance')
          .query({ field: 'engineering_technology', currency: 'VND', trl: 5 })
          .expect(200)
      ).body;
    // Midpoints 150, 300, 400, 200 (millions); a technology appraisal and another TRL band do not count.
    await reported('valuation', 100, 200);
    await reported('valuation', 200, 400);
    await reported('valuation', 300, 500);
    await reported('valuation', 100, 300);
    await reported('technology', 0, 0);
    await reported('valuation', 9000, 9999, 8);
    const four = await guidance();
    assert.deepEqual(four.appraised, { count: 4 });
    assert.equal(four.count, 0, 'agreed deals stay the first source');
    // A fifth, midpoint 600: sorted 150, 200, 300, 400, 600 → PERCENTILE.INC 200, 300, 400.
    await reported('valuation', 500, 700);
    assert.deepEqual((await guidance()).appraised, { count: 5, p25: 200 * M, median: 300 * M, p75: 400 * M });
  });

  it('when every assigned expert declines, then the request goes back to the operators’ queue', async () => {
    const { offerId } = await offerWithSecret();
    const lan = await expert('Trần Thị Lan');
    const created = await c.institute.agent
      .post('/api/appraisals')
      .send({ listingKind: 'offer', listingId: offerId, type: 'technology' })
      .expect(201);
    const id = created.body.appraisal.id as string;
    await admin.agent
      .post(`/api/admin/appraisals/${id}/assign`)
      .send({ expertIds: [lan.user.id] })
      .expect(200);
    const declined = await lan.agent.post(`/api/appraisals/${id}/decline`).send({}).expect(200);
    assert.equal(declined.body.appraisal.status, 'requested');
    await lan.agent.post(`/api/appraisals/${id}/accept`).expect(409);
    const queue = (await admin.agent.get('/api/admin/appraisals?status=requested').expect(200)).body;
    assert.deepEqual(
      queue.appraisals.map((a: { id: string }) => a.id),
      [id],
    );
    // Assigned again, the expert may take it on after all.
    await admin.agent
      .post(`/api/admin/appraisals/${id}/assign`)
      .send({ expertIds: [lan.user.id] })
      .expect(200);
    assert.equal(
      (await lan.agent.post(`/api/appraisals/${id}/accept`).expect(200)).body.appraisal.status,
      'in_progress',
    );
  });
});
