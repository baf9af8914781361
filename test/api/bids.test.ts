import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signUp } from '../helpers/factories';
import { DealModel } from '../../server/deals/deal.model';
import { BidModel } from '../../server/bids/bid.model';
import {
  aBid,
  anHourAgo,
  auctionOffer,
  cast,
  inOneHour,
  publishedDemand,
  publishedOffer,
  type Cast,
  passDeadline,
} from './deals-helpers';

describe('bids and proposals', () => {
  let t: TestApp;
  let c: Cast;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  describe('placing a bid', () => {
    it('when a verified enterprise bids on a published offer, then 201 with the bid submitted', async () => {
      const offerId = await publishedOffer(c.institute);
      const res = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(201);
      assert.equal(res.body.bid.status, 'submitted');
      assert.equal(res.body.bid.amount, 200_000_000);
      assert.equal(res.body.bid.offerId, offerId);
      assert.equal(res.body.bid.bidderOrg.id, c.enterprise.orgId);
      assert.equal(res.body.bid.sealed, false);
    });

    it('when the body is invalid, then 400 names each field and nothing is stored', async () => {
      const offerId = await publishedOffer(c.institute);
      const res = await c.enterprise.agent
        .post(`/api/offers/${offerId}/bids`)
        .send({ amount: -5, currency: 'EUR', transferMode: 'gift' })
        .expect(400);
      const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
      assert.deepEqual(fields, ['amount', 'currency', 'transferMode']);
      const own = await c.enterprise.agent.get(`/api/offers/${offerId}/bids`).expect(200);
      assert.equal(own.body.bids.length, 0);
    });

    it('when the amount is not a whole number of minor units, then 400 on amount', async () => {
      const offerId = await publishedOffer(c.institute);
      const res = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(10.5)).expect(400);
      assert.equal(res.body.error.details[0].field, 'amount');
    });

    it('when the currency is not the listing’s, then 400 on currency', async () => {
      const offerId = await publishedOffer(c.institute);
      const res = await c.enterprise.agent
        .post(`/api/offers/${offerId}/bids`)
        .send(aBid(5000, { currency: 'USD' }))
        .expect(400);
      assert.equal(res.body.error.details[0].field, 'currency');
    });

    it('when the transfer mode is not one the offer allows, then 400 on transferMode', async () => {
      const offerId = await publishedOffer(c.institute, { transferModes: ['license_non_exclusive'] });
      const res = await c.enterprise.agent
        .post(`/api/offers/${offerId}/bids`)
        .send(aBid(1000, { transferMode: 'assignment' }))
        .expect(400);
      assert.equal(res.body.error.details[0].field, 'transferMode');
    });

    it('when an organization bids on its own listing, then 403', async () => {
      const offerId = await publishedOffer(c.institute);
      await c.institute.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(403);
    });

    it('when the organization is not verified, then 403; when signed out, then 401', async () => {
      const offerId = await publishedOffer(c.institute);
      const unverified = await signUp(t.app, { verified: false });
      await unverified.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(403);
      await request(t.app).post(`/api/offers/${offerId}/bids`).send(aBid()).expect(401);
    });

    it('when the listing is a draft of someone else, then 404; when it is closed, then 409', async () => {
      const draftId = await publishedOffer(c.institute, { status: 'draft' });
      await c.enterprise.agent.post(`/api/offers/${draftId}/bids`).send(aBid()).expect(404);
      const closedId = await publishedOffer(c.institute, { status: 'closed' });
      await c.enterprise.agent.post(`/api/offers/${closedId}/bids`).send(aBid()).expect(409);
    });

    it('when the id is malformed, then 400; when unknown, then 404', async () => {
      await c.enterprise.agent.post('/api/offers/not-an-id/bids').send(aBid()).expect(400);
      await c.enterprise.agent.post('/api/offers/0123456789abcdef01234567/bids').send(aBid()).expect(404);
    });
  });

  describe('who sees which bids', () => {
    it('on an open offer the owner sees bids as they come, each bidder only its own, others none', async () => {
      const offerId = await publishedOffer(c.institute);
      await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(100)).expect(201);
      await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(200)).expect(201);
      const owner = await c.institute.agent.get(`/api/offers/${offerId}/bids`).expect(200);
      assert.deepEqual(owner.body.bids.map((b: { amount: number }) => b.amount).sort(), [100, 200]);
      const mine = await c.enterprise.agent.get(`/api/offers/${offerId}/bids`).expect(200);
      assert.deepEqual(
        mine.body.bids.map((b: { amount: number }) => b.amount),
        [100],
      );
      const other = await c.outsider.agent.get(`/api/offers/${offerId}/bids`).expect(200);
      assert.equal(other.body.bids.length, 0);
      const operator = await c.admin.agent.get(`/api/offers/${offerId}/bids`).expect(200);
      assert.equal(operator.body.bids.length, 2);
      await request(t.app).get(`/api/offers/${offerId}/bids`).expect(401);
    });

    it('on an auction, bids stay sealed from the owner and the other bidders until the deadline, then show', async () => {
      const offerId = await auctionOffer(c.institute, inOneHour());
      const first = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(300)).expect(201);
      assert.equal(first.body.bid.sealed, true);
      await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(400)).expect(201);

      const ownerBefore = await c.institute.agent.get(`/api/offers/${offerId}/bids`).expect(200);
      assert.equal(ownerBefore.body.sealed, true);
      assert.equal(ownerBefore.body.bids.length, 0);
      const rivalBefore = await c.rival.agent.get(`/api/offers/${offerId}/bids`).expect(200);
      assert.deepEqual(
        rivalBefore.body.bids.map((b: { amount: number }) => b.amount),
        [400],
      );
      await c.institute.agent.post(`/api/bids/${first.body.bid.id}/shortlist`).expect(409);

      await passDeadline('offer', offerId);
      const ownerAfter = await c.institute.agent.get(`/api/offers/${offerId}/bids`).expect(200);
      assert.equal(ownerAfter.body.sealed, false);
      assert.deepEqual(ownerAfter.body.bids.map((b: { amount: number }) => b.amount).sort(), [300, 400]);
      const rivalAfter = await c.rival.agent.get(`/api/offers/${offerId}/bids`).expect(200);
      assert.deepEqual(
        rivalAfter.body.bids.map((b: { amount: number }) => b.amount),
        [400],
      );
    });

    it('when the auction’s deadline has passed, then a new bid is refused with 409', async () => {
      const offerId = await auctionOffer(c.institute, anHourAgo());
      const res = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(409);
      assert.equal(res.body.error.code, 'conflict');
    });

    it('on a call for proposals, proposals are sealed until the deadline, then the owner may shortlist them', async () => {
      const demandId = await publishedDemand(c.enterprise, {
        mode: 'call_for_proposals',
        deadline: inOneHour(),
      });
      const proposal = await c.institute.agent
        .post(`/api/demands/${demandId}/proposals`)
        .send(aBid(700))
        .expect(201);
      assert.equal(proposal.body.bid.demandId, demandId);
      assert.equal(proposal.body.bid.sealed, true);
      const before = await c.enterprise.agent.get(`/api/demands/${demandId}/proposals`).expect(200);
      assert.equal(before.body.bids.length, 0);
      await c.enterprise.agent.post(`/api/bids/${proposal.body.bid.id}/shortlist`).expect(409);

      await passDeadline('demand', demandId);
      const after = await c.enterprise.agent.get(`/api/demands/${demandId}/proposals`).expect(200);
      assert.equal(after.body.bids.length, 1);
      const shortlisted = await c.enterprise.agent
        .post(`/api/bids/${proposal.body.bid.id}/shortlist`)
        .expect(200);
      assert.equal(shortlisted.body.bid.status, 'shortlisted');
      await c.rival.agent.post(`/api/demands/${demandId}/proposals`).send(aBid(100)).expect(409);
    });

    it('GET /api/bids?mine=true lists the bids my organization placed', async () => {
      const offerId = await publishedOffer(c.institute);
      const demandId = await publishedDemand(c.rival);
      await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(1)).expect(201);
      await c.enterprise.agent.post(`/api/demands/${demandId}/proposals`).send(aBid(2)).expect(201);
      await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(3)).expect(201);
      const res = await c.enterprise.agent.get('/api/bids?mine=true').expect(200);
      assert.deepEqual(res.body.bids.map((b: { amount: number }) => b.amount).sort(), [1, 2]);
      assert.equal(
        res.body.bids.find((b: { amount: number }) => b.amount === 1).listingTitle,
        'Công nghệ xử lý nước thải bằng màng sinh học',
      );
      await c.enterprise.agent.get('/api/bids?status=nonsense').expect(400);
    });
  });

  describe('deciding on bids', () => {
    it('the owner shortlists and rejects; rejecting twice is 409; the bidder withdraws', async () => {
      const offerId = await publishedOffer(c.institute);
      const a = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(1)).expect(201);
      const b = await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(2)).expect(201);
      await c.institute.agent.post(`/api/bids/${a.body.bid.id}/shortlist`).expect(200);
      const rejected = await c.institute.agent
        .post(`/api/bids/${a.body.bid.id}/reject`)
        .send({ reason: 'price_too_high' })
        .expect(200);
      assert.equal(rejected.body.bid.status, 'rejected');
      await c.institute.agent
        .post(`/api/bids/${a.body.bid.id}/reject`)
        .send({ reason: 'price_too_high' })
        .expect(409);
      const withdrawn = await c.rival.agent.post(`/api/bids/${b.body.bid.id}/withdraw`).expect(200);
      assert.equal(withdrawn.body.bid.status, 'withdrawn');
    });

    it('a bidder cannot accept or reject its own bid (403), the owner cannot withdraw it (403), an operator cannot decide (403), an outsider gets 404', async () => {
      const offerId = await publishedOffer(c.institute);
      const a = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(1)).expect(201);
      const id = a.body.bid.id;
      await c.enterprise.agent.post(`/api/bids/${id}/accept`).expect(403);
      await c.enterprise.agent.post(`/api/bids/${id}/reject`).send({ reason: 'price_too_high' }).expect(403);
      await c.institute.agent.post(`/api/bids/${id}/withdraw`).expect(403);
      await c.admin.agent.post(`/api/bids/${id}/reject`).send({ reason: 'price_too_high' }).expect(403);
      await c.outsider.agent.post(`/api/bids/${id}/accept`).expect(404);
      await c.institute.agent.post('/api/bids/bad/accept').expect(400);
    });

    it('when the owner accepts a bid, then 201 with a deal: seller the offer owner, buyer the bidder, terms v1 from the bid', async () => {
      const offerId = await publishedOffer(c.institute);
      const a = await c.enterprise.agent
        .post(`/api/offers/${offerId}/bids`)
        .send(aBid(250_000_000))
        .expect(201);
      const res = await c.institute.agent.post(`/api/bids/${a.body.bid.id}/accept`).expect(201);
      const { deal } = res.body;
      assert.equal(deal.status, 'negotiating');
      assert.equal(deal.sellerOrgId, c.institute.orgId);
      assert.equal(deal.buyerOrgId, c.enterprise.orgId);
      assert.equal(deal.offerId, offerId);
      assert.equal(deal.bidId, a.body.bid.id);
      assert.equal(deal.termSheets.length, 1);
      assert.equal(deal.termSheets[0].version, 1);
      assert.equal(deal.termSheets[0].price, 250_000_000);
      assert.equal(deal.termSheets[0].proposedByRole, 'buyer');
      assert.deepEqual(
        deal.timeline.map((e: { event: string }) => e.event),
        ['created'],
      );
      const bids = await c.enterprise.agent.get('/api/bids?mine=true').expect(200);
      assert.equal(bids.body.bids[0].status, 'accepted');
      assert.equal(bids.body.bids[0].dealId, deal.id);
      await c.institute.agent.post(`/api/bids/${a.body.bid.id}/accept`).expect(409);
    });

    it('when an accepted bid never got its deal (the server stopped in between), then accepting it again opens the deal once', async () => {
      const offerId = await publishedOffer(c.institute);
      const a = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(100)).expect(201);
      await BidModel.updateOne({ _id: a.body.bid.id }, { $set: { status: 'accepted' } });
      const res = await c.institute.agent.post(`/api/bids/${a.body.bid.id}/accept`).expect(201);
      assert.equal(res.body.deal.bidId, a.body.bid.id);
      await c.institute.agent.post(`/api/bids/${a.body.bid.id}/accept`).expect(409);
      assert.equal(await DealModel.countDocuments({ offerId }), 1);
    });

    it('when a demand’s owner accepts a proposal, then the proposer is the seller', async () => {
      const demandId = await publishedDemand(c.enterprise);
      const p = await c.institute.agent
        .post(`/api/demands/${demandId}/proposals`)
        .send(aBid(5_000_000))
        .expect(201);
      const res = await c.enterprise.agent.post(`/api/bids/${p.body.bid.id}/accept`).expect(201);
      assert.equal(res.body.deal.sellerOrgId, c.institute.orgId);
      assert.equal(res.body.deal.buyerOrgId, c.enterprise.orgId);
      assert.equal(res.body.deal.demandId, demandId);
      assert.equal(res.body.deal.termSheets[0].proposedByRole, 'seller');
    });

    it('when the owner accepts two bids on an exclusive licence at once, then one deal is made and the other accept is refused', async () => {
      const offerId = await publishedOffer(c.institute);
      const exclusive = { transferMode: 'license_exclusive' };
      const a = await c.enterprise.agent
        .post(`/api/offers/${offerId}/bids`)
        .send(aBid(100, exclusive))
        .expect(201);
      const b = await c.rival.agent
        .post(`/api/offers/${offerId}/bids`)
        .send(aBid(200, exclusive))
        .expect(201);
      const results = await Promise.all([
        c.institute.agent.post(`/api/bids/${a.body.bid.id}/accept`),
        c.institute.agent.post(`/api/bids/${b.body.bid.id}/accept`),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409]);
      assert.equal(await DealModel.countDocuments({ offerId }), 1);
      const bids = await c.institute.agent.get(`/api/offers/${offerId}/bids`).expect(200);
      assert.deepEqual(bids.body.bids.map((x: { status: string }) => x.status).sort(), [
        'accepted',
        'submitted',
      ]);
      await c.outsider.agent.post(`/api/offers/${offerId}/bids`).send(aBid(300)).expect(409);
    });

    it('when the offer is sold at a fixed price, then a second accept is refused even for a non-exclusive bid', async () => {
      const offerId = await publishedOffer(c.institute, {
        pricing: { model: 'fixed', amount: 100, currency: 'VND' },
      });
      const a = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(100)).expect(201);
      const b = await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(100)).expect(201);
      const results = await Promise.all([
        c.institute.agent.post(`/api/bids/${a.body.bid.id}/accept`),
        c.institute.agent.post(`/api/bids/${b.body.bid.id}/accept`),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409]);
      assert.equal(await DealModel.countDocuments({ offerId }), 1);
    });

    it('when non-exclusive licences are granted on a negotiable offer, then each accepted bid gets its own deal', async () => {
      const offerId = await publishedOffer(c.institute);
      const a = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(100)).expect(201);
      const b = await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(200)).expect(201);
      await c.institute.agent.post(`/api/bids/${a.body.bid.id}/accept`).expect(201);
      await c.institute.agent.post(`/api/bids/${b.body.bid.id}/accept`).expect(201);
      assert.equal(await DealModel.countDocuments({ offerId }), 2);
    });
  });
});
