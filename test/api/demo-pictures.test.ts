import assert from 'node:assert/strict';
import request from 'supertest';
import sharp from 'sharp';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { binary } from '../helpers/binary';
import { OfferModel } from '../../server/offers/offer.model';
import { DemandModel } from '../../server/demands/demand.model';
import { syncSearchIndex } from '../../server/search-sync/search-sync.service';
import { loadDemoData, type DemoLoadResult } from '../../server/demo/load-demo';
import { demoPictureSvg, hasDemoPicture } from '../../server/demo/demo-images';
import { DEMO_DEMANDS, DEMO_OFFERS } from '../../server/demo/data';

/** Ids of the listings with at least one image (FerretDB does not answer `images.0` queries: filtered here). */
async function picturedIds(): Promise<Set<string>> {
  const docs = [
    ...(await OfferModel.find({}, { images: 1 }).lean()),
    ...(await DemandModel.find({}, { images: 1 }).lean()),
  ];
  return new Set(docs.filter((d) => (d.images ?? []).length > 0).map((d) => String(d._id)));
}

describe('demo data: generated pictures', () => {
  let t: TestApp;
  let loaded: DemoLoadResult;
  before(async () => {
    t = await createTestApp();
    await resetDatabase();
    await t.ctx.search.clear();
    loaded = await loadDemoData({ dataDir: t.ctx.config.dataDir });
    await syncSearchIndex(t.ctx);
  });
  after(resetDatabase);

  it('when the demo is loaded with a data directory, then two of every three offers and demands have a picture', async () => {
    const expected =
      DEMO_OFFERS.filter((_, i) => hasDemoPicture(i)).length +
      DEMO_DEMANDS.filter((_, i) => hasDemoPicture(i)).length;
    assert.equal(loaded.pictures, expected);
    assert.ok(expected >= (DEMO_OFFERS.length + DEMO_DEMANDS.length) / 2);
    assert.equal((await picturedIds()).size, expected);
  });

  it('then a published offer’s picture is served as a 400×300 thumbnail and a 640×480 image, described by its title', async () => {
    const offer = (await OfferModel.find({ status: 'published' }).lean()).find(
      (o) => (o.images ?? []).length > 0,
    )!;
    const res = await request(t.app).get(`/api/offers/${offer._id}`).expect(200);
    const [image] = res.body.offer.images as { thumbUrl: string; url: string; alt?: string }[];
    assert.equal(image.alt, offer.title);
    const thumb = await request(t.app).get(image.thumbUrl).buffer(true).parse(binary).expect(200);
    assert.equal(thumb.headers['content-type'], 'image/webp');
    const tm = await sharp(thumb.body as Buffer).metadata();
    assert.deepEqual([tm.width, tm.height], [400, 300]);
    const large = await request(t.app).get(image.url).buffer(true).parse(binary).expect(200);
    const lm = await sharp(large.body as Buffer).metadata();
    assert.deepEqual([lm.width, lm.height], [640, 480]);
  });

  it('then search hits of pictured listings carry their thumbnail', async () => {
    const res = await request(t.app).get('/api/search').query({ limit: 50 }).expect(200);
    const hits = res.body.hits as { id: string; thumbUrl?: string }[];
    assert.ok(hits.length > 0);
    const pictured = await picturedIds();
    for (const hit of hits) assert.equal(Boolean(hit.thumbUrl), pictured.has(hit.id), hit.id);
    assert.ok(hits.some((h) => h.thumbUrl));
  });

  it('the picture follows the listing’s field and place: the same every time, different across fields', () => {
    assert.equal(demoPictureSvg('medical_health', 4), demoPictureSvg('medical_health', 4));
    assert.notEqual(demoPictureSvg('medical_health', 4), demoPictureSvg('humanities', 4));
    assert.notEqual(demoPictureSvg('medical_health', 0), demoPictureSvg('medical_health', 1));
  });
});
