/** The demo's capability assessments: loaded with the demo, scored as a save scores them, shown in the directory. */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { loadDemoData } from '../../server/demo/load-demo';
import { signInAdmin } from '../helpers/factories';
import { DEMO_CAPABILITY_ASSESSMENTS, DEMO_ORGANIZATIONS } from '../../server/demo/data';

describe('demo data: capability assessments', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await resetDatabase();
    await loadDemoData();
  });
  after(resetDatabase);

  it('when the demo is loaded, then the directory shows every demo assessment of a verified enterprise, strongest first', async () => {
    const verifiedOrgs = new Set(DEMO_ORGANIZATIONS.filter((o) => o.verified).map((o) => o.key));
    const shown = DEMO_CAPABILITY_ASSESSMENTS.filter(
      (a) => a.visibility !== 'private' && verifiedOrgs.has(a.organizationKey),
    );
    const page = (await request(t.app).get('/api/capabilities?limit=100').expect(200)).body;
    assert.equal(page.total, shown.length);
    assert.ok(page.total >= 5);
    const levels = page.items.map((i: { level: string }) => i.level);
    assert.equal(levels[0], 'advanced');
    const bavi = page.items.find((i: { organization: { name: string } }) =>
      /Ba Vì/.test(i.organization.name),
    );
    assert.equal(bavi.level, 'average');
    assert.equal(bavi.verified, true);
    assert.equal(bavi.score, undefined, 'Ba Vì shows its level only');
  });

  it('when an operator opens the summary, then food processing has three enterprises and a sector average', async () => {
    const admin = await signInAdmin(t.app);
    const food = (await admin.agent.get('/api/admin/capabilities/summary?sector=food_beverages').expect(200))
      .body;
    assert.equal(food.overall.count, 3);
    assert.equal(food.overall.verified, 1);
    const orgId = food.assessments[0].organization.id as string;
    const mine = (await admin.agent.get(`/api/organizations/${orgId}/capability`).expect(200)).body
      .assessments;
    assert.equal(mine[0].sectorAverage.count, 3);
    assert.equal(mine[0].sectorAverage.total, food.overall.averages.total);
  });
});
