import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { DealModel } from '../../server/deals/deal.model';
import { BidModel } from '../../server/bids/bid.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import {
  commitmentConflict,
  isExclusiveAgreement,
  type OfferCommitments,
} from '../../server/listings/exclusivity';
import { aBid, auctionOffer, cast, inOneHour, publishedOffer, terms, type Cast } from './deals-helpers';
import type { Member } from '../helpers/factories';

describe('one exclusive technology, one buyer', () => {
  let t: TestApp;
  let c: Cast;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  /** A direct deal of `buyer` on the offer, with a term sheet the seller proposed; returns its id. */
  async function dealWithTerms(offerId: string, buyer: Member, exclusivity: boolean): Promise<string> {
    const dealId = (await buyer.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal.id;
    await c.institute.agent
      .post(`/api/deals/${dealId}/terms`)
      .send(terms(300_000_000, { exclusivity }))
      .expect(201);
    return dealId;
  }

  const snapshot = async (dealId: string) => {
    clearRecordCaches();
    const deal = (await DealModel.findById(dealId).lean())!;
    return { status: deal.status, termSheets: deal.termSheets, timeline: deal.timeline.length };
  };

  it('when two enterprises each agree an exclusive licence of one offer, then the second agreement is refused with 409 and changes nothing', async () => {
    const offerId = await publishedOffer(c.institute, {
      transferModes: ['license_exclusive', 'license_non_exclusive'],
    });
    const first = await dealWithTerms(offerId, c.enterprise, true);
    const second = await dealWithTerms(offerId, c.rival, true);
    await c.institute.agent.post(`/api/deals/${first}/terms/1/accept`).expect(200);
    await c.institute.agent.post(`/api/deals/${second}/terms/1/accept`).expect(200);
    const won = await c.enterprise.agent.post(`/api/deals/${first}/terms/1/accept`).expect(200);
    assert.equal(won.body.deal.status, 'awaiting_payment');
    const before = await snapshot(second);
    const refused = await c.rival.agent.post(`/api/deals/${second}/terms/1/accept`).expect(409);
    assert.equal(refused.body.error.code, 'conflict');
    assert.match(refused.body.error.message, /another buyer/);
    assert.deepEqual(await snapshot(second), before);
    assert.equal(before.status, 'negotiating');
  });

  it('when both final acceptances arrive at once, then exactly one deal is agreed', async () => {
    const offerId = await publishedOffer(c.institute);
    const first = await dealWithTerms(offerId, c.enterprise, true);
    const second = await dealWithTerms(offerId, c.rival, true);
    await c.institute.agent.post(`/api/deals/${first}/terms/1/accept`).expect(200);
    await c.institute.agent.post(`/api/deals/${second}/terms/1/accept`).expect(200);
    const results = await Promise.all([
      c.enterprise.agent.post(`/api/deals/${first}/terms/1/accept`),
      c.rival.agent.post(`/api/deals/${second}/terms/1/accept`),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    const statuses = [(await snapshot(first)).status, (await snapshot(second)).status].sort();
    assert.deepEqual(statuses, ['awaiting_payment', 'negotiating']);
  });

  it('when a non-exclusive licence was agreed, then an exclusive bid cannot be accepted (409, the bid stays submitted, no deal)', async () => {
    const offerId = await publishedOffer(c.institute);
    const licence = await dealWithTerms(offerId, c.enterprise, false);
    await c.institute.agent.post(`/api/deals/${licence}/terms/1/accept`).expect(200);
    await c.enterprise.agent.post(`/api/deals/${licence}/terms/1/accept`).expect(200);
    const bid = await c.rival.agent
      .post(`/api/offers/${offerId}/bids`)
      .send(aBid(400_000_000, { transferMode: 'license_exclusive' }))
      .expect(201);
    const refused = await c.institute.agent.post(`/api/bids/${bid.body.bid.id}/accept`).expect(409);
    assert.match(refused.body.error.message, /already licensed/);
    assert.equal((await BidModel.findById(bid.body.bid.id).lean())!.status, 'submitted');
    assert.equal(await DealModel.countDocuments({ bidId: bid.body.bid.id }), 0);
  });

  it('when two non-exclusive licences are agreed, then both stand', async () => {
    const offerId = await publishedOffer(c.institute);
    for (const buyer of [c.enterprise, c.rival]) {
      const dealId = await dealWithTerms(offerId, buyer, false);
      await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
      const res = await buyer.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
      assert.equal(res.body.deal.status, 'awaiting_payment');
    }
  });

  it('when the exclusive deal is cancelled, then another buyer may agree exclusively', async () => {
    const offerId = await publishedOffer(c.institute);
    const first = await dealWithTerms(offerId, c.enterprise, true);
    const second = await dealWithTerms(offerId, c.rival, true);
    await c.institute.agent.post(`/api/deals/${first}/terms/1/accept`).expect(200);
    await c.enterprise.agent.post(`/api/deals/${first}/terms/1/accept`).expect(200);
    await c.institute.agent.post(`/api/deals/${second}/terms/1/accept`).expect(200);
    await c.rival.agent.post(`/api/deals/${second}/terms/1/accept`).expect(409);
    await c.enterprise.agent.post(`/api/deals/${first}/cancel`).send({ reason: 'Đổi kế hoạch' }).expect(200);
    const res = await c.rival.agent.post(`/api/deals/${second}/terms/1/accept`).expect(200);
    assert.equal(res.body.deal.status, 'awaiting_payment');
  });

  it('when a fixed-price offer is agreed through a direct deal, then a bid on it can no longer be accepted', async () => {
    const offerId = await publishedOffer(c.institute, {
      pricing: { model: 'fixed', amount: 300_000_000, currency: 'VND' },
    });
    const bid = await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(300_000_000)).expect(201);
    const dealId = await dealWithTerms(offerId, c.enterprise, false);
    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    await c.institute.agent.post(`/api/bids/${bid.body.bid.id}/accept`).expect(409);
    assert.equal((await BidModel.findById(bid.body.bid.id).lean())!.status, 'submitted');
  });

  it('when someone opens a direct deal on an auction, then 409 and no deal is written', async () => {
    const offerId = await auctionOffer(c.institute, inOneHour());
    const res = await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(409);
    assert.match(res.body.error.message, /auction/);
    assert.equal(await DealModel.countDocuments({}), 0);
  });
});

describe('which agreements exclude each other (rules)', () => {
  const none: OfferCommitments = { award: null, licensees: [] };

  it('when the offer is sold once or the terms are exclusive, then the agreement is exclusive', () => {
    const negotiable = { kind: 'offer' as const, pricingModel: 'negotiable' as const };
    assert.equal(isExclusiveAgreement(negotiable, { exclusivity: false }), false);
    assert.equal(isExclusiveAgreement(negotiable, { exclusivity: true }), true);
    assert.equal(isExclusiveAgreement(negotiable, { transferMode: 'assignment' }), true);
    assert.equal(isExclusiveAgreement({ kind: 'offer', pricingModel: 'fixed' }, {}), true);
    assert.equal(isExclusiveAgreement({ kind: 'offer', pricingModel: 'auction' }, {}), true);
    assert.equal(
      isExclusiveAgreement({ ...negotiable, transferModes: ['license_exclusive'] }, { exclusivity: false }),
      true,
    );
    assert.equal(isExclusiveAgreement({ kind: 'demand' }, { exclusivity: true }), false);
  });

  it('when another holder has the award or a licence, then an exclusive candidate conflicts; the same holder never does', () => {
    assert.equal(commitmentConflict(none, { dealId: 'a', exclusive: true }), null);
    const awarded = { award: { bidId: 'b1', dealId: 'd1' }, licensees: [] };
    assert.ok(commitmentConflict(awarded, { dealId: 'd2', exclusive: false }));
    assert.equal(commitmentConflict(awarded, { dealId: 'd1', exclusive: true }), null);
    assert.equal(commitmentConflict(awarded, { bidId: 'b1', exclusive: true }), null);
    const licensed = { award: null, licensees: ['d1'] };
    assert.ok(commitmentConflict(licensed, { dealId: 'd2', exclusive: true }));
    assert.equal(commitmentConflict(licensed, { dealId: 'd2', exclusive: false }), null);
    assert.equal(commitmentConflict(licensed, { dealId: 'd1', exclusive: true }), null);
  });
});
