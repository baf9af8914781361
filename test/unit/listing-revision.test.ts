import assert from 'node:assert/strict';
import {
  lockedRevisionField,
  planListingRevision,
  revisedListing,
  revisionChanges,
} from '../../server/listings/listing-revision';

const offer = {
  title: 'Công nghệ màng MBR',
  summary: 'Tóm tắt',
  keywords: ['mbr'],
  province: 'ha_noi',
  pricing: { model: 'fixed', amount: 100, currency: 'VND' },
  ndaText: 'Giữ bí mật',
};

describe('revisions of published listings (pure rules)', () => {
  it('when a patch repeats published values, then only the fields that differ are changes; null clears a set field only', () => {
    const changes = revisionChanges(offer, {
      title: 'Công nghệ màng MBR',
      summary: 'Tóm tắt mới',
      keywords: ['mbr'],
      pricing: { currency: 'VND', amount: 100, model: 'fixed' },
      province: null,
      subField: null,
    });
    assert.deepEqual(changes, {
      set: { summary: 'Tóm tắt mới' },
      unset: ['province'],
      fields: ['summary', 'province'],
    });
    const revised = revisedListing(offer, changes);
    assert.equal(revised.summary, 'Tóm tắt mới');
    assert.equal('province' in revised, false);
    assert.equal(offer.province, 'ha_noi');
  });

  it('when a published listing would change what others acted on, then the field is named', () => {
    const auction = {
      ...offer,
      pricing: { model: 'auction', amount: 100, reservePrice: 150, currency: 'VND' },
    };
    const cheaper = revisionChanges(auction, { pricing: { ...auction.pricing, amount: 50 } });
    assert.equal(lockedRevisionField('offer', auction, cheaper)?.field, 'pricing');
    const toAuction = revisionChanges(offer, { pricing: { model: 'auction', amount: 1, currency: 'VND' } });
    assert.equal(lockedRevisionField('offer', offer, toAuction)?.field, 'pricing');
    const fixedPrice = revisionChanges(offer, { pricing: { model: 'fixed', amount: 90, currency: 'VND' } });
    assert.equal(lockedRevisionField('offer', offer, fixedPrice), undefined);
    const nda = revisionChanges(offer, { ndaText: 'Khác' });
    assert.equal(lockedRevisionField('offer', offer, nda)?.field, 'ndaText');
    const demand = { mode: 'open' };
    const mode = revisionChanges(demand, { mode: 'call_for_proposals' });
    assert.equal(lockedRevisionField('demand', demand, mode)?.field, 'mode');
  });

  it('when someone else, or the owner of a listing not published or of an unverified organization asks, then the revision is refused', () => {
    assert.deepEqual(planListingRevision('published', { kind: 'owner', verifiedOrg: true }), {
      ok: true,
      to: 'published',
    });
    const refusal = (status: string, actor: Parameters<typeof planListingRevision>[1]) => {
      const plan = planListingRevision(status, actor);
      return plan.ok ? 'ok' : plan.reason;
    };
    assert.equal(refusal('published', { kind: 'other' }), 'forbidden');
    assert.equal(refusal('published', { kind: 'admin' }), 'forbidden');
    assert.equal(refusal('closed', { kind: 'owner', verifiedOrg: true }), 'invalid_state');
    assert.equal(refusal('published', { kind: 'owner', verifiedOrg: false }), 'unverified_org');
  });
});
