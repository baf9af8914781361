/**
 * Technology-capability assessments through the API: save and resume, the score worked by hand,
 * who may see and change them, the public directory, the operators' summary (checked against
 * figures computed here), verification, and the exports parsed back.
 */
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { CAPABILITY_CRITERIA, CAPABILITY_GROUPS } from '../../server/api-contract/capability-criteria';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { binary } from '../helpers/binary';
import { SAMPLE_ANSWERS } from '../helpers/capability-sample';
import { publishedOffer } from './deals-helpers';
import { syncSearchIndex } from '../../server/search-sync/search-sync.service';

const SAMPLE = SAMPLE_ANSWERS;
const all = (band: number) => Object.fromEntries(CAPABILITY_CRITERIA.map((c) => [c.code, band]));
const pick = (answers: Record<string, number>, group: string) =>
  Object.fromEntries(Object.entries(answers).filter(([code]) => code.startsWith(group)));

describe('capability assessments', function () {
  this.timeout(60_000);
  let t: TestApp;
  let admin: Member;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    admin = await signInAdmin(t.app);
  });

  const save = (m: Member, body: Record<string, unknown>, orgId = m.orgId) =>
    m.agent.put(`/api/organizations/${orgId}/capability`).send(body);
  const enterprise = (orgName: string, verified = true) =>
    signUp(t.app, { kind: 'enterprise', orgName, verified });
  const stored = async (orgId: string) =>
    (await admin.agent.get(`/api/organizations/${orgId}/capability`).expect(200)).body.assessments;

  it('when an enterprise saves a group at a time, then it resumes where it stopped and the finished score is the one worked by hand', async () => {
    const m = await enterprise('Công ty Chế biến Thực phẩm Sông Hồng');
    const first = await save(m, { sector: 'food_beverages', answers: pick(SAMPLE, 'T') }).expect(200);
    assert.equal(first.body.assessment.answered, 7);
    assert.equal(first.body.assessment.complete, false);
    assert.equal(first.body.assessment.level, null);
    assert.equal(first.body.assessment.groups.T.score, 21.75);

    const resumed = await m.agent
      .get(`/api/organizations/${m.orgId}/capability?sector=food_beverages`)
      .expect(200);
    assert.deepEqual(resumed.body.assessments[0].answers, pick(SAMPLE, 'T'));

    for (const g of ['E', 'O', 'R'])
      await save(m, { sector: 'food_beverages', answers: pick(SAMPLE, g) }).expect(200);
    const done = (await save(m, { sector: 'food_beverages', answers: pick(SAMPLE, 'I') }).expect(200)).body
      .assessment;
    assert.equal(done.answered, 26);
    assert.equal(done.complete, true);
    assert.equal(done.score, 51);
    assert.equal(done.synchronisation, 0.919);
    assert.equal(done.level, 'average');
    assert.deepEqual(done.weakestGroups, ['R', 'I', 'E', 'O', 'T']);
    assert.ok(done.completedAt);
    assert.equal(done.sectorAverage, null, 'one enterprise does not make a sector average');

    const cleared = (await save(m, { sector: 'food_beverages', answers: { R4: null } }).expect(200)).body
      .assessment;
    assert.equal(cleared.complete, false);
    assert.equal(cleared.level, null);
  });

  it('when someone outside the enterprise, an institute or nobody tries, then they are refused and nothing is written', async () => {
    const m = await enterprise('Công ty Cơ khí Đông Anh');
    const outsider = await enterprise('Công ty Người Ngoài');
    const institute = await signUp(t.app, { kind: 'institute', orgName: 'Viện Cơ khí' });
    const body = { sector: 'machinery', answers: all(2) };

    const refused = await save(outsider, body, m.orgId).expect(403);
    assert.equal(refused.body.error.code, 'forbidden');
    await request(t.app).put(`/api/organizations/${m.orgId}/capability`).send(body).expect(401);
    await outsider.agent.get(`/api/organizations/${m.orgId}/capability`).expect(403);
    const wrongKind = await save(institute, body).expect(409);
    assert.match(wrongKind.body.error.message, /enterprises/);

    assert.deepEqual(await stored(m.orgId), []);
    assert.deepEqual(await stored(institute.orgId), []);
  });

  it('when the input is wrong, then a 400 names the field and nothing is written', async () => {
    const m = await enterprise('Công ty Nhựa Bắc Ninh');
    const cases: [Record<string, unknown>, string][] = [
      [{ answers: { T1: 2 } }, 'sector'],
      [{ sector: 'shipbuilding', answers: { T1: 2 } }, 'sector'],
      [{ sector: 'rubber_plastics', answers: { T1: 5 } }, 'answers.T1'],
      [{ sector: 'rubber_plastics', answers: { T1: 1.5 } }, 'answers.T1'],
      [{ sector: 'rubber_plastics', answers: { X9: 2 } }, 'answers.X9'],
      [{ sector: 'rubber_plastics', visibility: 'everyone' }, 'visibility'],
    ];
    for (const [body, field] of cases) {
      const res = await save(m, body).expect(400);
      assert.ok(
        res.body.error.details.some((d: { field: string }) => d.field === field),
        `${JSON.stringify(body)} names ${field}: ${JSON.stringify(res.body.error.details)}`,
      );
    }
    assert.deepEqual(await stored(m.orgId), []);
  });

  it('the directory shows complete assessments of verified enterprises as far as each chose, and filters', async () => {
    const shown = await enterprise('Công ty Sữa Ba Vì');
    const withScores = await enterprise('Công ty Thủy sản Cửu Long');
    const hidden = await enterprise('Công ty Bánh kẹo Kín Tiếng');
    const unfinished = await enterprise('Công ty Đồ uống Dở Dang');
    const unverified = await enterprise('Công ty Chưa Xác Minh', false);
    await save(shown, { sector: 'food_beverages', answers: SAMPLE }).expect(200);
    await save(withScores, { sector: 'food_beverages', answers: all(4), visibility: 'scores' }).expect(200);
    await save(hidden, { sector: 'food_beverages', answers: all(3), visibility: 'private' }).expect(200);
    await save(unfinished, { sector: 'food_beverages', answers: pick(SAMPLE, 'T') }).expect(200);
    await save(unverified, { sector: 'food_beverages', answers: all(3) }).expect(200);

    const page = (await request(t.app).get('/api/capabilities').expect(200)).body;
    assert.equal(page.total, 2);
    assert.deepEqual(
      page.items.map((i: { organization: { name: string } }) => i.organization.name),
      ['Công ty Thủy sản Cửu Long', 'Công ty Sữa Ba Vì'],
      'strongest first',
    );
    const [best, sample] = page.items;
    assert.equal(best.level, 'advanced');
    assert.equal(best.score, 100);
    assert.deepEqual(best.groups, { T: 30, E: 20, O: 19, R: 17, I: 14 });
    assert.equal(sample.level, 'average');
    assert.equal(sample.score, undefined, 'level only unless the enterprise shows its scores');
    assert.equal(sample.groups, undefined);
    assert.equal(sample.organization.province, 'ha_noi');

    const average = await request(t.app).get('/api/capabilities?level=average').expect(200);
    assert.deepEqual(
      average.body.items.map((i: { organization: { id: string } }) => i.organization.id),
      [shown.orgId],
    );
    assert.equal((await request(t.app).get('/api/capabilities?sector=chemicals').expect(200)).body.total, 0);
    assert.equal((await request(t.app).get('/api/capabilities?province=da_nang').expect(200)).body.total, 0);
    assert.equal((await request(t.app).get('/api/capabilities?q=thuy san').expect(200)).body.total, 1);
    const bad = await request(t.app).get('/api/capabilities?level=excellent').expect(400);
    assert.equal(bad.body.error.details[0].field, 'level');

    // A later choice to hide is seen at once.
    await save(withScores, { sector: 'food_beverages', visibility: 'private' }).expect(200);
    assert.equal((await request(t.app).get('/api/capabilities').expect(200)).body.total, 1);
  });

  it('the sector average shows once three enterprises make it up, and equals their mean', async () => {
    const bands = [1, 2, 4];
    const members = await Promise.all(bands.map((_, i) => enterprise(`Công ty Dệt số ${i + 1}`)));
    await save(members[0], { sector: 'textiles_garments', answers: all(bands[0]) }).expect(200);
    const two = await save(members[1], { sector: 'textiles_garments', answers: all(bands[1]) }).expect(200);
    assert.equal(two.body.assessment.sectorAverage, null);
    const three = (
      await save(members[2], { sector: 'textiles_garments', answers: all(bands[2]) }).expect(200)
    ).body.assessment;
    const meanShare = (1 + 2 + 4) / 3 / 4;
    assert.equal(three.sectorAverage.count, 3);
    assert.equal(three.sectorAverage.total, Math.round(meanShare * 100 * 100) / 100);
    assert.equal(three.sectorAverage.groups.T, Math.round(meanShare * 30 * 100) / 100);
    assert.equal(three.sectorAverage.groups.I, Math.round(meanShare * 14 * 100) / 100);
  });

  it('operators see each sector summed up as counted here, verify after a visit, and a changed answer withdraws it', async () => {
    const fixtures: [string, string, Record<string, number>][] = [
      ['Công ty Dược An Khang', 'pharmaceuticals', all(4)],
      ['Công ty Dược Bình Minh', 'pharmaceuticals', SAMPLE],
      ['Công ty Dược Cổ Truyền', 'pharmaceuticals', all(1)],
      ['Công ty Điện tử Việt', 'electronics', all(3)],
    ];
    const members: Member[] = [];
    for (const [name, sector, answers] of fixtures) {
      const m = await enterprise(name);
      members.push(m);
      await save(m, { sector, answers }).expect(200);
    }
    await members[0].agent.get('/api/admin/capabilities/summary').expect(403);

    const pharma = (
      await admin.agent.get('/api/admin/capabilities/summary?sector=pharmaceuticals').expect(200)
    ).body;
    assert.equal(pharma.overall.count, 3);
    // all(4): 100, advanced; SAMPLE: 51, average; all(1): 25, outdated.
    assert.deepEqual(pharma.overall.levels, {
      outdated: 1,
      below_average: 0,
      average: 1,
      above_average: 0,
      advanced: 1,
    });
    assert.equal(pharma.overall.averages.total, Math.round(((100 + 51 + 25) / 3) * 100) / 100);
    assert.equal(pharma.overall.weakestGroups[0].group, 'R');
    assert.equal(pharma.assessments.length, 3);

    const everything = (await admin.agent.get('/api/admin/capabilities/summary').expect(200)).body;
    assert.deepEqual(
      everything.bySector.map((s: { sector: string; count: number }) => [s.sector, s.count]),
      [
        ['electronics', 1],
        ['pharmaceuticals', 3],
      ],
    );
    for (const g of CAPABILITY_GROUPS) assert.ok(g in everything.overall.averages);

    const id = `${members[1].orgId}:pharmaceuticals`;
    await members[1].agent.post(`/api/admin/capabilities/${id}/verify`).send({}).expect(403);
    const verified = await admin.agent
      .post(`/api/admin/capabilities/${id}/verify`)
      .send({ note: 'Khảo sát nhà máy ngày 2/12' })
      .expect(200);
    assert.equal(verified.body.assessment.verified, true);
    const listed = (await request(t.app).get('/api/capabilities?sector=pharmaceuticals').expect(200)).body
      .items;
    assert.equal(
      listed.find((i: { organization: { id: string } }) => i.organization.id === members[1].orgId).verified,
      true,
    );

    await save(members[1], { sector: 'pharmaceuticals', answers: { R4: 3 } }).expect(200);
    const [after] = await stored(members[1].orgId);
    assert.equal(after.verified, false, 'a changed answer needs a new visit');

    const unfinished = await enterprise('Công ty Dược Chưa Xong');
    await save(unfinished, { sector: 'pharmaceuticals', answers: { T1: 1 } }).expect(200);
    await admin.agent
      .post(`/api/admin/capabilities/${unfinished.orgId}:pharmaceuticals/verify`)
      .send({})
      .expect(409);
    await admin.agent
      .post(`/api/admin/capabilities/${unfinished.orgId}:shipbuilding/verify`)
      .send({})
      .expect(400);
    assert.equal((await stored(unfinished.orgId))[0].verified, false);
  });

  it('the exports read back as the summary, with a formula-like name neutralised', async () => {
    const plain = await enterprise('Công ty Vật liệu Hòa Bình');
    const tricky = await enterprise('=HYPERLINK("http://x","y")');
    await save(plain, { sector: 'building_materials', answers: SAMPLE }).expect(200);
    await save(tricky, { sector: 'building_materials', answers: all(4) }).expect(200);

    const csv = await admin.agent
      .get('/api/admin/capabilities/export?format=csv&sector=building_materials')
      .buffer(true)
      .parse(binary)
      .expect(200);
    assert.match(
      csv.headers['content-disposition'],
      /attachment; filename="capability-building_materials.csv"/,
    );
    const rows = parse(csv.body.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 2);
    const byScore = Object.fromEntries(rows.map((r) => [r.score, r]));
    assert.equal(byScore['51'].organization, 'Công ty Vật liệu Hòa Bình');
    assert.equal(byScore['51'].level, 'average');
    assert.equal(byScore['51'].T, '21.75');
    assert.equal(byScore['100'].organization, `'=HYPERLINK("http://x","y")`);

    const xlsx = await admin.agent
      .get('/api/admin/capabilities/export?format=xlsx')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.worksheets[0];
    assert.equal(sheet.rowCount, 3);
    const names = [2, 3].map((r) => String(sheet.getRow(r).getCell(1).value));
    assert.ok(names.includes('Công ty Vật liệu Hòa Bình'));
    assert.ok(names.includes(`'=HYPERLINK("http://x","y")`));
    await plain.agent.get('/api/admin/capabilities/export?format=csv').expect(403);
  });

  it('an enterprise’s two weakest groups come with offers in its sector that would raise them, co-development first for R&D', async () => {
    const m = await enterprise('Công ty Thực phẩm Hà Tây');
    const institute = await signUp(t.app, { kind: 'institute', orgName: 'Viện Công nghệ Thực phẩm' });
    const offer = (title: string, transferModes: string[]) =>
      publishedOffer(institute, { title, summary: title, field: 'agricultural_sciences', transferModes });
    const coDevelopment = await offer('Hợp tác phát triển quy trình chế biến thực phẩm lên men', [
      'co_development',
    ]);
    const licence = await offer('Công nghệ chế biến thực phẩm sấy lạnh', ['license_non_exclusive']);
    const elsewhere = await offer('Hợp tác phát triển vật liệu xây dựng không nung', ['co_development']);
    await syncSearchIndex({ search: t.ctx.search });

    const url = `/api/organizations/${m.orgId}/capability/suggestions?sector=food_beverages`;
    await m.agent.get(url).expect(404);
    await save(m, { sector: 'food_beverages', answers: pick(SAMPLE, 'T') }).expect(200);
    await m.agent.get(url).expect(409);
    await save(m, { sector: 'food_beverages', answers: SAMPLE }).expect(200);

    const outsider = await enterprise('Công ty Khác');
    await outsider.agent.get(url).expect(403);
    const body = (await m.agent.get(url).expect(200)).body;
    assert.deepEqual(
      body.suggestions.map((s: { group: string; score: number; max: number }) => [s.group, s.score, s.max]),
      [
        ['R', 3.25, 17],
        ['I', 6.25, 14],
      ],
    );
    const [r, i] = body.suggestions;
    assert.equal(r.transferMode, 'co_development');
    assert.equal(r.offers[0].id, coDevelopment, 'the co-development offer in the sector comes first');
    assert.ok(!r.offers.some((o: { id: string }) => o.id === elsewhere), 'not an offer of another sector');
    assert.ok(i.offers.some((o: { id: string }) => o.id === licence));
  });

  it('the questionnaire is published for anyone', async () => {
    const body = (await request(t.app).get('/api/capabilities/criteria').expect(200)).body;
    assert.equal(body.criteria.length, 26);
    assert.deepEqual(
      body.groups.map((g: { code: string; max: number }) => [g.code, g.max]),
      [
        ['T', 30],
        ['E', 20],
        ['O', 19],
        ['R', 17],
        ['I', 14],
      ],
    );
    assert.equal(body.levels.length, 5);
  });
});
