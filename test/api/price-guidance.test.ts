/**
 * Price guidance from agreed deals (`GET /api/price-guidance`): deals agreed through the API, the
 * quartiles worked out by hand here, never revealed for fewer than five deals.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { cast, publishedOffer, terms, type Cast } from './deals-helpers';
import { markStatsRollupsStale } from '../../server/stats';

const M = 1_000_000;
const FIELD = 'engineering_technology';

describe('price guidance', function () {
  this.timeout(60_000);
  let t: TestApp;
  let c: Cast;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  /** An offer of the institute's, negotiated and agreed by both parties at `price`. */
  async function agreed(price: number, opts: { trl?: number; transferMode?: string; field?: string } = {}) {
    const offerId = await publishedOffer(c.institute, { trl: opts.trl ?? 7, field: opts.field ?? FIELD });
    const deal = await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    const dealId = deal.body.deal.id as string;
    const sheet = terms(price, opts.transferMode ? { transferMode: opts.transferMode } : {});
    await c.enterprise.agent.post(`/api/deals/${dealId}/terms`).send(sheet).expect(201);
    await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const done = await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    assert.equal(done.body.deal.status, 'awaiting_payment');
    return dealId;
  }

  const guidance = (query: Record<string, string | number>) =>
    c.enterprise.agent
      .get('/api/price-guidance')
      .query({ field: FIELD, currency: 'VND', ...query })
      .expect(200);

  it('when fewer than five comparable deals were agreed, then only their number is told', async () => {
    for (const price of [100, 200, 300, 400]) await agreed(price * M);
    const answer = (await guidance({ trl: 7 })).body;
    assert.deepEqual(answer, {
      field: FIELD,
      currency: 'VND',
      trlBand: '7-9',
      minDeals: 5,
      count: 4,
      appraised: { count: 0 },
    });
  });

  it('when six were agreed, then the quartiles are those worked out by hand; other bands, modes and negotiating deals stay apart', async () => {
    for (const price of [300, 100, 1000, 200, 500, 400]) await agreed(price * M);
    await agreed(9000 * M, { trl: 2 });
    await agreed(7000 * M, { transferMode: 'assignment' });
    const open = await c.enterprise.agent
      .post('/api/deals')
      .send({ offerId: await publishedOffer(c.institute) })
      .expect(201);
    await c.enterprise.agent
      .post(`/api/deals/${open.body.deal.id}/terms`)
      .send(terms(50 * M))
      .expect(201);

    // TRL 7–9, licences: 100 200 300 400 500 1000 and 7000 (assignment) → with the mode asked, six values;
    // ranks (6-1)·q = 1.25, 2.5, 3.75 → 225, 350, 475.
    const licensed = (await guidance({ trl: 8, transferMode: 'license_non_exclusive' })).body;
    assert.deepEqual(
      [licensed.count, licensed.p25, licensed.median, licensed.p75],
      [6, 225 * M, 350 * M, 475 * M],
    );
    // Any mode in the band: seven values, ranks 1.5, 3, 4.5 → 250, 400, 750.
    const band = (await guidance({ trl: 9 })).body;
    assert.deepEqual([band.count, band.p25, band.median, band.p75], [7, 250 * M, 400 * M, 750 * M]);
    // Every band and mode: eight values, ranks 1.75, 3.5, 5.25 → 275, 450, 1000 + ¼·6000 = 2500.
    const all = (await guidance({})).body;
    assert.deepEqual([all.count, all.p25, all.median, all.p75], [8, 275 * M, 450 * M, 2500 * M]);
    assert.deepEqual((await guidance({ trl: 2 })).body.count, 1);
    assert.equal((await guidance({ trl: 2 })).body.median, undefined);
    // Another currency has none.
    assert.deepEqual((await guidance({ currency: 'USD' })).body.count, 0);

    // Rebuilt from the records (a database loaded by hand), the answer is the same.
    await markStatsRollupsStale();
    const rebuilt = (await guidance({})).body;
    assert.deepEqual(rebuilt, all);
  });

  it('when an agreed deal is cancelled, then its price no longer counts', async () => {
    const ids = [];
    for (const price of [100, 200, 300, 400, 500]) ids.push(await agreed(price * M));
    assert.equal((await guidance({})).body.median, 300 * M);
    const cancelled = await c.enterprise.agent
      .post(`/api/deals/${ids[0]}/cancel`)
      .send({ reason: 'Bên mua không thu xếp được vốn' })
      .expect(200);
    assert.equal(cancelled.body.deal.status, 'cancelled');
    assert.deepEqual((await guidance({})).body, {
      field: FIELD,
      currency: 'VND',
      minDeals: 5,
      count: 4,
      appraised: { count: 0 },
    });
  });

  it('when the field or currency is missing or unknown, then 400 names it; without signing in, 401', async () => {
    const bad = await c.enterprise.agent.get('/api/price-guidance').query({ currency: 'VND' }).expect(400);
    assert.equal(bad.body.error.details[0].field, 'field');
    const odd = await c.enterprise.agent
      .get('/api/price-guidance')
      .query({ field: FIELD, currency: 'EUR', trl: 12 })
      .expect(400);
    assert.deepEqual(odd.body.error.details.map((d: { field: string }) => d.field).sort(), [
      'currency',
      'trl',
    ]);
    await request(t.app).get('/api/price-guidance').query({ field: FIELD, currency: 'VND' }).expect(401);
  });
});
