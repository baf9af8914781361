/** The pure rule deciding whether a new listing satisfies a saved search (no database). */
import assert from 'node:assert/strict';
import { alertListingFromDoc, listingMatchesAlert, type AlertListing } from '../../server/alerts/alert-match';

const offer: AlertListing = alertListingFromDoc('offer', {
  title: 'Công nghệ xử lý nước thải bằng màng MBR',
  summary: 'Đạt cột A.',
  description: 'Tái sử dụng nước cho nhà máy Đà Nẵng.',
  keywords: ['màng lọc'],
  field: 'engineering_technology',
  subField: 'environmental_engineering',
  trl: 7,
  transferModes: ['turnkey'],
  province: 'ha_noi',
  pricing: { model: 'fixed', amount: 500_000_000, currency: 'VND' },
});

const matches = (q: string, filters = {}) => listingMatchesAlert({ q, filters }, offer);

describe('alert matching', () => {
  it('every word must occur, compared without tones or đ', () => {
    assert.ok(matches('xử lý nước thải'));
    assert.ok(matches('XU LY nuoc thai'));
    assert.ok(matches('da nang'));
    assert.ok(matches('mang loc'));
    assert.ok(!matches('nước thải dệt nhuộm'));
  });

  it('an empty query matches on the filters alone', () => {
    assert.ok(matches('', { kind: 'offer' }));
    assert.ok(!matches('', { kind: 'demand' }));
  });

  it('each filter must hold', () => {
    assert.ok(matches('', { field: 'engineering_technology', province: 'ha_noi', transferMode: 'turnkey' }));
    assert.ok(!matches('', { field: 'medical_health' }));
    assert.ok(matches('', { subField: 'environmental_engineering' }));
    assert.ok(!matches('', { subField: 'energy_engineering' }));
    assert.ok(!matches('', { province: 'hue' }));
    assert.ok(!matches('', { transferMode: 'assignment' }));
    assert.ok(matches('', { trlMin: 7, trlMax: 7 }));
    assert.ok(!matches('', { trlMin: 8 }));
    assert.ok(!matches('', { trlMax: 6 }));
  });

  it('price bounds apply in the listing’s currency only', () => {
    assert.ok(matches('', { currency: 'VND', priceMin: 100_000_000, priceMax: 500_000_000 }));
    assert.ok(!matches('', { priceMax: 499_999_999 }));
    assert.ok(!matches('', { currency: 'USD' }));
  });

  it('a listing without a price fails any price bound', () => {
    const negotiable = { ...offer, price: null, currency: null };
    assert.ok(!listingMatchesAlert({ q: '', filters: { priceMin: 1 } }, negotiable));
    assert.ok(listingMatchesAlert({ q: 'nước', filters: {} }, negotiable));
  });

  it('a demand is judged by its minimum TRL and the top of its budget', () => {
    const demand = alertListingFromDoc('demand', {
      title: 'Cần robot hàn',
      problem: 'Hàn kết cấu thép',
      field: 'engineering_technology',
      minTrl: 6,
      transferModes: [],
      budget: { min: 1, max: 2_000_000_000, currency: 'VND' },
    });
    assert.ok(
      listingMatchesAlert(
        { q: 'robot han', filters: { kind: 'demand', trlMax: 6, priceMin: 2_000_000_000 } },
        demand,
      ),
    );
    assert.ok(!listingMatchesAlert({ q: 'robot', filters: { kind: 'offer' } }, demand));
  });
});
