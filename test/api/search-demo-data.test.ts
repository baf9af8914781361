import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { OfferModel } from '../../server/offers/offer.model';
import { DemandModel } from '../../server/demands/demand.model';
import { OrganizationModel } from '../../server/organizations/organization.model';
import { syncSearchIndex } from '../../server/search-sync/search-sync.service';
import { loadDemoData } from '../../server/demo/load-demo';
import { ensureOwnerLists } from '../../server/owner-list-sync';
import { ensureStatsRollups } from '../../server/stats';
import { offerSubmitViolations } from '../../server/offers/offer-rules';
import { demandSubmitViolations } from '../../server/demands/demand-rules';
import {
  DEMO_DEMANDS,
  DEMO_OFFERS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
} from '../../server/demo/data';

describe('demo data in the database and in search', () => {
  let t: TestApp;
  let rebuiltAfterLoad: { lists: boolean; rollups: boolean };
  before(async () => {
    t = await createTestApp();
    await resetDatabase();
    await t.ctx.search.clear();
    // A running exchange's lists and rollups, built before the demo is loaded past the stores.
    await ensureOwnerLists();
    await ensureStatsRollups();
    await loadDemoData();
    rebuiltAfterLoad = { lists: await ensureOwnerLists(), rollups: await ensureStatsRollups() };
    await syncSearchIndex(t.ctx);
  });
  after(resetDatabase);

  it('when the demo data is loaded into an empty database, then every organization, offer and demand is there', async () => {
    assert.equal(await OrganizationModel.countDocuments({}), DEMO_ORGANIZATIONS.length);
    assert.equal(await OfferModel.countDocuments({}), DEMO_OFFERS.length);
    assert.equal(await DemandModel.countDocuments({}), DEMO_DEMANDS.length);
    assert.equal(await OfferModel.countDocuments({ searchDirty: true }), 0, 'the indexer cleared every mark');
  });

  it('when the demo is loaded past the stores, then the owner lists and statistics are rebuilt next', () => {
    assert.deepEqual(rebuiltAfterLoad, { lists: true, rollups: true });
  });

  it('when the database already has organizations, then loading again adds nothing', async () => {
    const again = await loadDemoData();
    assert.equal(again.loaded, false);
    assert.equal(await OfferModel.countDocuments({}), DEMO_OFFERS.length);
  });

  it('then published listings were published over the last months, before now, and created in the month they say', async () => {
    const offers = await OfferModel.find({ status: 'published' }).lean();
    const months = new Set(offers.map((o) => o.publishedAt!.toISOString().slice(0, 7)));
    assert.ok(months.size >= 4, `published over ${months.size} months`);
    for (const o of offers) {
      assert.ok(o.publishedAt! < new Date());
      assert.ok(o.createdAt < o.publishedAt!);
      assert.equal(o.createdMonth, o.createdAt.toISOString().slice(0, 7));
    }
  });

  it('then every demo listing keeps the rules the API applies to listings submitted for review', async () => {
    const now = new Date();
    for (const o of await OfferModel.find({}).lean())
      assert.deepEqual(offerSubmitViolations(o as never, now), [], o.title);
    for (const d of await DemandModel.find({}).lean())
      assert.deepEqual(demandSubmitViolations(d as never, now), [], d.title);
  });

  it('then auctions close and calls for proposals end in the future', async () => {
    const auctions = await OfferModel.find({ 'pricing.model': 'auction' }).lean();
    assert.ok(auctions.length > 0);
    for (const a of auctions) assert.ok(a.pricing!.closesAt! > new Date());
    const calls = await DemandModel.find({ mode: 'call_for_proposals' }).lean();
    assert.ok(calls.length > 0);
    for (const c of calls) assert.ok(c.deadline! > new Date());
  });

  it('when a visitor searches "xu ly nuoc thai", then demo listings about wastewater are found', async () => {
    const res = await request(t.app).get('/api/search').query({ q: 'xu ly nuoc thai' }).expect(200);
    assert.ok(res.body.total > 0);
    assert.match(res.body.hits[0].title, /nước thải/i);
    const all = await request(t.app).get('/api/search').expect(200);
    const published =
      DEMO_OFFERS.filter((o) => o.status === 'published').length +
      DEMO_DEMANDS.filter((d) => d.status === 'published').length;
    assert.equal(all.body.total, published);
  });

  it('when a demo member signs in with the demo password, then they act for their organization', async () => {
    const demo = DEMO_USERS[0];
    const res = await request(t.app)
      .post('/api/auth/login')
      .send({ email: demo.email, password: DEMO_PASSWORD })
      .expect(200);
    assert.equal(
      res.body.user.organization.name,
      DEMO_ORGANIZATIONS.find((o) => o.key === demo.organizationKey)!.name,
    );
  });
});
