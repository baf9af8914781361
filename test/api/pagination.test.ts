import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { aBid, cast, publishedOffer, terms, type Cast } from './deals-helpers';

describe('timelines and bid lists come in pages', () => {
  let t: TestApp;
  let c: Cast;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  it('when the timeline is read with ?limit, then it comes in pages joined by nextCursor; a bad limit or cursor is 400 naming it', async () => {
    const offerId = await publishedOffer(c.institute);
    const dealId = (await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal.id;
    for (const price of [100, 200, 300]) {
      await c.institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(price)).expect(201);
    }
    const whole = (await c.enterprise.agent.get(`/api/deals/${dealId}/timeline`).expect(200)).body;
    assert.equal(whole.timeline.length, 4);
    assert.equal(whole.nextCursor, undefined);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (
        await c.enterprise.agent
          .get(`/api/deals/${dealId}/timeline`)
          .query({ limit: 3, ...(cursor ? { cursor } : {}) })
          .expect(200)
      ).body;
      assert.ok(page.timeline.length <= 3);
      seen.push(...page.timeline.map((e: { event: string }) => e.event));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ['created', 'terms_proposed', 'terms_proposed', 'terms_proposed']);
    for (const query of [{ limit: 0 }, { limit: 1000 }, { cursor: 'x' }]) {
      const res = await c.enterprise.agent.get(`/api/deals/${dealId}/timeline`).query(query).expect(400);
      assert.deepEqual(
        res.body.error.details.map((d: { field: string }) => d.field),
        [Object.keys(query)[0]],
      );
    }
  });

  it('when a listing’s bids or my bids are read with ?limit, then they come in pages joined by nextCursor', async () => {
    const offerId = await publishedOffer(c.institute);
    const placed: string[] = [];
    for (const amount of [100, 200, 300]) {
      const res = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(amount)).expect(201);
      placed.push(res.body.bid.id);
    }
    const first = (await c.institute.agent.get(`/api/offers/${offerId}/bids`).query({ limit: 2 }).expect(200))
      .body;
    assert.equal(first.bids.length, 2);
    const second = (
      await c.institute.agent
        .get(`/api/offers/${offerId}/bids`)
        .query({ limit: 2, cursor: first.nextCursor })
        .expect(200)
    ).body;
    assert.equal(second.nextCursor, undefined);
    assert.deepEqual(
      [...first.bids, ...second.bids].map((b: { id: string }) => b.id),
      placed,
    );
    const mine = (await c.enterprise.agent.get('/api/bids').query({ limit: 2 }).expect(200)).body;
    const rest = (
      await c.enterprise.agent.get('/api/bids').query({ limit: 2, cursor: mine.nextCursor }).expect(200)
    ).body;
    assert.deepEqual(
      [...mine.bids, ...rest.bids].map((b: { id: string }) => b.id),
      [...placed].reverse(),
    );
    const bad = await c.institute.agent.get(`/api/offers/${offerId}/bids`).query({ limit: 101 }).expect(400);
    assert.equal(bad.body.error.details[0].field, 'limit');
  });
});
