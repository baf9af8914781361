import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signUp, type Member } from '../helpers/factories';
import { publishedDemand, publishedOffer } from '../api/deals-helpers';
import { OfferModel } from '../../server/offers/offer.model';
import { DemandModel } from '../../server/demands/demand.model';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('security: document uploads', () => {
  let t: TestApp;
  let owner: Member;
  let stranger: Member;
  let listings: { kind: 'offer' | 'demand'; id: string; attachments: () => Promise<number> }[];
  before(async () => {
    t = await createTestApp({ UPLOAD_MAX_BYTES: '2048' });
  });
  beforeEach(async () => {
    await resetDatabase();
    owner = await signUp(t.app, { kind: 'institute' });
    stranger = await signUp(t.app, { kind: 'enterprise' });
    const offerId = await publishedOffer(owner);
    const demandId = await publishedDemand(owner);
    listings = [
      {
        kind: 'offer',
        id: offerId,
        attachments: async () => (await OfferModel.findById(offerId).lean())!.attachments.length,
      },
      {
        kind: 'demand',
        id: demandId,
        attachments: async () => (await DemandModel.findById(demandId).lean())!.attachments.length,
      },
    ];
  });

  it('when the multipart body has no boundary, then 400 naming the body, and nothing is attached', async () => {
    for (const l of listings) {
      const res = await owner.agent
        .post(`/api/${l.kind}s/${l.id}/documents`)
        .set('Content-Type', 'multipart/form-data')
        .send('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--x--\r\n');
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'validation_failed');
      assert.equal(res.body.error.details[0].field, 'body');
      assert.equal(await l.attachments(), 0);
    }
  });

  it('when the multipart body is cut short, then 400, and nothing is attached', async () => {
    const res = await owner.agent
      .post(`/api/offers/${listings[0].id}/documents`)
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .send('--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc');
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(await listings[0].attachments(), 0);
  });

  it('when someone outside the owner organization uploads, then 403 before the file is read (even one over the size limit), and nothing is attached', async () => {
    for (const l of listings) {
      const tooLarge = Buffer.concat([PNG, Buffer.alloc(64 * 1024)]);
      const res = await stranger.agent
        .post(`/api/${l.kind}s/${l.id}/documents`)
        .field('confidential', 'false')
        .attach('file', tooLarge, 'big.png');
      assert.equal(res.status, 403, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'forbidden');
      assert.equal(await l.attachments(), 0);
    }
  });

  it('when the listing id is not an id or not found, then 400 or 404 before the file is read', async () => {
    const tooLarge = Buffer.concat([PNG, Buffer.alloc(64 * 1024)]);
    const bad = await owner.agent.post('/api/offers/not-an-id/documents').attach('file', tooLarge, 'a.png');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].field, 'id');
    const missing = await owner.agent
      .post('/api/offers/0123456789abcdef01234567/documents')
      .attach('file', tooLarge, 'a.png');
    assert.equal(missing.status, 404);
  });

  it('when the owner uploads a small file, then it is attached', async () => {
    await owner.agent
      .post(`/api/offers/${listings[0].id}/documents`)
      .field('confidential', 'false')
      .attach('file', PNG, 'brochure.png')
      .expect(201);
    assert.equal(await listings[0].attachments(), 1);
  });
});
