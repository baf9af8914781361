/** A buyer organization has one open deal per listing: a second negotiation is refused naming the first, an accepted bid goes on in it. */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { DealModel } from '../../server/deals/deal.model';
import { BidModel } from '../../server/bids/bid.model';
import { aBid, cast, publishedOffer, terms, type Cast } from './deals-helpers';

describe('one deal per buyer and listing', () => {
  let t: TestApp;
  let c: Cast;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  it('when the buyer opens a second negotiation, then 409 names the open deal and nothing is written', async () => {
    const offerId = await publishedOffer(c.institute);
    const first = (await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal;
    const again = await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(409);
    assert.equal(again.body.error.code, 'conflict');
    assert.ok(again.body.error.message.includes(first.reference));
    assert.equal(again.body.error.details[0].value, first.id);
    assert.equal(await DealModel.countDocuments({}), 1);
  });

  it('when the owner accepts a bid from a buyer already negotiating directly, then that deal goes on with the bid as its next terms', async () => {
    const offerId = await publishedOffer(c.institute);
    const direct = (await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal;
    await c.institute.agent.post(`/api/deals/${direct.id}/terms`).send(terms(400_000_000)).expect(201);
    const bid = await c.enterprise.agent
      .post(`/api/offers/${offerId}/bids`)
      .send(aBid(350_000_000))
      .expect(201);
    const accepted = await c.institute.agent.post(`/api/bids/${bid.body.bid.id}/accept`).expect(201);

    assert.equal(accepted.body.deal.id, direct.id);
    assert.equal(accepted.body.deal.reference, direct.reference);
    assert.equal(accepted.body.deal.latestVersion, 2);
    assert.equal(accepted.body.deal.termSheets[1].price, 350_000_000);
    assert.equal(accepted.body.deal.termSheets[1].proposedByRole, 'buyer');
    assert.equal(await DealModel.countDocuments({}), 1);
    const stored = await BidModel.findById(bid.body.bid.id).lean();
    assert.equal(stored!.status, 'accepted');
    assert.equal(String(stored!.dealId), direct.id);
    const list = await c.enterprise.agent.get('/api/deals').expect(200);
    assert.equal(list.body.total, 1);

    // Another buyer's accepted bid is a deal of its own.
    const rival = await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(300_000_000)).expect(201);
    const theirs = await c.institute.agent.post(`/api/bids/${rival.body.bid.id}/accept`).expect(201);
    assert.notEqual(theirs.body.deal.id, direct.id);
    assert.equal(await DealModel.countDocuments({}), 2);
  });
});
