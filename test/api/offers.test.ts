import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { OfferModel } from '../../server/offers/offer.model';
import { anonymous, draft, fieldsOf, inDays, offerBody, published, submitted } from './offers-helpers';

describe('technology offers', () => {
  let t: TestApp;
  let seller: Member;
  let admin: Member;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    seller = await signUp(t.app, { kind: 'institute', orgName: 'Viện Công nghệ Môi trường' });
    admin = await signInAdmin(t.app);
  });

  describe('drafting', () => {
    it('when a member of an unverified organization drafts an offer, then it is stored as a draft of their organization', async () => {
      const member = await signUp(t.app, { kind: 'university', verified: false });
      const res = await member.agent.post('/api/offers').send(offerBody()).expect(201);
      const offer = res.body.offer;
      assert.equal(offer.kind, 'offer');
      assert.equal(offer.status, 'draft');
      assert.deepEqual(offer.organization, {
        id: member.orgId,
        name: member.user.organization!.name,
        kind: 'university',
        verified: false,
      });
      assert.equal(offer.title, offerBody().title);
      assert.deepEqual(offer.pricing, { model: 'fixed', amount: 1_850_000_000, currency: 'VND' });
      assert.equal(offer.subField, 'environmental_engineering');
      assert.deepEqual(offer.attachments, []);
      assert.ok(offer.createdAt && offer.updatedAt);
      assert.equal(offer.publishedAt, undefined);
    });

    it('when someone who is not signed in drafts an offer, then 401', async () => {
      const res = await anonymous(t.app).post('/api/offers').send(offerBody()).expect(401);
      assert.equal(res.body.error.code, 'unauthenticated');
    });

    it('when a user without an active membership drafts an offer, then 403', async () => {
      await admin.agent.post('/api/offers').send(offerBody()).expect(403);
    });

    it('when the values are bad, then 400 names every bad field and nothing is stored', async () => {
      const res = await seller.agent
        .post('/api/offers')
        .send({
          title: 'x',
          field: 'alchemy',
          trl: 12,
          ipStatus: 'secret sauce',
          transferModes: ['rent'],
          province: 'atlantis',
          pricing: { model: 'barter', amount: -5, currency: 'EUR' },
        })
        .expect(400);
      assert.equal(res.body.error.code, 'validation_failed');
      const fields = fieldsOf(res);
      for (const f of [
        'title',
        'field',
        'trl',
        'ipStatus',
        'transferModes.0',
        'province',
        'pricing.model',
        'pricing.amount',
        'pricing.currency',
      ]) {
        assert.ok(fields.includes(f), `${f} in ${fields}`);
      }
      assert.equal(await OfferModel.countDocuments({}), 0);
    });

    it('when required fields are missing, then 400 names them', async () => {
      const res = await seller.agent.post('/api/offers').send({ summary: 'only a summary' }).expect(400);
      const fields = fieldsOf(res);
      for (const f of ['title', 'field', 'trl']) assert.ok(fields.includes(f), `${f} in ${fields}`);
    });

    it('when amounts are not whole positive numbers of minor units, then 400 names them', async () => {
      const res = await seller.agent
        .post('/api/offers')
        .send(offerBody({ pricing: { model: 'fixed', amount: 1500.5, currency: 'USD' } }))
        .expect(400);
      assert.deepEqual(fieldsOf(res), ['pricing.amount']);
      const zero = await seller.agent
        .post('/api/offers')
        .send(offerBody({ pricing: { model: 'fixed', amount: 0, currency: 'USD' } }))
        .expect(400);
      assert.deepEqual(fieldsOf(zero), ['pricing.amount']);
    });

    it('when the sub-field belongs to another field, then 400 names subField and nothing is stored', async () => {
      const res = await seller.agent
        .post('/api/offers')
        .send(offerBody({ subField: 'crop_science' }))
        .expect(400);
      assert.deepEqual(fieldsOf(res), ['subField']);
      assert.equal(await OfferModel.countDocuments({}), 0);
    });

    it('when a fixed price has no amount, then 400 names pricing.amount', async () => {
      const res = await seller.agent
        .post('/api/offers')
        .send(offerBody({ pricing: { model: 'fixed', currency: 'VND' } }))
        .expect(400);
      assert.deepEqual(fieldsOf(res), ['pricing.amount']);
    });

    it('when an auction lacks its reserve price and closes in the past, then 400 names both', async () => {
      const res = await seller.agent
        .post('/api/offers')
        .send(
          offerBody({
            pricing: { model: 'auction', amount: 1_000_000_000, currency: 'VND', closesAt: inDays(-1) },
          }),
        )
        .expect(400);
      assert.deepEqual(fieldsOf(res).sort(), ['pricing.closesAt', 'pricing.reservePrice']);
      assert.equal(await OfferModel.countDocuments({}), 0);
    });

    it('when a price that is not an auction has a reserve price or closing time, then 400 names them', async () => {
      const res = await seller.agent
        .post('/api/offers')
        .send(
          offerBody({
            pricing: { model: 'negotiable', currency: 'VND', reservePrice: 5, closesAt: inDays(3) },
          }),
        )
        .expect(400);
      assert.deepEqual(fieldsOf(res).sort(), ['pricing.closesAt', 'pricing.reservePrice']);
    });

    it('when someone sends status or organization, then they are ignored', async () => {
      const other = await signUp(t.app);
      const offer = await draft(
        seller,
        'offers',
        offerBody({ status: 'published', organizationId: other.orgId, rev: 99 }),
      );
      assert.equal(offer.status, 'draft');
      assert.equal(offer.organization.id, seller.orgId);
    });
  });

  describe('who sees what', () => {
    it('when another organization asks for a draft, then 404 for reading, editing, withdrawing and submitting', async () => {
      const offer = await draft(seller, 'offers', offerBody());
      const other = await signUp(t.app);
      await other.agent.get(`/api/offers/${offer.id}`).expect(404);
      await anonymous(t.app).get(`/api/offers/${offer.id}`).expect(404);
      await other.agent
        .patch(`/api/offers/${offer.id}`)
        .send({ title: 'Tiêu đề của người khác' })
        .expect(404);
      await other.agent.delete(`/api/offers/${offer.id}`).expect(404);
      await other.agent.post(`/api/offers/${offer.id}/submit`).expect(404);
      assert.equal((await OfferModel.findById(offer.id).lean())!.title, offerBody().title);
    });

    it('when an offer awaits review, then only its organization and operators see it', async () => {
      const offer = await submitted(seller, 'offers', offerBody());
      await (await signUp(t.app)).agent.get(`/api/offers/${offer.id}`).expect(404);
      const own = await seller.agent.get(`/api/offers/${offer.id}`).expect(200);
      assert.equal(own.body.offer.status, 'pending_review');
      await admin.agent.get(`/api/offers/${offer.id}`).expect(200);
    });

    it('when an offer is published, then anyone may read it, but editing it is refused to another organization', async () => {
      const offer = await published(seller, admin, 'offers', offerBody());
      const res = await anonymous(t.app).get(`/api/offers/${offer.id}`).expect(200);
      assert.equal(res.body.offer.status, 'published');
      const other = await signUp(t.app);
      await other.agent
        .patch(`/api/offers/${offer.id}`)
        .send({ title: 'Tiêu đề của người khác' })
        .expect(403);
      await other.agent.delete(`/api/offers/${offer.id}`).expect(403);
      await other.agent.post(`/api/offers/${offer.id}/close`).expect(403);
    });

    it('when an auction is read, then its reserve price is shown to its owner and operators only', async () => {
      const auction = offerBody({
        pricing: {
          model: 'auction',
          amount: 1_000_000_000,
          reservePrice: 1_500_000_000,
          currency: 'VND',
          closesAt: inDays(7),
        },
      });
      const offer = await published(seller, admin, 'offers', auction);
      const own = await seller.agent.get(`/api/offers/${offer.id}`).expect(200);
      assert.equal(own.body.offer.pricing.reservePrice, 1_500_000_000);
      const operator = await admin.agent.get(`/api/offers/${offer.id}`).expect(200);
      assert.equal(operator.body.offer.pricing.reservePrice, 1_500_000_000);
      const buyer = await (await signUp(t.app)).agent.get(`/api/offers/${offer.id}`).expect(200);
      assert.equal(buyer.body.offer.pricing.reservePrice, undefined);
      assert.equal(buyer.body.offer.pricing.amount, 1_000_000_000);
      assert.ok(buyer.body.offer.pricing.closesAt);
      const listed = await anonymous(t.app).get('/api/offers').expect(200);
      assert.equal(JSON.stringify(listed.body).includes('1500000000'), false);
    });

    it('when the id is not an id, then 400 names it; when it is unknown, then 404', async () => {
      const bad = await anonymous(t.app).get('/api/offers/not-an-id').expect(400);
      assert.deepEqual([...new Set(fieldsOf(bad))], ['id']);
      await anonymous(t.app).get('/api/offers/0123456789abcdef01234567').expect(404);
    });
  });

  describe('editing', () => {
    it('when the owner edits a draft, then the changes are stored and the rest stays', async () => {
      const offer = await draft(seller, 'offers', offerBody());
      const res = await seller.agent
        .patch(`/api/offers/${offer.id}`)
        .send({ title: 'Công nghệ MBR cải tiến cho nước thải thủy sản', trl: 9, subField: null })
        .expect(200);
      assert.equal(res.body.offer.title, 'Công nghệ MBR cải tiến cho nước thải thủy sản');
      assert.equal(res.body.offer.trl, 9);
      assert.equal(res.body.offer.subField, null);
      assert.equal(res.body.offer.summary, offerBody().summary);
      assert.equal(res.body.offer.status, 'draft');
    });

    it('when an edit breaks a rule between fields, then 400 and nothing changes', async () => {
      const offer = await draft(seller, 'offers', offerBody());
      const res = await seller.agent
        .patch(`/api/offers/${offer.id}`)
        .send({ field: 'medical_health', title: 'Đổi tiêu đề' })
        .expect(400);
      assert.deepEqual(fieldsOf(res), ['subField']);
      const stored = await OfferModel.findById(offer.id).lean();
      assert.equal(stored!.field, 'engineering_technology');
      assert.equal(stored!.title, offerBody().title);
    });

    it('when the owner changes an auction into a fixed price, then the pricing is replaced whole (no reserve price left)', async () => {
      const offer = await draft(
        seller,
        'offers',
        offerBody({
          pricing: { model: 'auction', amount: 100, reservePrice: 200, currency: 'USD', closesAt: inDays(5) },
        }),
      );
      const res = await seller.agent
        .patch(`/api/offers/${offer.id}`)
        .send({ pricing: { model: 'fixed', amount: 150_000, currency: 'USD' } })
        .expect(200);
      assert.deepEqual(res.body.offer.pricing, { model: 'fixed', amount: 150_000, currency: 'USD' });
      const stored = await OfferModel.findById(offer.id).lean();
      assert.equal(stored!.pricing!.reservePrice, undefined);
      assert.equal(stored!.pricing!.closesAt, undefined);
    });

    it('when an edit sets an auction closing in the past, then 400 names pricing.closesAt', async () => {
      const offer = await draft(seller, 'offers', offerBody());
      const res = await seller.agent
        .patch(`/api/offers/${offer.id}`)
        .send({
          pricing: {
            model: 'auction',
            amount: 100,
            reservePrice: 200,
            currency: 'USD',
            closesAt: inDays(-1),
          },
        })
        .expect(400);
      assert.deepEqual(fieldsOf(res), ['pricing.closesAt']);
    });

    it('when an edit is empty, then 400', async () => {
      const offer = await draft(seller, 'offers', offerBody());
      await seller.agent.patch(`/api/offers/${offer.id}`).send({}).expect(400);
    });

    it('when the owner edits an offer awaiting review, then it goes back to draft and leaves the queue', async () => {
      const offer = await submitted(seller, 'offers', offerBody());
      const res = await seller.agent
        .patch(`/api/offers/${offer.id}`)
        .send({ summary: 'Tóm tắt mới' })
        .expect(200);
      assert.equal(res.body.offer.status, 'draft');
      assert.equal(res.body.offer.submittedAt, undefined);
      const queue = await admin.agent.get('/api/admin/queue').expect(200);
      assert.equal(queue.body.total, 0);
    });

    it('when the owner edits a published offer, then the change awaits review and the published title stays (listing-revisions.test.ts)', async () => {
      const offer = await published(seller, admin, 'offers', offerBody());
      const res = await seller.agent
        .patch(`/api/offers/${offer.id}`)
        .send({ title: 'Tiêu đề đã sửa sau khi đăng' })
        .expect(200);
      assert.equal(res.body.offer.status, 'published');
      assert.equal(res.body.offer.title, offer.title);
      assert.deepEqual(res.body.offer.revision.fields, ['title']);
    });

    it('when an operator edits an offer, then 403', async () => {
      const offer = await draft(seller, 'offers', offerBody());
      await admin.agent.patch(`/api/offers/${offer.id}`).send({ title: 'Sửa bởi quản trị viên' }).expect(403);
    });
  });

  describe('life cycle', () => {
    it('when a verified organization submits a draft, then it awaits review with the time it was submitted', async () => {
      const offer = await draft(seller, 'offers', offerBody());
      const res = await seller.agent.post(`/api/offers/${offer.id}/submit`).expect(200);
      assert.equal(res.body.offer.status, 'pending_review');
      assert.ok(res.body.offer.submittedAt);
      await seller.agent.post(`/api/offers/${offer.id}/submit`).expect(409);
    });

    it('when an unverified organization submits, then 403 and the offer stays a draft', async () => {
      const member = await signUp(t.app, { verified: false });
      const offer = await draft(member, 'offers', offerBody());
      const res = await member.agent.post(`/api/offers/${offer.id}/submit`).expect(403);
      assert.equal(res.body.error.code, 'forbidden');
      assert.equal((await OfferModel.findById(offer.id).lean())!.status, 'draft');
    });

    it('when a draft misses what a reviewer needs, then submitting gives 400 naming it', async () => {
      const offer = await draft(seller, 'offers', {
        title: 'Một công nghệ chưa mô tả',
        field: 'engineering_technology',
        trl: 3,
      });
      const res = await seller.agent.post(`/api/offers/${offer.id}/submit`).expect(400);
      assert.deepEqual(fieldsOf(res).sort(), ['description', 'province', 'summary', 'transferModes']);
      assert.equal((await OfferModel.findById(offer.id).lean())!.status, 'draft');
    });

    it('when an operator approves, then it is published with its time and listing.published is announced', async () => {
      const announced: unknown[] = [];
      const unsubscribe = t.ctx.bus.subscribe('listing.published', (e) => announced.push(e));
      try {
        const offer = await submitted(seller, 'offers', offerBody());
        const res = await admin.agent.post(`/api/admin/offers/${offer.id}/approve`).expect(200);
        assert.equal(res.body.offer.status, 'published');
        assert.ok(res.body.offer.publishedAt);
        await new Promise((r) => setImmediate(r));
        assert.deepEqual(announced, [{ kind: 'offer', id: offer.id }]);
        await admin.agent.post(`/api/admin/offers/${offer.id}/approve`).expect(409);
      } finally {
        unsubscribe();
      }
    });

    it('when a member tries to approve, then 403', async () => {
      const offer = await submitted(seller, 'offers', offerBody());
      await seller.agent.post(`/api/admin/offers/${offer.id}/approve`).expect(403);
      assert.equal((await OfferModel.findById(offer.id).lean())!.status, 'pending_review');
    });

    it('when a draft is approved, then 409', async () => {
      const offer = await draft(seller, 'offers', offerBody());
      await admin.agent.post(`/api/admin/offers/${offer.id}/approve`).expect(409);
    });

    it('when an operator rejects with a reason, then the owner gets a draft with the reason, and can submit again', async () => {
      const offer = await submitted(seller, 'offers', offerBody());
      const res = await admin.agent
        .post(`/api/admin/offers/${offer.id}/reject`)
        .send({ reason: 'Thiếu số bằng sáng chế' })
        .expect(200);
      assert.equal(res.body.offer.status, 'draft');
      assert.equal(res.body.offer.rejectionReason, 'Thiếu số bằng sáng chế');
      const own = await seller.agent.get(`/api/offers/${offer.id}`).expect(200);
      assert.equal(own.body.offer.rejectionReason, 'Thiếu số bằng sáng chế');
      const again = await seller.agent.post(`/api/offers/${offer.id}/submit`).expect(200);
      assert.equal(again.body.offer.status, 'pending_review');
      assert.equal(again.body.offer.rejectionReason, undefined);
    });

    it('when an operator rejects without a reason, then 400 names reason', async () => {
      const offer = await submitted(seller, 'offers', offerBody());
      const res = await admin.agent.post(`/api/admin/offers/${offer.id}/reject`).send({}).expect(400);
      assert.deepEqual(fieldsOf(res), ['reason']);
      const blank = await admin.agent
        .post(`/api/admin/offers/${offer.id}/reject`)
        .send({ reason: '   ' })
        .expect(400);
      assert.deepEqual(fieldsOf(blank), ['reason']);
    });

    it('when the owner closes a published offer, then it is closed; closing a draft gives 409', async () => {
      const offer = await published(seller, admin, 'offers', offerBody());
      const res = await seller.agent.post(`/api/offers/${offer.id}/close`).expect(200);
      assert.equal(res.body.offer.status, 'closed');
      assert.ok(res.body.offer.closedAt);
      await seller.agent.post(`/api/offers/${offer.id}/close`).expect(409);
      const other = await draft(seller, 'offers', offerBody());
      await seller.agent.post(`/api/offers/${other.id}/close`).expect(409);
    });

    it('when the owner deletes a published offer, then it is withdrawn; deleting it again gives 409', async () => {
      const offer = await published(seller, admin, 'offers', offerBody());
      const res = await seller.agent.delete(`/api/offers/${offer.id}`).expect(200);
      assert.equal(res.body.offer.status, 'withdrawn');
      assert.ok(res.body.offer.withdrawnAt);
      await seller.agent.delete(`/api/offers/${offer.id}`).expect(409);
      await (await signUp(t.app)).agent.get(`/api/offers/${offer.id}`).expect(404);
      await admin.agent.get(`/api/offers/${offer.id}`).expect(200);
    });

    it('when the owner deletes a draft, then it is withdrawn too', async () => {
      const offer = await draft(seller, 'offers', offerBody());
      const res = await seller.agent.delete(`/api/offers/${offer.id}`).expect(200);
      assert.equal(res.body.offer.status, 'withdrawn');
    });

    it('when an auction closed while it awaited review, then approving gives 409', async () => {
      const offer = await submitted(
        seller,
        'offers',
        offerBody({
          pricing: { model: 'auction', amount: 10, reservePrice: 20, currency: 'USD', closesAt: inDays(1) },
        }),
      );
      await OfferModel.updateOne(
        { _id: offer.id },
        { $set: { 'pricing.closesAt': new Date(Date.now() - 1000) } },
      );
      const res = await admin.agent.post(`/api/admin/offers/${offer.id}/approve`).expect(409);
      assert.match(res.body.error.message, /closing time/);
    });

    it('then every change bumps the revision and marks the offer for the search index', async () => {
      const offer = await draft(seller, 'offers', offerBody());
      await OfferModel.updateOne({ _id: offer.id }, { $set: { searchDirty: false } });
      await seller.agent.patch(`/api/offers/${offer.id}`).send({ trl: 7 }).expect(200);
      let stored = await OfferModel.findById(offer.id).lean();
      assert.equal(stored!.rev, 2);
      assert.equal(stored!.searchDirty, true);
      await OfferModel.updateOne({ _id: offer.id }, { $set: { searchDirty: false } });
      await seller.agent.post(`/api/offers/${offer.id}/submit`).expect(200);
      stored = await OfferModel.findById(offer.id).lean();
      assert.equal(stored!.rev, 3);
      assert.equal(stored!.searchDirty, true);
    });
  });

  describe('lists', () => {
    it('when a member lists their own offers, then they see every status of their organization, filtered by status', async () => {
      await draft(seller, 'offers', offerBody({ title: 'Bản nháp thứ nhất' }));
      await submitted(seller, 'offers', offerBody({ title: 'Đang chờ duyệt' }));
      await published(seller, admin, 'offers', offerBody({ title: 'Đã được đăng' }));
      const other = await signUp(t.app);
      await draft(other, 'offers', offerBody({ title: 'Của tổ chức khác' }));

      const mine = await seller.agent.get('/api/offers?mine=true').expect(200);
      assert.equal(mine.body.total, 3);
      assert.deepEqual(
        mine.body.offers.map((o: { title: string }) => o.title).sort(),
        ['Bản nháp thứ nhất', 'Đang chờ duyệt', 'Đã được đăng'].sort(),
      );
      const drafts = await seller.agent.get('/api/offers?mine=true&status=draft').expect(200);
      assert.deepEqual(
        drafts.body.offers.map((o: { title: string }) => o.title),
        ['Bản nháp thứ nhất'],
      );
      assert.equal(drafts.body.page, 1);
      assert.equal(drafts.body.limit, 20);
    });

    it('when anyone lists offers, then only published ones come, newest first, in pages', async () => {
      await draft(seller, 'offers', offerBody({ title: 'Bản nháp không hiện' }));
      await published(seller, admin, 'offers', offerBody({ title: 'Đăng trước' }));
      await published(seller, admin, 'offers', offerBody({ title: 'Đăng sau' }));
      const res = await anonymous(t.app).get('/api/offers?limit=1').expect(200);
      assert.equal(res.body.total, 2);
      assert.deepEqual(
        res.body.offers.map((o: { title: string }) => o.title),
        ['Đăng sau'],
      );
      const second = await anonymous(t.app).get('/api/offers?limit=1&page=2').expect(200);
      assert.deepEqual(
        second.body.offers.map((o: { title: string }) => o.title),
        ['Đăng trước'],
      );
    });

    it('when mine=true is asked anonymously, then 401; a status without mine, then 400', async () => {
      await anonymous(t.app).get('/api/offers?mine=true').expect(401);
      const res = await anonymous(t.app).get('/api/offers?status=draft').expect(400);
      assert.deepEqual(fieldsOf(res), ['status']);
      const limit = await anonymous(t.app).get('/api/offers?limit=500').expect(400);
      assert.deepEqual(fieldsOf(limit), ['limit']);
    });
  });
});
