import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { createDemand, createOffer } from './matching-fixtures';
import { watchCommands } from '../helpers/command-watch';

const owner = (m: Member) => ({ orgId: m.orgId, userId: m.user.id });

/** A same-field offer that shares hardly a word with the demand. */
const QUIET_OFFER = {
  title: 'Mô-đun sinh học hiếu khí dạng container',
  summary: 'Thiết bị lắp ghép nhanh.',
  description: 'Lắp đặt trong hai tuần.',
  keywords: ['container'],
};

describe('matching: GET /api/demands/:id/matches and /api/offers/:id/matches', () => {
  let t: TestApp;
  let institute: Member;
  let otherInstitute: Member;
  let enterprise: Member;

  before(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase();
    await t.ctx.search.clear();
    institute = await signUp(t.app, { kind: 'institute' });
    otherInstitute = await signUp(t.app, { kind: 'institute' });
    enterprise = await signUp(t.app, { kind: 'enterprise' });
  });

  it('lists the best offers first, each with a score in [0, 1] and the reasons in English', async () => {
    const demandId = await createDemand(t.ctx, owner(enterprise));
    const best = await createOffer(t.ctx, owner(institute));
    const weaker = await createOffer(t.ctx, owner(otherInstitute), {
      title: 'Xử lý nước thải sinh hoạt bằng bãi lọc trồng cây',
      summary: 'Bãi lọc trồng cây cho nước thải khu dân cư nông thôn.',
      keywords: ['nước thải', 'bãi lọc'],
      subField: 'civil_engineering',
      trl: 7,
      transferModes: ['consulting', 'turnkey'],
      pricing: { model: 'negotiable', currency: 'VND' },
    });
    await createOffer(t.ctx, owner(otherInstitute), {
      title: 'Vắc xin phòng bệnh gan thận mủ cho cá',
      summary: 'Vắc xin tiêm cho cá giống.',
      description: 'Vắc xin bất hoạt.',
      keywords: ['vắc xin'],
      field: 'agricultural_sciences',
      subField: 'veterinary_science',
    });

    const res = await request(t.app).get(`/api/demands/${demandId}/matches?lang=en`).expect(200);
    const ids = res.body.matches.map((m: { offer: { id: string } }) => m.offer.id);
    assert.deepEqual(ids, [best, weaker]);
    const [first, second] = res.body.matches;
    assert.ok(first.score > second.score);
    for (const m of res.body.matches) assert.ok(m.score >= 0 && m.score <= 1);
    assert.equal(first.offer.title, 'Công nghệ xử lý nước thải chế biến thủy sản bằng màng MBR');
    for (const reason of [
      'same field: environmental engineering',
      'TRL 8 meets the minimum 6',
      'price within budget',
      'transfer mode accepted: turnkey transfer',
      'shared keywords: nước thải, màng lọc, thủy sản',
    ]) {
      assert.ok(first.reasons.includes(reason), `missing “${reason}” in ${JSON.stringify(first.reasons)}`);
    }
    assert.ok(second.reasons.includes('same field: engineering and technology'));
    assert.ok(second.reasons.includes('price open to negotiation'));
  });

  it('speaks the signed-in user’s language unless ?lang= says otherwise', async () => {
    const demandId = await createDemand(t.ctx, owner(enterprise));
    await createOffer(t.ctx, owner(institute));
    const vi = await enterprise.agent.get(`/api/demands/${demandId}/matches`).expect(200);
    assert.ok(vi.body.matches[0].reasons.includes('cùng lĩnh vực: kỹ thuật môi trường'));
    const en = await enterprise.agent.get(`/api/demands/${demandId}/matches?lang=en`).expect(200);
    assert.ok(en.body.matches[0].reasons.includes('same field: environmental engineering'));
  });

  it('an offer’s matches are demands, and a price in another currency is not compared', async () => {
    const offerId = await createOffer(t.ctx, owner(institute), {
      pricing: { model: 'fixed', amount: 6_000_000, currency: 'USD' },
    });
    const demandId = await createDemand(t.ctx, owner(enterprise));
    const res = await request(t.app).get(`/api/offers/${offerId}/matches?lang=en`).expect(200);
    assert.equal(res.body.matches.length, 1);
    assert.equal(res.body.matches[0].demand.id, demandId);
    assert.ok(res.body.matches[0].reasons.includes('price in USD, budget in VND: not compared'));
    assert.ok(!res.body.matches[0].reasons.includes('price within budget'));
  });

  it('finds a same-field offer that shares hardly a word with the demand', async () => {
    const demandId = await createDemand(t.ctx, owner(enterprise));
    const quiet = await createOffer(t.ctx, owner(institute), QUIET_OFFER);
    const watch = watchCommands();
    const res = await request(t.app).get(`/api/demands/${demandId}/matches?lang=en`).expect(200);
    watch.stop();
    assert.deepEqual(
      res.body.matches.map((m: { offer: { id: string } }) => m.offer.id),
      [quiet],
    );
    const listingReads = watch.asked.filter((a) => a.collection === 'offers' || a.collection === 'demands');
    for (const read of listingReads)
      assert.ok(
        Object.keys(read.filter as object).includes('_id'),
        `${read.collection} read by _id (the same field's newest come from the search index)`,
      );
  });

  it('when the search engine fails, then the same-field offer is still found, from the database', async () => {
    const demandId = await createDemand(t.ctx, owner(enterprise));
    const quiet = await createOffer(t.ctx, owner(institute), QUIET_OFFER);
    const search = t.ctx.search.search;
    t.ctx.search.search = async () => {
      throw new Error('search engine down');
    };
    try {
      const res = await request(t.app).get(`/api/demands/${demandId}/matches?lang=en`).expect(200);
      assert.deepEqual(
        res.body.matches.map((m: { offer: { id: string } }) => m.offer.id),
        [quiet],
      );
    } finally {
      t.ctx.search.search = search;
    }
  });

  it('shows only published listings of other organizations, and honours limit', async () => {
    const demandId = await createDemand(t.ctx, owner(enterprise));
    await createOffer(t.ctx, owner(institute), { status: 'draft', publishedAt: undefined });
    await createOffer(t.ctx, owner(enterprise));
    const published = [
      await createOffer(t.ctx, owner(institute)),
      await createOffer(t.ctx, owner(otherInstitute)),
    ];
    const all = await request(t.app).get(`/api/demands/${demandId}/matches`).expect(200);
    assert.deepEqual(
      all.body.matches.map((m: { offer: { id: string } }) => m.offer.id).sort(),
      [...published].sort(),
    );
    const one = await request(t.app).get(`/api/demands/${demandId}/matches?limit=1`).expect(200);
    assert.equal(one.body.matches.length, 1);
  });

  describe('visibility', () => {
    let draftId: string;
    beforeEach(async () => {
      await createOffer(t.ctx, owner(institute));
      draftId = await createDemand(t.ctx, owner(enterprise), { status: 'draft', publishedAt: undefined });
    });

    it('when the demand is someone else’s draft, then it is not found', async () => {
      const res = await institute.agent.get(`/api/demands/${draftId}/matches`).expect(404);
      assert.equal(res.body.error.code, 'not_found');
      await request(t.app).get(`/api/demands/${draftId}/matches`).expect(404);
    });

    it('when the draft is the viewer’s own, then its matches are shown', async () => {
      const res = await enterprise.agent.get(`/api/demands/${draftId}/matches`).expect(200);
      assert.equal(res.body.matches.length, 1);
    });

    it('an operator sees the matches of any draft', async () => {
      const admin = await signInAdmin(t.app);
      const res = await admin.agent.get(`/api/demands/${draftId}/matches`).expect(200);
      assert.equal(res.body.matches.length, 1);
    });
  });

  describe('bad requests', () => {
    it('an unknown listing is not found', async () => {
      await request(t.app).get('/api/offers/0123456789abcdef01234567/matches').expect(404);
    });

    it('a malformed id or limit is refused, naming the field', async () => {
      const bad = await request(t.app).get('/api/offers/not-an-id/matches').expect(400);
      assert.equal(bad.body.error.details[0].field, 'id');
      const demandId = await createDemand(t.ctx, owner(enterprise));
      const limit = await request(t.app).get(`/api/demands/${demandId}/matches?limit=51`).expect(400);
      assert.equal(limit.body.error.details[0].field, 'limit');
      const lang = await request(t.app).get(`/api/demands/${demandId}/matches?lang=fr`).expect(400);
      assert.equal(lang.body.error.details[0].field, 'lang');
    });
  });
});
