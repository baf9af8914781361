/** The owner decides who opens its confidential documents; a broker needs both parties and an NDA. */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { aBid, cast, publishedOffer, type Cast } from '../api/deals-helpers';
import { offerBody } from '../api/offers-helpers';
import { DealModel } from '../../server/deals/deal.model';
import { OfferModel } from '../../server/offers/offer.model';
import { OrganizationModel } from '../../server/organizations/organization.model';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x41), Buffer.from('\n%%EOF\n')]);

describe('access: confidential documents', () => {
  let t: TestApp;
  let c: Cast;
  before(async () => {
    t = await createTestApp({ UPLOAD_QUOTA_BYTES: String(10_000) });
  });
  beforeEach(async () => {
    await resetDatabase();
    c = await cast(t.app);
  });

  async function offerWithSecret(overrides: Record<string, unknown> = {}) {
    const offerId = await publishedOffer(c.institute, overrides);
    const res = await c.institute.agent
      .post(`/api/offers/${offerId}/documents`)
      .field('confidential', 'true')
      .attach('file', PDF, 'quy-trinh.pdf')
      .expect(201);
    return { offerId, url: res.body.document.url as string };
  }

  async function openedDeal(offerId: string) {
    const res = await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    return res.body.deal.id as string;
  }

  it('when a verified organization opens a deal and accepts the NDA, then it still cannot download until the owner approves', async () => {
    const { offerId, url } = await offerWithSecret();
    const dealId = await openedDeal(offerId);
    await c.enterprise.agent.post(`/api/deals/${dealId}/nda/accept`).expect(200);
    const refused = await c.enterprise.agent.get(url).expect(403);
    assert.match(refused.body.error.message, /owner must approve/);
    const asked = await c.enterprise.agent.post(`/api/deals/${dealId}/documents/request`).expect(200);
    assert.equal(asked.body.deal.documentAccess.status, 'requested');
    await c.enterprise.agent.get(url).expect(403);
    const view = await c.institute.agent.get(`/api/deals/${dealId}/documents`).expect(200);
    assert.equal(view.body.access.status, 'requested');
    await c.institute.agent.post(`/api/deals/${dealId}/documents/approve`).expect(200);
    await c.enterprise.agent.get(url).expect(200);
  });

  it('when the counterparty tries to approve itself, then it is refused and nothing is written', async () => {
    const { offerId, url } = await offerWithSecret();
    const dealId = await openedDeal(offerId);
    await c.enterprise.agent.post(`/api/deals/${dealId}/nda/accept`).expect(200);
    await c.enterprise.agent.post(`/api/deals/${dealId}/documents/request`).expect(200);
    const before = (await DealModel.findById(dealId).lean())!;
    const res = await c.enterprise.agent.post(`/api/deals/${dealId}/documents/approve`).expect(403);
    assert.equal(res.body.error.code, 'forbidden');
    await c.outsider.agent.post(`/api/deals/${dealId}/documents/approve`).expect(404);
    await c.admin.agent.post(`/api/deals/${dealId}/documents/approve`).expect(403);
    const after = (await DealModel.findById(dealId).lean())!;
    assert.equal(after.documentAccess?.status, 'requested');
    assert.equal(after.timeline.length, before.timeline.length);
    await c.enterprise.agent.get(url).expect(403);
  });

  it('when the owner refuses, then the counterparty cannot download nor ask again', async () => {
    const { offerId, url } = await offerWithSecret();
    const dealId = await openedDeal(offerId);
    await c.enterprise.agent.post(`/api/deals/${dealId}/nda/accept`).expect(200);
    await c.enterprise.agent.post(`/api/deals/${dealId}/documents/request`).expect(200);
    await c.institute.agent.post(`/api/deals/${dealId}/documents/refuse`).expect(200);
    await c.enterprise.agent.get(url).expect(403);
    await c.enterprise.agent.post(`/api/deals/${dealId}/documents/request`).expect(409);
    assert.equal((await DealModel.findById(dealId).lean())!.documentAccess?.status, 'refused');
  });

  it('when the listing’s policy is nda, then the NDA alone opens the documents and no request is taken', async () => {
    const { offerId, url } = await offerWithSecret({ confidentialAccess: 'nda' });
    const dealId = await openedDeal(offerId);
    await c.enterprise.agent.get(url).expect(403);
    await c.enterprise.agent.post(`/api/deals/${dealId}/documents/request`).expect(409);
    await c.enterprise.agent.post(`/api/deals/${dealId}/nda/accept`).expect(200);
    await c.enterprise.agent.get(url).expect(200);
  });

  it('when an owner drafts an offer, then its policy defaults to on request and can be set to nda', async () => {
    const created = await c.institute.agent.post('/api/offers').send(offerBody()).expect(201);
    assert.equal(created.body.offer.confidentialAccess, 'on_request');
    const patched = await c.institute.agent
      .patch(`/api/offers/${created.body.offer.id}`)
      .send({ confidentialAccess: 'nda' })
      .expect(200);
    assert.equal(patched.body.offer.confidentialAccess, 'nda');
    await c.institute.agent
      .patch(`/api/offers/${created.body.offer.id}`)
      .send({ confidentialAccess: 'anyone' })
      .expect(400);
  });

  it('when one party names a broker, then the broker opens nothing, not even the deal, until the other party names them too', async () => {
    const { offerId, url } = await offerWithSecret();
    const bid = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(201);
    const dealId = (await c.institute.agent.post(`/api/bids/${bid.body.bid.id}/accept`).expect(201)).body.deal
      .id;
    await c.enterprise.agent
      .post(`/api/deals/${dealId}/broker`)
      .send({ userId: c.broker.user.id })
      .expect(200);
    await c.broker.agent.post(`/api/deals/${dealId}/nda/accept`).expect(404);
    await c.broker.agent.get(`/api/deals/${dealId}/documents`).expect(404);
    await c.broker.agent.get(url).expect(403);
    await c.institute.agent
      .post(`/api/deals/${dealId}/broker`)
      .send({ userId: c.broker.user.id })
      .expect(200);
    await c.broker.agent.get(url).expect(403);
    await c.broker.agent.post(`/api/deals/${dealId}/nda/accept`).expect(200);
    await c.broker.agent.get(url).expect(200);
  });

  it('when an operator assigns a broker who accepted the NDA, then the broker opens nothing until both parties consent', async () => {
    const { offerId, url } = await offerWithSecret();
    const bid = await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(201);
    const dealId = (await c.institute.agent.post(`/api/bids/${bid.body.bid.id}/accept`).expect(201)).body.deal
      .id;
    await c.admin.agent.post(`/api/deals/${dealId}/broker`).send({ userId: c.broker.user.id }).expect(200);
    await c.enterprise.agent
      .post(`/api/deals/${dealId}/broker/consent`)
      .send({ userId: c.broker.user.id })
      .expect(200);
    await c.broker.agent.get(url).expect(403);
    await c.broker.agent.post(`/api/deals/${dealId}/nda/accept`).expect(200);
    await c.broker.agent.get(url).expect(403);
    // The broker cannot consent for a party; an outsider learns nothing.
    await c.broker.agent
      .post(`/api/deals/${dealId}/broker/consent`)
      .send({ userId: c.broker.user.id })
      .expect(403);
    await c.outsider.agent
      .post(`/api/deals/${dealId}/broker/consent`)
      .send({ userId: c.broker.user.id })
      .expect(404);
    assert.deepEqual((await DealModel.findById(dealId).lean())!.brokerConsents.map(String), [
      c.enterprise.orgId,
    ]);
    await c.institute.agent
      .post(`/api/deals/${dealId}/broker/consent`)
      .send({ userId: c.broker.user.id })
      .expect(200);
    await c.broker.agent.get(url).expect(200);
  });

  it('when an upload would pass the organization’s storage quota, then 413 and nothing is written', async () => {
    const offerId = await publishedOffer(c.institute);
    const upload = () =>
      c.institute.agent
        .post(`/api/offers/${offerId}/documents`)
        .field('confidential', 'false')
        .attach('file', PDF, 'a.pdf');
    await upload().expect(201);
    await upload().expect(201);
    const files = mongoose.connection.db!.collection('documents.files');
    const filesBefore = await files.countDocuments({});
    const usedBefore = (await OrganizationModel.findById(c.institute.orgId).lean())!.storageUsedBytes;
    assert.equal(usedBefore, 2 * PDF.length);
    const res = await upload().expect(413);
    assert.equal(res.body.error.code, 'payload_too_large');
    assert.match(res.body.error.message, /storage/);
    assert.equal(await files.countDocuments({}), filesBefore);
    assert.equal((await OfferModel.findById(offerId).lean())!.attachments.length, 2);
    assert.equal((await OrganizationModel.findById(c.institute.orgId).lean())!.storageUsedBytes, usedBefore);
    // Removing a document gives its bytes back.
    const listed = await c.institute.agent.get(`/api/offers/${offerId}/documents`).expect(200);
    await c.institute.agent
      .delete(`/api/offers/${offerId}/documents/${listed.body.documents[0].id}`)
      .expect(204);
    await upload().expect(201);
  });
});
