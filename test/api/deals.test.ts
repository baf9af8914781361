import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signUp } from '../helpers/factories';
import { DealModel } from '../../server/deals/deal.model';
import { aBid, brokerAgreed, cast, publishedDemand, publishedOffer, terms, type Cast } from './deals-helpers';

describe('deals and term sheets', () => {
  let t: TestApp;
  let c: Cast;
  let events: { dealId: string; event: string; payload: any }[];
  before(async () => {
    t = await createTestApp();
    t.ctx.bus.subscribe('deal.event', (e) => events.push(e));
  });
  beforeEach(async () => {
    await resetDatabase();
    events = [];
    c = await cast(t.app);
  });

  /** A deal on the institute's offer, opened from the enterprise's bid (term sheet v1 = the bid). */
  async function dealFromBid(amount = 300_000_000): Promise<string> {
    const offerId = await publishedOffer(c.institute);
    const bid = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(amount)).expect(201);
    const res = await c.institute.agent.post(`/api/bids/${bid.body.bid.id}/accept`).expect(201);
    return res.body.deal.id;
  }

  const settle = () => new Promise((resolve) => setImmediate(resolve));

  describe('opening a negotiation directly', () => {
    it('when an enterprise opens a deal on an offer, then 201 negotiating with the enterprise as buyer and no terms yet', async () => {
      const offerId = await publishedOffer(c.institute);
      const res = await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
      assert.equal(res.body.deal.status, 'negotiating');
      assert.equal(res.body.deal.sellerOrgId, c.institute.orgId);
      assert.equal(res.body.deal.buyerOrgId, c.enterprise.orgId);
      assert.equal(res.body.deal.myRole, 'buyer');
      assert.equal(res.body.deal.seller.name, 'Viện Công nghệ Môi trường');
      assert.deepEqual(res.body.deal.termSheets, []);
      assert.equal(res.body.deal.timeline[0].event, 'created');
      await settle();
      assert.ok(events.some((e) => e.event === 'deal:created' && e.dealId === res.body.deal.id));
    });

    it('when an institute answers a demand directly, then it is the seller', async () => {
      const demandId = await publishedDemand(c.enterprise);
      const res = await c.institute.agent.post('/api/deals').send({ demandId }).expect(201);
      assert.equal(res.body.deal.sellerOrgId, c.institute.orgId);
      assert.equal(res.body.deal.buyerOrgId, c.enterprise.orgId);
    });

    it('when the request names both or neither listing, then 400; own listing 403; unverified 403; a second open deal 409', async () => {
      const offerId = await publishedOffer(c.institute);
      const demandId = await publishedDemand(c.rival);
      await c.enterprise.agent.post('/api/deals').send({ offerId, demandId }).expect(400);
      await c.enterprise.agent.post('/api/deals').send({}).expect(400);
      await c.enterprise.agent.post('/api/deals').send({ offerId: 'x' }).expect(400);
      await c.institute.agent.post('/api/deals').send({ offerId }).expect(403);
      const unverified = await signUp(t.app, { verified: false });
      await unverified.agent.post('/api/deals').send({ offerId }).expect(403);
      await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
      await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(409);
      const draftId = await publishedOffer(c.institute, { status: 'draft' });
      await c.enterprise.agent.post('/api/deals').send({ offerId: draftId }).expect(404);
    });
  });

  describe('who sees a deal', () => {
    it('parties and operators see it; an outsider gets 404 on the deal, its terms, timeline and contract', async () => {
      const dealId = await dealFromBid();
      await c.institute.agent.get(`/api/deals/${dealId}`).expect(200);
      await c.enterprise.agent.get(`/api/deals/${dealId}`).expect(200);
      const op = await c.admin.agent.get(`/api/deals/${dealId}`).expect(200);
      assert.equal(op.body.deal.myRole, 'admin');
      for (const path of ['', '/terms', '/timeline', '/contract', '/documents']) {
        await c.outsider.agent.get(`/api/deals/${dealId}${path}`).expect(404);
      }
      await c.outsider.agent.post(`/api/deals/${dealId}/terms`).send(terms(1)).expect(404);
      await c.outsider.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(404);
      await c.outsider.agent.post(`/api/deals/${dealId}/cancel`).send({ reason: 'x' }).expect(404);
      await request(t.app).get(`/api/deals/${dealId}`).expect(401);
      await c.enterprise.agent.get('/api/deals/0123456789abcdef01234567').expect(404);
      await c.enterprise.agent.get('/api/deals/nope').expect(400);
    });

    it('GET /api/deals lists my organization’s deals, filters by status, and operators see all', async () => {
      const dealId = await dealFromBid();
      const demandId = await publishedDemand(c.rival);
      await c.institute.agent.post('/api/deals').send({ demandId }).expect(201);
      const mine = await c.institute.agent.get('/api/deals').expect(200);
      assert.equal(mine.body.total, 2);
      const ent = await c.enterprise.agent.get('/api/deals').expect(200);
      assert.deepEqual(
        ent.body.deals.map((d: { id: string }) => d.id),
        [dealId],
      );
      assert.equal((await c.outsider.agent.get('/api/deals').expect(200)).body.total, 0);
      assert.equal((await c.admin.agent.get('/api/deals').expect(200)).body.total, 2);
      assert.equal((await c.institute.agent.get('/api/deals?status=cancelled').expect(200)).body.total, 0);
      await c.institute.agent.get('/api/deals?status=bogus').expect(400);
    });
  });

  describe('term sheets', () => {
    it('when both parties accept version 2, then the deal is agreed on it and then awaits payment; the timeline records each step', async () => {
      const dealId = await dealFromBid();
      const v2 = await c.institute.agent
        .post(`/api/deals/${dealId}/terms`)
        .send(terms(350_000_000, { royaltyPct: 2.5 }))
        .expect(201);
      assert.equal(v2.body.termSheet.version, 2);
      assert.equal(v2.body.termSheet.proposedByRole, 'seller');
      await c.institute.agent.post(`/api/deals/${dealId}/terms/2/accept`).expect(200);
      const agreed = await c.enterprise.agent.post(`/api/deals/${dealId}/terms/2/accept`).expect(200);
      assert.equal(agreed.body.deal.status, 'awaiting_payment');
      assert.equal(agreed.body.deal.agreedVersion, 2);
      const events_ = agreed.body.deal.timeline.map((e: { event: string }) => e.event);
      assert.deepEqual(events_, [
        'created',
        'terms_proposed',
        'terms_accepted',
        'terms_accepted',
        'agree',
        'request_payment',
      ]);
      const list = await c.enterprise.agent.get(`/api/deals/${dealId}/terms`).expect(200);
      assert.deepEqual(
        list.body.termSheets.map((s: { version: number }) => s.version),
        [1, 2],
      );
      assert.equal(list.body.agreedVersion, 2);
      await c.enterprise.agent.post(`/api/deals/${dealId}/terms`).send(terms(1)).expect(409);
      await settle();
      const names = events.filter((e) => e.dealId === dealId).map((e) => e.event);
      assert.ok(names.includes('terms:proposed'));
      assert.deepEqual(
        events.filter((e) => e.event === 'terms:accepted').map((e) => e.payload.agreed),
        [false, true],
      );
      assert.deepEqual(
        events.filter((e) => e.event === 'deal:status').map((e) => e.payload.status),
        ['agreed', 'awaiting_payment'],
      );
    });

    it('when a newer version exists, then accepting the older one is refused with 409 and earlier acceptances no longer count', async () => {
      const dealId = await dealFromBid();
      await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
      await c.enterprise.agent.post(`/api/deals/${dealId}/terms`).send(terms(280_000_000)).expect(201);
      const stale = await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(409);
      assert.equal(stale.body.error.code, 'conflict');
      const deal = await c.enterprise.agent.post(`/api/deals/${dealId}/terms/2/accept`).expect(200);
      assert.equal(deal.body.deal.status, 'negotiating');
      await c.enterprise.agent.post(`/api/deals/${dealId}/terms/9/accept`).expect(404);
      await c.enterprise.agent.post(`/api/deals/${dealId}/terms/0/accept`).expect(400);
    });

    it('when both parties accept at the same moment, then the deal is agreed once', async () => {
      const dealId = await dealFromBid();
      const results = await Promise.all([
        c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`),
        c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        [200, 200],
      );
      const { deal } = (await c.admin.agent.get(`/api/deals/${dealId}`).expect(200)).body;
      assert.equal(deal.status, 'awaiting_payment');
      assert.equal(deal.agreedVersion, 1);
      const count = (event: string) =>
        deal.timeline.filter((e: { event: string }) => e.event === event).length;
      assert.deepEqual([count('terms_accepted'), count('agree'), count('request_payment')], [2, 1, 1]);
    });

    it('accepting the same version twice changes nothing', async () => {
      const dealId = await dealFromBid();
      await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
      const again = await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
      assert.equal(again.body.deal.termSheets[0].acceptedBy.length, 1);
    });

    it('a broker proposes terms on behalf of neither party but cannot accept them (403)', async () => {
      const dealId = await dealFromBid();
      await brokerAgreed(c, dealId);
      const seen = await c.broker.agent.get(`/api/deals/${dealId}`).expect(200);
      assert.equal(seen.body.deal.myRole, 'broker');
      const proposed = await c.broker.agent
        .post(`/api/deals/${dealId}/terms`)
        .send(terms(320_000_000))
        .expect(201);
      assert.equal(proposed.body.termSheet.proposedByRole, 'broker');
      const refused = await c.broker.agent.post(`/api/deals/${dealId}/terms/2/accept`).expect(403);
      assert.equal(refused.body.error.code, 'forbidden');
      await c.broker.agent.get(`/api/deals/${dealId}/timeline`).expect(200);
      const brokered = await c.broker.agent.get('/api/deals').expect(200);
      assert.equal(brokered.body.total, 1);
    });

    it('an operator may read but not propose or accept terms', async () => {
      const dealId = await dealFromBid();
      await c.admin.agent.post(`/api/deals/${dealId}/terms`).send(terms(1)).expect(403);
      await c.admin.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(403);
    });

    it('when the terms are invalid, then 400 names each field and no version is added', async () => {
      const dealId = await dealFromBid();
      const res = await c.institute.agent
        .post(`/api/deals/${dealId}/terms`)
        .send({ price: 1.5, currency: 'EUR', royaltyPct: 120, milestones: [{ amount: -1 }] })
        .expect(400);
      const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
      assert.deepEqual(fields, [
        'currency',
        'exclusivity',
        'milestones.0.amount',
        'milestones.0.title',
        'price',
        'royaltyPct',
      ]);
      const list = await c.institute.agent.get(`/api/deals/${dealId}/terms`).expect(200);
      assert.equal(list.body.termSheets.length, 1);
    });

    it('when both parties propose at once, then the versions are numbered without gaps or duplicates', async () => {
      const dealId = await dealFromBid();
      const results = await Promise.all([
        c.institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(1)),
        c.enterprise.agent.post(`/api/deals/${dealId}/terms`).send(terms(2)),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        [201, 201],
      );
      assert.deepEqual(results.map((r) => r.body.termSheet.version).sort(), [2, 3]);
    });
  });

  describe('the contract draft', () => {
    it('before agreement it is 409; after, a printable HTML in Vietnamese or English with the values escaped', async () => {
      const offerId = await publishedOffer(c.institute, { title: 'Màng lọc <script>alert(1)</script> & co' });
      const bid = await c.enterprise.agent
        .post(`/api/offers/${offerId}/bids`)
        .send(aBid(300_000_000))
        .expect(201);
      const dealId = (await c.institute.agent.post(`/api/bids/${bid.body.bid.id}/accept`).expect(201)).body
        .deal.id;
      await c.enterprise.agent.get(`/api/deals/${dealId}/contract`).expect(409);
      await c.enterprise.agent
        .post(`/api/deals/${dealId}/terms`)
        .send(
          terms(350_000_000, {
            territory: 'Miền Bắc "<b>"',
            milestones: [{ title: 'Đào tạo', dueDate: '2027-03-01', amount: 50_000_000 }],
          }),
        )
        .expect(201);
      await c.institute.agent.post(`/api/deals/${dealId}/terms/2/accept`).expect(200);
      await c.enterprise.agent.post(`/api/deals/${dealId}/terms/2/accept`).expect(200);
      const vi = await c.enterprise.agent.get(`/api/deals/${dealId}/contract?lang=vi`).expect(200);
      assert.match(String(vi.headers['content-type']), /^text\/html/);
      assert.match(vi.text, /HỢP ĐỒNG CHUYỂN GIAO CÔNG NGHỆ/);
      assert.match(vi.text, /Viện Công nghệ Môi trường/);
      assert.match(vi.text, /Công ty Nước Sạch Hà Nội/);
      assert.match(vi.text, /350\.000\.000\s₫/);
      // The schedule adds up to the price: 50,000,000 in a milestone, the other 300,000,000 on signing.
      assert.match(
        vi.text,
        /Phần còn lại của giá, thanh toán khi ký hợp đồng<\/td><td><\/td><td>300\.000\.000\s₫/,
      );
      assert.match(vi.text, /Màng lọc &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; co/);
      assert.match(vi.text, /Miền Bắc &quot;&lt;b&gt;&quot;/);
      assert.doesNotMatch(vi.text, /<script>/);
      const en = await c.institute.agent.get(`/api/deals/${dealId}/contract?lang=en`).expect(200);
      assert.match(en.text, /TECHNOLOGY TRANSFER CONTRACT/);
      assert.match(en.text, /Non-exclusive licence/);
      assert.match(en.text, /₫350,000,000|VND\s?350,000,000/);
      await c.institute.agent.get(`/api/deals/${dealId}/contract?lang=fr`).expect(400);
    });
  });

  describe('cancelling and walking away', () => {
    it('a party cancels with a reason; without one 400; a broker may not (403); twice 409', async () => {
      const dealId = await dealFromBid();
      await brokerAgreed(c, dealId);
      await c.enterprise.agent.post(`/api/deals/${dealId}/cancel`).send({}).expect(400);
      await c.enterprise.agent.post(`/api/deals/${dealId}/cancel`).send({ reason: '   ' }).expect(400);
      await c.broker.agent.post(`/api/deals/${dealId}/cancel`).send({ reason: 'x' }).expect(403);
      const res = await c.enterprise.agent
        .post(`/api/deals/${dealId}/cancel`)
        .send({ reason: 'Ngân sách thay đổi' })
        .expect(200);
      assert.equal(res.body.deal.status, 'cancelled');
      assert.equal(res.body.deal.cancelReason, 'Ngân sách thay đổi');
      const last = res.body.deal.timeline.at(-1);
      assert.equal(last.event, 'cancel');
      assert.equal(last.actorId, c.enterprise.user.id);
      assert.equal(last.from, 'negotiating');
      await c.institute.agent.post(`/api/deals/${dealId}/cancel`).send({ reason: 'again' }).expect(409);
    });

    it('an operator may cancel; a party may walk away while negotiating, not after', async () => {
      const first = await dealFromBid();
      const op = await c.admin.agent
        .post(`/api/deals/${first}/cancel`)
        .send({ reason: 'Vi phạm quy chế' })
        .expect(200);
      assert.equal(op.body.deal.status, 'cancelled');
      const offerId = await publishedOffer(c.institute);
      const second = (await c.rival.agent.post('/api/deals').send({ offerId }).expect(201)).body.deal.id;
      await c.admin.agent
        .post(`/api/deals/${second}/walk-away`)
        .send({ reason: 'terms', note: 'Không thống nhất điều khoản' })
        .expect(403);
      const walked = await c.rival.agent
        .post(`/api/deals/${second}/walk-away`)
        .send({ reason: 'terms', note: 'Không thống nhất điều khoản' })
        .expect(200);
      assert.equal(walked.body.deal.status, 'closed_lost');
      await c.rival.agent
        .post(`/api/deals/${second}/walk-away`)
        .send({ reason: 'terms', note: 'Không thống nhất điều khoản' })
        .expect(409);
    });

    it('when the deal holding an exclusive award is cancelled, then the offer can be awarded again', async () => {
      const offerId = await publishedOffer(c.institute);
      const exclusive = { transferMode: 'license_exclusive' };
      const a = await c.enterprise.agent
        .post(`/api/offers/${offerId}/bids`)
        .send(aBid(100, exclusive))
        .expect(201);
      const b = await c.rival.agent.post(`/api/offers/${offerId}/bids`).send(aBid(90, exclusive)).expect(201);
      const deal = await c.institute.agent.post(`/api/bids/${a.body.bid.id}/accept`).expect(201);
      await c.institute.agent.post(`/api/bids/${b.body.bid.id}/accept`).expect(409);
      await c.institute.agent
        .post(`/api/deals/${deal.body.deal.id}/cancel`)
        .send({ reason: 'Không thống nhất' })
        .expect(200);
      await c.institute.agent.post(`/api/bids/${b.body.bid.id}/accept`).expect(201);
    });
  });

  describe('brokers', () => {
    it('a party or an operator assigns a broker; a user without the broker role is refused with 400; outsiders 404', async () => {
      const dealId = await dealFromBid();
      const res = await c.enterprise.agent
        .post(`/api/deals/${dealId}/broker`)
        .send({ userId: c.outsider.user.id })
        .expect(400);
      assert.equal(res.body.error.details[0].field, 'userId');
      await c.enterprise.agent
        .post(`/api/deals/${dealId}/broker`)
        .send({ userId: '0123456789abcdef01234567' })
        .expect(400);
      await c.enterprise.agent.post(`/api/deals/${dealId}/broker`).send({}).expect(400);
      await c.outsider.agent
        .post(`/api/deals/${dealId}/broker`)
        .send({ userId: c.broker.user.id })
        .expect(404);
      const assigned = await c.admin.agent
        .post(`/api/deals/${dealId}/broker`)
        .send({ userId: c.broker.user.id })
        .expect(200);
      assert.equal(assigned.body.deal.brokerUserId, c.broker.user.id);
      assert.equal(assigned.body.deal.broker.id, c.broker.user.id);
      await settle();
      assert.ok(
        events.some((e) => e.event === 'broker:assigned' && e.payload.brokerUserId === c.broker.user.id),
      );
    });

    it('a broker one party names takes no part until the other party names them too; the proposer may withdraw', async () => {
      const dealId = await dealFromBid();
      const proposed = await c.institute.agent
        .post(`/api/deals/${dealId}/broker`)
        .send({ userId: c.broker.user.id })
        .expect(200);
      assert.equal(proposed.body.deal.brokerUserId, undefined);
      assert.equal(proposed.body.deal.broker, null);
      assert.deepEqual(
        [proposed.body.deal.brokerProposal.userId, proposed.body.deal.brokerProposal.role],
        [c.broker.user.id, 'seller'],
      );
      assert.ok(proposed.body.deal.brokerProposal.name);
      await c.broker.agent.get(`/api/deals/${dealId}`).expect(404);
      await c.broker.agent.post(`/api/deals/${dealId}/terms`).send(terms(320_000_000)).expect(404);
      // Naming the same broker again is not the other party's agreement.
      const stored = (await DealModel.findById(dealId).lean())!;
      await c.institute.agent
        .post(`/api/deals/${dealId}/broker`)
        .send({ userId: c.broker.user.id })
        .expect(200);
      const unchanged = (await DealModel.findById(dealId).lean())!;
      assert.equal(unchanged.timeline.length, stored.timeline.length);
      assert.equal(unchanged.brokerUserId, undefined);
      await settle();
      assert.ok(events.some((e) => e.event === 'broker:proposed' && e.payload.role === 'seller'));
      assert.ok(!events.some((e) => e.event === 'broker:assigned'));

      // The proposer takes it back; proposed again, the other party agrees.
      const withdrawn = await c.institute.agent.delete(`/api/deals/${dealId}/broker`).expect(200);
      assert.equal(withdrawn.body.deal.brokerProposal, undefined);
      await c.institute.agent
        .post(`/api/deals/${dealId}/broker`)
        .send({ userId: c.broker.user.id })
        .expect(200);
      const agreed = await c.enterprise.agent
        .post(`/api/deals/${dealId}/broker`)
        .send({ userId: c.broker.user.id })
        .expect(200);
      assert.equal(agreed.body.deal.brokerUserId, c.broker.user.id);
      assert.equal(agreed.body.deal.brokerProposal, undefined);
      assert.deepEqual(
        [...agreed.body.deal.brokerConsents].sort(),
        [c.institute.orgId, c.enterprise.orgId].sort(),
      );
      const seen = await c.broker.agent.get(`/api/deals/${dealId}`).expect(200);
      assert.equal(seen.body.deal.myRole, 'broker');
      await settle();
      assert.ok(events.some((e) => e.event === 'broker:assigned'));
    });

    it('a party sees the brokers it may choose; the broker itself and outsiders may not ask', async () => {
      const dealId = await dealFromBid();
      const res = await c.institute.agent.get(`/api/deals/${dealId}/broker-candidates`).expect(200);
      assert.deepEqual(
        res.body.brokers.map((b: { id: string; organization: { name: string } }) => [
          b.id,
          b.organization.name,
        ]),
        [[c.broker.user.id, 'Trung tâm Môi giới Công nghệ']],
      );
      await c.admin.agent.get(`/api/deals/${dealId}/broker-candidates`).expect(200);
      await c.outsider.agent.get(`/api/deals/${dealId}/broker-candidates`).expect(404);
      await brokerAgreed(c, dealId);
      await c.broker.agent.get(`/api/deals/${dealId}/broker-candidates`).expect(403);
    });

    it('a deal’s broker can be proposed or assigned at most 20 times (409 after), so the timeline cannot grow without end', async () => {
      const dealId = await dealFromBid();
      for (let i = 0; i < 20; i++) {
        await c.institute.agent
          .post(`/api/deals/${dealId}/broker`)
          .send({ userId: c.broker.user.id })
          .expect(200);
        await c.institute.agent.delete(`/api/deals/${dealId}/broker`).expect(200);
      }
      const before = await DealModel.findById(dealId).lean();
      const refused = await c.institute.agent
        .post(`/api/deals/${dealId}/broker`)
        .send({ userId: c.broker.user.id })
        .expect(409);
      assert.match(refused.body.error.message, /at most 20 times/);
      const after = await DealModel.findById(dealId).lean();
      assert.equal(after!.timeline.length, before!.timeline.length);
      assert.equal(after!.brokerUserId, undefined);
    });

    it('the broker cannot remove itself (403); a party removes it, after which the broker no longer sees the deal', async () => {
      const dealId = await dealFromBid();
      await brokerAgreed(c, dealId);
      await c.broker.agent.delete(`/api/deals/${dealId}/broker`).expect(403);
      const removed = await c.institute.agent.delete(`/api/deals/${dealId}/broker`).expect(200);
      assert.equal(removed.body.deal.brokerUserId, undefined);
      await c.broker.agent.get(`/api/deals/${dealId}`).expect(404);
      await c.institute.agent.delete(`/api/deals/${dealId}/broker`).expect(409);
      await settle();
      assert.ok(events.some((e) => e.event === 'broker:removed'));
    });
  });

  it('the deal is stored once per bid even when its creation is retried', async () => {
    const dealId = await dealFromBid();
    const deal = await DealModel.findById(dealId).lean();
    await assert.rejects(DealModel.create({ ...deal, _id: undefined }), /E11000|duplicate/);
  });
});
