/** Imported listings as the matcher sees them and as a match shows them (no database). */
import assert from 'node:assert/strict';
import { importedMatchable, importedMatchListingView } from '../../server/federation/imported-matchable';
import { scorePair } from '../../server/matching/matcher';
import type { MatchableDemand } from '../../server/matching/matchable';
import type { ImportedListingDoc } from '../../server/federation';

const doc = (kind: 'offer' | 'demand', price?: number): ImportedListingDoc => ({
  _id: `p1-${kind}-r1`,
  partnerId: 'p1',
  origin: 'san-da-nang',
  kind,
  remoteId: 'r1',
  changedAt: new Date(0),
  importedAt: new Date(0),
  listing: {
    title: 'Màng lọc MBR',
    summary: 'Xử lý nước thải',
    body: 'Màng lọc sợi rỗng. Vận hành 3 năm.',
    keywords: ['màng lọc'],
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    trl: 7,
    transferModes: ['turnkey'],
    province: '',
    ...(price === undefined ? {} : { price, currency: 'VND' as const }),
    language: 'vi',
    publishedAt: '2026-01-01T00:00:00.000Z',
    organizationName: 'Viện Đà Nẵng',
  },
});

describe('imported listings in matching', () => {
  it('an offer: its body the description, its price a price of no known model', () => {
    const m = importedMatchable(doc('offer', 100));
    assert.equal(m.kind, 'offer');
    if (m.kind !== 'offer') return;
    assert.equal(m.description, 'Màng lọc sợi rỗng. Vận hành 3 năm.');
    assert.equal(m.trl, 7);
    assert.deepEqual(m.pricing, { model: null, amount: 100, currency: 'VND' });
    assert.equal(m.province, null);
    assert.equal(m.organizationId, 'san-da-nang:Viện Đà Nẵng');
  });

  it('a demand: its TRL the minimum, its price the top of the budget', () => {
    const m = importedMatchable(doc('demand', 500));
    assert.equal(m.kind, 'demand');
    if (m.kind !== 'demand') return;
    assert.equal(m.problem, 'Màng lọc sợi rỗng. Vận hành 3 năm.');
    assert.equal(m.minTrl, 7);
    assert.deepEqual(m.budget, { max: 500, currency: 'VND' });
    assert.equal((importedMatchable(doc('demand')) as MatchableDemand).budget, null);
  });

  it('is scored like any listing', () => {
    const offer = importedMatchable(doc('offer', 100));
    const demand = { ...importedMatchable(doc('demand', 500)), id: 'local', organizationId: 'o' };
    const { score, reasons } = scorePair(demand, offer, 1);
    assert.ok(score > 0.5);
    assert.ok(reasons.some((r) => r.code === 'same_sub_field'));
  });

  it('shows its home exchange and never its local actions', () => {
    const view = importedMatchListingView(doc('offer', 100), {
      name: 'Sàn Đà Nẵng',
      url: 'https://dn.example/offers/r1',
    });
    assert.equal(view.imported, true);
    assert.equal(view.origin, 'san-da-nang');
    assert.equal(view.partnerName, 'Sàn Đà Nẵng');
    assert.equal(view.homeUrl, 'https://dn.example/offers/r1');
    assert.equal(view.price, 100);
    assert.equal(importedMatchListingView(doc('offer'), null).partnerName, 'san-da-nang');
  });
});
