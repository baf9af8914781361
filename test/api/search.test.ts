import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { OfferModel } from '../../server/offers/offer.model';
import { syncSearchIndex } from '../../server/search-sync/search-sync.service';
import {
  anonymous,
  demandBody,
  draft,
  fieldsOf,
  inDays,
  offerBody,
  published,
  submitted,
} from './offers-helpers';

describe('search through the API', () => {
  let t: TestApp;
  let seller: Member;
  let buyer: Member;
  let admin: Member;
  let wastewater: Record<string, any>;

  const search = async (query: Record<string, string | number>) => {
    const res = await anonymous(t.app).get('/api/search').query(query).expect(200);
    return res.body as {
      hits: Record<string, any>[];
      total: number;
      facets: Record<string, Record<string, number>>;
      page: number;
      limit: number;
    };
  };
  const ids = (result: { hits: Record<string, any>[] }) => result.hits.map((h) => String(h.id));

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    await t.ctx.search.clear();
    seller = await signUp(t.app, { kind: 'institute' });
    buyer = await signUp(t.app, { kind: 'enterprise' });
    admin = await signInAdmin(t.app);
    wastewater = await published(
      seller,
      admin,
      'offers',
      offerBody({ keywords: ['xử lý nước thải', 'wastewater treatment'] }),
    );
    await published(
      seller,
      admin,
      'offers',
      offerBody({
        title: 'Hệ thống điện mặt trời áp mái cho nhà xưởng Đồng Nai',
        summary: 'Điện mặt trời nối lưới cho khu công nghiệp, kèm lưu trữ.',
        description: 'Tấm pin đơn tinh thể, biến tần hòa lưới và pin lưu trữ.',
        keywords: ['điện mặt trời', 'năng lượng tái tạo'],
        subField: 'energy_engineering',
        trl: 9,
        province: 'dong_nai',
        transferModes: ['turnkey'],
        pricing: { model: 'fixed', amount: 950_000_000, currency: 'VND' },
      }),
    );
    await published(buyer, admin, 'demands', demandBody());
    await syncSearchIndex(t.ctx);
  });

  it('when the user types "cong nghe xu ly nuoc thai", then the wastewater listing comes first', async () => {
    const result = await search({ q: 'cong nghe xu ly nuoc thai' });
    assert.equal(result.hits[0]?.id, wastewater.id);
  });

  it('when the user types "xử lý nước thải" with diacritics, then the wastewater listing comes first', async () => {
    const result = await search({ q: 'xử lý nước thải' });
    assert.equal(result.hits[0]?.id, wastewater.id);
    assert.match(
      result.hits[0].highlight.title,
      /<mark>xử<\/mark> <mark>lý<\/mark> <mark>nước<\/mark> <mark>thải<\/mark>/i,
    );
  });

  it('when a word has a one-letter typo, then the wastewater listing is still found', async () => {
    assert.equal((await search({ q: 'xu ly nuoc thau' })).hits[0]?.id, wastewater.id);
    assert.ok(ids(await search({ q: 'wastewatr' })).includes(wastewater.id));
  });

  it('when the user types d for đ (or Đ), then the listing with đ is found', async () => {
    const solar = await search({ q: 'dien mat troi dong nai' });
    assert.match(solar.hits[0]?.title ?? '', /điện mặt trời/i);
    const folded = await search({ q: 'Đien mat troi' });
    assert.match(folded.hits[0]?.title ?? '', /điện mặt trời/i);
  });

  it('then a hit has the contract fields, and an offer is found by its asking price', async () => {
    const result = await search({ q: 'xử lý nước thải', kind: 'offer' });
    const hit = result.hits[0];
    assert.deepEqual(Object.keys(hit).sort(), [
      'currency',
      'field',
      'highlight',
      'id',
      'kind',
      'price',
      'province',
      'summary',
      'title',
      'trl',
    ]);
    assert.equal(hit.kind, 'offer');
    assert.equal(hit.price, 1_850_000_000);
    assert.equal(hit.currency, 'VND');
    assert.equal(hit.province, 'ha_noi');
    assert.equal(result.page, 1);
    assert.equal(result.limit, 20);
  });

  it('when filters are given, then the facet counts equal the totals of the same search filtered by each value', async () => {
    const all = await search({});
    assert.equal(all.total, 3);
    for (const facet of ['field', 'trl', 'province'] as const) {
      const sum = Object.values(all.facets[facet]).reduce((a, b) => a + b, 0);
      assert.equal(sum, all.total, `${facet} facet sums to the total`);
    }
    for (const [value, count] of Object.entries(all.facets.field)) {
      assert.equal((await search({ field: value })).total, count, `field ${value}`);
    }
    for (const [value, count] of Object.entries(all.facets.province)) {
      assert.equal((await search({ province: value })).total, count, `province ${value}`);
    }
    for (const [value, count] of Object.entries(all.facets.trl)) {
      assert.equal((await search({ trlMin: value, trlMax: value })).total, count, `trl ${value}`);
    }
    for (const [value, count] of Object.entries(all.facets.transferModes)) {
      assert.equal((await search({ transferMode: value })).total, count, `transfer mode ${value}`);
    }
    const offers = await search({ kind: 'offer', province: 'ha_noi' });
    assert.equal(offers.total, 1);
    assert.deepEqual(offers.facets.province, { ha_noi: 1 });
  });

  it('when sorted by price, then the cheapest comes first', async () => {
    const result = await search({ kind: 'offer', sort: 'price_asc' });
    assert.deepEqual(
      result.hits.map((h) => h.price),
      [950_000_000, 1_850_000_000],
    );
    const dearest = await search({
      kind: 'offer',
      sort: 'price_desc',
      currency: 'VND',
      priceMin: 1_000_000_000,
    });
    assert.deepEqual(ids(dearest), [wastewater.id]);
  });

  it('when a published listing is withdrawn, then after indexing it is no longer found', async () => {
    await seller.agent.delete(`/api/offers/${wastewater.id}`).expect(200);
    await syncSearchIndex(t.ctx);
    assert.equal(ids(await search({ q: 'xử lý nước thải' })).includes(wastewater.id), false);
    assert.equal((await search({})).total, 2);
  });

  it('when a listing is closed, then it leaves search too', async () => {
    await seller.agent.post(`/api/offers/${wastewater.id}/close`).expect(200);
    await syncSearchIndex(t.ctx);
    assert.equal(ids(await search({ kind: 'offer' })).includes(wastewater.id), false);
  });

  it('when listings are drafts, awaiting review or rejected, then they never appear', async () => {
    await draft(seller, 'offers', offerBody({ title: 'Bản nháp công nghệ lọc nước nhiễm mặn' }));
    await submitted(seller, 'offers', offerBody({ title: 'Chờ duyệt công nghệ lọc nước nhiễm mặn' }));
    const rejected = await submitted(
      buyer,
      'demands',
      demandBody({ title: 'Nhu cầu lọc nước nhiễm mặn bị từ chối' }),
    );
    await admin.agent
      .post(`/api/admin/demands/${rejected.id}/reject`)
      .send({ reason: 'Chưa rõ' })
      .expect(200);
    await syncSearchIndex(t.ctx);
    assert.equal((await search({ q: 'loc nuoc nhiem man' })).total, 0);
    assert.equal((await search({})).total, 3);
  });

  it('when the database no longer holds a listing, then search still answers from its index (it never reads the database)', async () => {
    await OfferModel.deleteOne({ _id: wastewater.id });
    assert.equal((await search({ q: 'nuoc thai' })).hits[0]?.id, wastewater.id);
  });

  it('when an auction is published, then its reserve price is not what search knows', async () => {
    const auction = await published(
      seller,
      admin,
      'offers',
      offerBody({
        title: 'Đấu giá quyền sử dụng sáng chế cảm biến độ mặn',
        pricing: {
          model: 'auction',
          amount: 300_000_000,
          reservePrice: 900_000_000,
          currency: 'VND',
          closesAt: inDays(5),
        },
      }),
    );
    await syncSearchIndex(t.ctx);
    const hit = (await search({ q: 'cam bien do man' })).hits.find((h) => h.id === auction.id);
    assert.equal(hit?.price, 300_000_000);
    assert.equal((await search({ priceMin: 800_000_000, priceMax: 900_000_000 })).total, 0);
  });

  it('when ranges are upside down or the limit is too high, then 400 names the field', async () => {
    const trl = await anonymous(t.app).get('/api/search').query({ trlMin: 7, trlMax: 3 }).expect(400);
    assert.deepEqual(fieldsOf(trl), ['trlMax']);
    const price = await anonymous(t.app).get('/api/search').query({ priceMin: 10, priceMax: 5 }).expect(400);
    assert.deepEqual(fieldsOf(price), ['priceMax']);
    const limit = await anonymous(t.app).get('/api/search').query({ limit: 101 }).expect(400);
    assert.deepEqual(fieldsOf(limit), ['limit']);
    const bad = await anonymous(t.app)
      .get('/api/search')
      .query({ kind: 'both', sort: 'cheapest', trlMin: 0, field: 'x' })
      .expect(400);
    assert.deepEqual(fieldsOf(bad).sort(), ['field', 'kind', 'sort', 'trlMin']);
  });

  it('when limit is 100, then it is accepted and paging is reported', async () => {
    const result = await search({ limit: 100, page: 2 });
    assert.equal(result.limit, 100);
    assert.equal(result.page, 2);
    assert.deepEqual(result.hits, []);
    assert.equal(result.total, 3);
  });
});
