/**
 * Listings imported from partner exchanges among a listing's matches: in their own `imported`
 * group after the local matches, scored alike, with their home exchange, and gone once the
 * partner's feed withdraws them (a tombstone deletes the copy and its index entry) or while an
 * operator suspends the partner (back, without a pull, once it is active again).
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signInAdmin, signUp, type Member } from '../helpers/factories';
import { createDemand, createOffer, WASTEWATER_DEMAND, WASTEWATER_OFFER } from './matching-fixtures';
import { createPartner } from '../../server/federation/partner.store';
import { forgetHomes } from '../../server/federation/partner.service';
import {
  putImportedListing,
  removeImportedListing,
  type ImportedListingDoc,
} from '../../server/federation/imported-listing.store';
import { importedSearchDoc } from '../../server/federation/import-rules';
import { generateSigningKeyPair, keyFingerprint, keyIdOf } from '../../server/federation/signing';

const owner = (m: Member) => ({ orgId: m.orgId, userId: m.user.id });

describe('matching: listings imported from partner exchanges', () => {
  let t: TestApp;
  let institute: Member;
  let enterprise: Member;
  let partnerId: string;

  before(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase();
    await t.ctx.search.clear();
    institute = await signUp(t.app, { kind: 'institute' });
    enterprise = await signUp(t.app, { kind: 'enterprise' });
    const { publicKey } = generateSigningKeyPair();
    const partner = await createPartner({
      name: 'Sàn Đà Nẵng',
      code: 'san-da-nang',
      baseUrl: 'http://127.0.0.1:9',
      publicKey,
      keyId: keyIdOf(publicKey),
      fingerprint: keyFingerprint(publicKey),
      createdBy: 'test',
    });
    partnerId = String(partner._id);
    forgetHomes();
  });

  afterEach(() => forgetHomes());

  async function importListing(kind: 'offer' | 'demand', remoteId: string): Promise<string> {
    const src = kind === 'offer' ? WASTEWATER_OFFER : WASTEWATER_DEMAND;
    const doc: ImportedListingDoc = {
      _id: `${partnerId}-${kind}-${remoteId}`,
      partnerId,
      origin: 'san-da-nang',
      kind,
      remoteId,
      changedAt: new Date(),
      importedAt: new Date(),
      listing: {
        title: `${src.title} (Đà Nẵng)`,
        summary: src.summary,
        body: kind === 'offer' ? WASTEWATER_OFFER.description : WASTEWATER_DEMAND.problem,
        keywords: src.keywords,
        field: src.field,
        subField: src.subField,
        trl: kind === 'offer' ? WASTEWATER_OFFER.trl : WASTEWATER_DEMAND.minTrl,
        transferModes: src.transferModes,
        province: 'da_nang',
        price: kind === 'offer' ? 1_200_000_000 : 3_000_000_000,
        currency: 'VND',
        language: 'vi',
        publishedAt: new Date().toISOString(),
        organizationName: 'Viện Công nghệ Đà Nẵng',
      },
    };
    await putImportedListing(doc);
    await t.ctx.search.upsert([importedSearchDoc(doc)]);
    return doc._id;
  }

  it("a partner's offer is among a local demand's matches, in its own group, with its origin", async () => {
    const demandId = await createDemand(t.ctx, owner(enterprise));
    const localOffer = await createOffer(t.ctx, owner(institute));
    const importedId = await importListing('offer', 'o1');

    const res = await request(t.app).get(`/api/demands/${demandId}/matches?lang=en`).expect(200);
    // Local matches stay as they were: the imported offer is never among them.
    assert.deepEqual(
      res.body.matches.map((m: { offer: { id: string } }) => m.offer.id),
      [localOffer],
    );
    assert.equal(res.body.imported.length, 1);
    const [m] = res.body.imported;
    assert.equal(m.offer.id, importedId);
    assert.equal(m.offer.imported, true);
    assert.equal(m.offer.origin, 'san-da-nang');
    assert.equal(m.offer.partnerName, 'Sàn Đà Nẵng');
    assert.equal(m.offer.homeUrl, 'http://127.0.0.1:9/offers/o1');
    assert.equal(m.offer.organizationName, 'Viện Công nghệ Đà Nẵng');
    assert.ok(m.score >= 0.25 && m.score <= 1);
    assert.ok(m.reasons.includes('same field: environmental engineering'), m.reasons.join('; '));
  });

  it('a withdrawn (tombstoned) imported offer is no longer matched', async () => {
    const demandId = await createDemand(t.ctx, owner(enterprise));
    const importedId = await importListing('offer', 'o2');
    const before = await request(t.app).get(`/api/demands/${demandId}/matches`).expect(200);
    assert.equal(before.body.imported.length, 1);

    // What a tombstone in the partner's feed does (import.service): the copy, then its index entry.
    assert.ok(await removeImportedListing(importedId));
    const lagging = await request(t.app).get(`/api/demands/${demandId}/matches`).expect(200);
    assert.deepEqual(
      lagging.body.imported,
      [],
      'a copy gone from the store is not matched even if still indexed',
    );
    await t.ctx.search.remove([importedId]);
    const after = await request(t.app).get(`/api/demands/${demandId}/matches`).expect(200);
    assert.deepEqual(after.body.imported, []);
  });

  it("a partner's demand is among a local offer's matches", async () => {
    const offerId = await createOffer(t.ctx, owner(institute));
    const importedId = await importListing('demand', 'd1');
    const res = await request(t.app).get(`/api/offers/${offerId}/matches`).expect(200);
    assert.deepEqual(res.body.matches, []);
    assert.deepEqual(
      res.body.imported.map((m: { demand: { id: string; origin: string } }) => [
        m.demand.id,
        m.demand.origin,
      ]),
      [[importedId, 'san-da-nang']],
    );
  });

  it('with nothing imported the imported group is empty', async () => {
    const demandId = await createDemand(t.ctx, owner(enterprise));
    await createOffer(t.ctx, owner(institute));
    const res = await request(t.app).get(`/api/demands/${demandId}/matches`).expect(200);
    assert.equal(res.body.matches.length, 1);
    assert.deepEqual(res.body.imported, []);
  });

  it("a suspended partner's listings are neither searched, matched nor shown (but to operators), and come back on activation without a pull", async () => {
    const demandId = await createDemand(t.ctx, owner(enterprise));
    const importedId = await importListing('offer', 'o3');
    const operator = await signInAdmin(t.app);
    const searched = async () =>
      (await request(t.app).get('/api/search?q=n%C6%B0%E1%BB%9Bc%20th%E1%BA%A3i').expect(200)).body.hits.map(
        (h: { id: string }) => h.id,
      );
    const matched = async () =>
      (await request(t.app).get(`/api/demands/${demandId}/matches`).expect(200)).body.imported.map(
        (m: { offer: { id: string } }) => m.offer.id,
      );
    const byOrigin = async () =>
      (await request(t.app).get('/api/search?origin=san-da-nang').expect(200)).body.hits.length;
    const setStatus = (status: string) =>
      operator.agent.patch(`/api/admin/partners/${partnerId}`).send({ status }).expect(200);

    assert.ok((await searched()).includes(importedId), 'found before the suspension');
    assert.deepEqual(await matched(), [importedId]);
    assert.equal(await byOrigin(), 1);
    await request(t.app).get(`/api/federation/imported/${importedId}`).expect(200);

    assert.equal((await setStatus('suspended')).body.partner.status, 'suspended');
    assert.ok(!(await searched()).includes(importedId), 'not found while the partner is suspended');
    assert.deepEqual(await matched(), []);
    assert.equal(await byOrigin(), 0, 'not even when its origin is asked for');
    await request(t.app).get(`/api/federation/imported/${importedId}`).expect(404);
    await enterprise.agent.get(`/api/federation/imported/${importedId}`).expect(404);
    const seen = await operator.agent.get(`/api/federation/imported/${importedId}`).expect(200);
    assert.equal(seen.body.listing.id, importedId, 'operators still see it');
    await enterprise.agent.patch(`/api/admin/partners/${partnerId}`).send({ status: 'active' }).expect(403);

    assert.equal((await setStatus('active')).body.partner.status, 'active');
    assert.ok((await searched()).includes(importedId), 'found again once active, without a pull');
    assert.deepEqual(await matched(), [importedId]);
    await request(t.app).get(`/api/federation/imported/${importedId}`).expect(200);
  });
});
