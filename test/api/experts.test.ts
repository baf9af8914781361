/**
 * Appraisal experts: the role operators grant, the expert's profile and declared conflicts, the
 * public directory, and the experts a capability assessment suggests (never one in conflict).
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { CAPABILITY_CRITERIA } from '../../server/api-contract/capability-criteria';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';

const PROFILE = {
  fields: ['agricultural_sciences'],
  subFields: ['animal_dairy_science'],
  credentials: 'Tiến sĩ công nghệ thực phẩm; thẩm định viên công nghệ',
  affiliation: 'Viện Cơ điện Nông nghiệp',
  languages: ['vi', 'en'],
  bio: 'Hai mươi năm thẩm định dây chuyền chế biến sữa và thủy sản.',
  availability: 'available',
};

describe('appraisal experts', function () {
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

  async function expert(
    name: string,
    profile: Record<string, unknown> = PROFILE,
    kind = 'institute' as const,
  ) {
    const m = await signUp(t.app, { kind, name, orgName: `Tổ chức của ${name}` });
    await admin.agent.post(`/api/admin/users/${m.user.id}/role`).send({ role: 'expert' }).expect(200);
    await m.agent.put('/api/experts/me').send(profile).expect(200);
    return m;
  }

  it('when an operator grants the role and the expert fills in a profile, then anyone finds them in the directory', async () => {
    const member = await signUp(t.app, { kind: 'institute' });
    const refused = await member.agent.put('/api/experts/me').send(PROFILE).expect(403);
    assert.equal(refused.body.error.code, 'forbidden');
    assert.equal((await request(t.app).get('/api/experts').expect(200)).body.total, 0);

    const lan = await expert('Trần Thị Lan');
    const mine = (await lan.agent.get('/api/experts/me').expect(200)).body.profile;
    assert.equal(mine.credentials, PROFILE.credentials);
    assert.deepEqual(mine.conflicts, []);
    const page = (await request(t.app).get('/api/experts').expect(200)).body;
    assert.equal(page.total, 1);
    const [shown] = page.experts;
    assert.equal(shown.name, 'Trần Thị Lan');
    assert.equal(shown.affiliation, 'Viện Cơ điện Nông nghiệp');
    assert.equal(shown.organization.name, 'Tổ chức của Trần Thị Lan');
    assert.equal(shown.conflicts, undefined, 'declared conflicts are not public');
    assert.equal(
      (await request(t.app).get(`/api/experts/${lan.user.id}`).expect(200)).body.expert.id,
      lan.user.id,
    );
  });

  it('the directory filters by field and words, lists available experts first, and drops one whose role was taken back', async () => {
    const lan = await expert('Trần Thị Lan');
    await expert('Nguyễn Văn Bình', { ...PROFILE, fields: ['engineering_technology'], availability: 'busy' });
    await expert('Lê Văn An', {
      ...PROFILE,
      availability: 'unavailable',
      bio: 'Chuyên gia định giá thủy sản',
    });
    const names = async (query: string) =>
      (await request(t.app).get(`/api/experts?${query}`).expect(200)).body.experts.map(
        (e: { name: string }) => e.name,
      );
    assert.deepEqual(await names(''), ['Trần Thị Lan', 'Nguyễn Văn Bình', 'Lê Văn An']);
    assert.deepEqual(await names('field=agricultural_sciences'), ['Trần Thị Lan', 'Lê Văn An']);
    assert.deepEqual(await names('q=dinh gia'), ['Lê Văn An']);
    assert.deepEqual(await names('availability=busy'), ['Nguyễn Văn Bình']);
    const bad = await request(t.app).get('/api/experts?field=cooking').expect(400);
    assert.equal(bad.body.error.details[0].field, 'field');

    await admin.agent.post(`/api/admin/users/${lan.user.id}/role`).send({ role: 'member' }).expect(200);
    assert.deepEqual(await names(''), ['Nguyễn Văn Bình', 'Lê Văn An']);
    await request(t.app).get(`/api/experts/${lan.user.id}`).expect(404);
  });

  it('when a profile is wrong, then a 400 names the field and nothing is written', async () => {
    const lan = await expert('Trần Thị Lan');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...PROFILE, fields: [] }, 'fields'],
      [{ ...PROFILE, fields: ['cooking'] }, 'fields.0'],
      [{ ...PROFILE, languages: ['fr'] }, 'languages.0'],
      [{ ...PROFILE, availability: 'sometimes' }, 'availability'],
      [{ ...PROFILE, conflicts: ['not-an-id'] }, 'conflicts.0'],
      [{ ...PROFILE, conflicts: ['0123456789abcdef01234567'] }, 'conflicts'],
    ];
    for (const [body, field] of cases) {
      const res = await lan.agent.put('/api/experts/me').send(body).expect(400);
      assert.ok(
        res.body.error.details.some((d: { field: string }) => d.field === field),
        `${field}: ${JSON.stringify(res.body.error.details)}`,
      );
    }
    const mine = (await lan.agent.get('/api/experts/me').expect(200)).body.profile;
    assert.deepEqual(mine.fields, PROFILE.fields);
    assert.deepEqual(mine.conflicts, []);
  });

  it('a capability assessment suggests experts of its sector’s fields, never one of the enterprise or in declared conflict', async () => {
    const enterprise = await signUp(t.app, { kind: 'enterprise', orgName: 'Công ty Sữa Mộc Châu' });
    await expert('Trần Thị Lan');
    await expert('Phạm Văn Xung Đột', { ...PROFILE, conflicts: [enterprise.orgId] });
    await expert('Kỹ sư Cơ khí', { ...PROFILE, fields: ['engineering_technology'] });
    await expert('Dược sĩ Hòa', { ...PROFILE, fields: ['medical_health'] });
    const answers = Object.fromEntries(CAPABILITY_CRITERIA.map((c) => [c.code, c.group === 'R' ? 0 : 3]));
    await enterprise.agent
      .put(`/api/organizations/${enterprise.orgId}/capability`)
      .send({ sector: 'food_beverages', answers })
      .expect(200);
    // The enterprise's own member becomes an expert too: never suggested to their own enterprise.
    await admin.agent
      .post(`/api/admin/users/${enterprise.user.id}/role`)
      .send({ role: 'expert' })
      .expect(200);
    await enterprise.agent
      .put('/api/experts/me')
      .send({ ...PROFILE, bio: 'Người trong nhà' })
      .expect(200);
    const body = (
      await enterprise.agent
        .get(`/api/organizations/${enterprise.orgId}/capability/suggestions?sector=food_beverages`)
        .expect(200)
    ).body;
    const names = body.experts.map((e: { name: string }) => e.name).sort();
    assert.ok(names.includes('Trần Thị Lan'));
    assert.ok(names.includes('Kỹ sư Cơ khí'));
    assert.ok(!names.includes('Phạm Văn Xung Đột'), 'declared a conflict with the enterprise');
    assert.ok(!names.includes('Dược sĩ Hòa'), 'not a field of food processing');
    assert.ok(!names.includes(enterprise.user.name), 'of the enterprise itself');
    assert.equal((await request(t.app).get('/api/experts').expect(200)).body.total, 5);
    assert.equal(body.experts.length, 2);
    assert.equal(body.suggestions[0].group, 'R');
  });
});
