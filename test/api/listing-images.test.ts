import assert from 'node:assert/strict';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { cast, publishedOffer, type Cast } from './deals-helpers';
import type { Member } from '../helpers/factories';
import { OfferModel } from '../../server/offers/offer.model';
import { syncSearchIndex } from '../../server/search-sync/search-sync.service';
import { binary } from '../helpers/binary';

/** Binary bodies come back as Buffers. */

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#2a7f62' } });

describe('listing images', () => {
  let t: TestApp;
  let c: Cast;
  let png800: Buffer;
  let png100: Buffer;
  let gif: Buffer;
  let gpsJpeg: Buffer;
  before(async () => {
    t = await createTestApp();
    png800 = await solid(800, 600).png().toBuffer();
    png100 = await solid(100, 100).png().toBuffer();
    gif = await solid(300, 300).gif().toBuffer();
    // 1200×800 as stored, to be turned upright (orientation 6: rotate 90°) to 800×1200.
    gpsJpeg = await solid(1200, 800)
      .jpeg()
      .withExif({ IFD0: { Make: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
  });
  beforeEach(async () => {
    await resetDatabase();
    await rm(imagesDir(), { recursive: true, force: true });
    c = await cast(t.app);
  });

  const imagesDir = () => path.join(t.ctx.config.dataDir, 'listing-images');
  async function storedFolders(): Promise<string[]> {
    try {
      return await readdir(imagesDir());
    } catch {
      return [];
    }
  }
  function upload(member: Member, offerId: string, file: Buffer, name: string) {
    return member.agent.post(`/api/offers/${offerId}/images`).attach('image', file, name);
  }
  async function storedImages(offerId: string) {
    return ((await OfferModel.findById(offerId).lean()) as { images?: unknown[] }).images ?? [];
  }
  function fieldsOf(res: request.Response): string[] {
    return (res.body.error?.details ?? []).map((d: { field: string }) => d.field);
  }

  it('the owner uploads a PNG: 201, the listing shows it, and both sizes are served as WebP', async () => {
    const offerId = await publishedOffer(c.institute);
    const res = await upload(c.institute, offerId, png800, 'máy.png').expect(201);
    const image = res.body.image;
    assert.equal(image.width, 800);
    assert.equal(image.height, 600);
    const view = await request(t.app).get(`/api/offers/${offerId}`).expect(200);
    assert.deepEqual(view.body.offer.images, [image]);
    const large = await request(t.app).get(image.url).buffer(true).parse(binary).expect(200);
    assert.equal(large.headers['content-type'], 'image/webp');
    assert.match(large.headers['cache-control'], /public, max-age=31536000/);
    const meta = await sharp(large.body as Buffer).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 800, 600]);
    const thumb = await request(t.app).get(image.thumbUrl).buffer(true).parse(binary).expect(200);
    const tm = await sharp(thumb.body as Buffer).metadata();
    assert.deepEqual([tm.format, tm.width, tm.height], ['webp', 400, 300]);
  });

  it('a JPEG is turned upright, shrunk to 1600 px and loses its EXIF and GPS', async () => {
    const input = await sharp(gpsJpeg).metadata();
    assert.ok(input.exif && input.exif.includes(Buffer.from([0x25, 0x88])), 'the input carries a GPS IFD');
    const offerId = await publishedOffer(c.institute);
    const big = await sharp(gpsJpeg).resize(2400, 1600).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const res = await upload(c.institute, offerId, big, 'photo.jpg').expect(201);
    assert.deepEqual([res.body.image.width, res.body.image.height], [1067, 1600]);
    const small = await upload(c.institute, offerId, gpsJpeg, 'photo.jpg').expect(201);
    assert.deepEqual([small.body.image.width, small.body.image.height], [800, 1200]);
    const large = await request(t.app).get(small.body.image.url).buffer(true).parse(binary).expect(200);
    const meta = await sharp(large.body as Buffer).metadata();
    assert.equal(meta.exif, undefined);
    assert.equal(meta.orientation, undefined);
    assert.equal((large.body as Buffer).includes(Buffer.from('Phone')), false);
  });

  it('refuses what is not a JPEG, PNG or WebP (400 naming image) and stores nothing', async () => {
    const offerId = await publishedOffer(c.institute);
    for (const [file, name] of [
      [gif, 'anim.gif'],
      [gif, 'renamed.png'],
      [Buffer.from('not an image at all\n'.repeat(50)), 'notes.png'],
    ] as const) {
      const res = await upload(c.institute, offerId, file, name).expect(400);
      assert.deepEqual(fieldsOf(res), ['image']);
    }
    const none = await c.institute.agent.post(`/api/offers/${offerId}/images`).field('alt', 'x').expect(400);
    assert.deepEqual(fieldsOf(none), ['image']);
    assert.deepEqual(await storedImages(offerId), []);
    assert.deepEqual(await storedFolders(), []);
  });

  it('refuses an image under 200×200 (400) and one over 8 MB (413)', async () => {
    const offerId = await publishedOffer(c.institute);
    const res = await upload(c.institute, offerId, png100, 'tiny.png').expect(400);
    assert.deepEqual(fieldsOf(res), ['image']);
    await upload(c.institute, offerId, Buffer.alloc(8 * 1024 * 1024 + 10, 1), 'huge.png').expect(413);
    assert.deepEqual(await storedImages(offerId), []);
    assert.deepEqual(await storedFolders(), []);
  });

  it('a seventh image is refused with 409', async () => {
    const offerId = await publishedOffer(c.institute);
    for (let i = 0; i < 6; i++) await upload(c.institute, offerId, png800, `${i}.png`).expect(201);
    await upload(c.institute, offerId, png800, '7.png').expect(409);
    assert.equal((await storedImages(offerId)).length, 6);
    assert.equal((await storedFolders()).length, 6);
  });

  it('a non-member may not add or remove images and writes nothing', async () => {
    const offerId = await publishedOffer(c.institute);
    const draftId = await publishedOffer(c.institute, { status: 'draft', publishedAt: undefined });
    await upload(c.outsider, offerId, png800, 'x.png').expect(403);
    await upload(c.outsider, draftId, png800, 'x.png').expect(404);
    await request(t.app).post(`/api/offers/${offerId}/images`).attach('image', png800, 'x.png').expect(401);
    const mine = await upload(c.institute, offerId, png800, 'x.png').expect(201);
    await c.outsider.agent.delete(`/api/offers/${offerId}/images/${mine.body.image.id}`).expect(403);
    assert.equal((await storedImages(offerId)).length, 1);
    assert.equal((await storedImages(draftId)).length, 0);
    assert.equal((await storedFolders()).length, 1);
  });

  it('the image of an unpublished listing is for its organization and operators only', async () => {
    const draftId = await publishedOffer(c.institute, { status: 'draft', publishedAt: undefined });
    const res = await upload(c.institute, draftId, png800, 'x.png').expect(201);
    const { url, thumbUrl } = res.body.image;
    await request(t.app).get(url).expect(404);
    await request(t.app).get(thumbUrl).expect(404);
    await c.outsider.agent.get(url).expect(404);
    const own = await c.institute.agent.get(url).expect(200);
    assert.match(own.headers['cache-control'], /^private/);
    await c.admin.agent.get(thumbUrl).expect(200);
    await request(t.app)
      .get(url.replace(/large$/, 'huge'))
      .expect(400);
  });

  it('the owner deletes an image: gone from the listing, its files and its URL', async () => {
    const offerId = await publishedOffer(c.institute);
    const res = await upload(c.institute, offerId, png800, 'x.png').expect(201);
    const image = res.body.image;
    await c.institute.agent.delete(`/api/offers/${offerId}/images/${image.id}`).expect(204);
    await c.institute.agent.delete(`/api/offers/${offerId}/images/${image.id}`).expect(404);
    assert.deepEqual(await storedImages(offerId), []);
    assert.deepEqual(await storedFolders(), []);
    await request(t.app).get(image.url).expect(404);
  });

  it('search hits carry the first image’s thumbnail', async () => {
    const offerId = await publishedOffer(c.institute);
    await publishedOffer(c.institute, { title: 'Công nghệ màng lọc nước không có ảnh' });
    const first = await upload(c.institute, offerId, png800, 'a.png').expect(201);
    await upload(c.institute, offerId, png800, 'b.png').expect(201);
    await syncSearchIndex(t.ctx);
    const res = await request(t.app).get('/api/search').query({ q: 'màng' }).expect(200);
    const byId = new Map(res.body.hits.map((h: { id: string; thumbUrl?: string }) => [h.id, h.thumbUrl]));
    assert.equal(byId.size, 2);
    assert.equal(byId.get(offerId), first.body.image.thumbUrl);
    assert.equal([...byId.values()].filter((u) => u === undefined).length, 1);
  });
});
