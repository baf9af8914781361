import assert from 'node:assert/strict';
import { PROVINCE_CODES, TRANSFER_MODES } from '../../server/api-contract/enums';
import { SUB_FIELD_CODES } from '../../server/api-contract/taxonomy';
import { searchQueryMix } from '../../scripts/bench/search-queries';
import { generateSyntheticListings, toSearchDoc } from '../../scripts/synthetic/listings';

describe('synthetic listings', () => {
  const listings = generateSyntheticListings(2000, 7);

  it('are the same for the same seed and differ for another', () => {
    assert.deepEqual(generateSyntheticListings(50, 7), listings.slice(0, 50));
    assert.notDeepEqual(generateSyntheticListings(50, 8), listings.slice(0, 50));
  });

  it('cover every sub-field, many provinces, all TRLs and transfer modes, both kinds and languages', () => {
    assert.deepEqual(new Set(listings.map((l) => l.subField)), new Set(SUB_FIELD_CODES));
    assert.ok(new Set(listings.map((l) => l.province)).size >= PROVINCE_CODES.length - 2);
    assert.deepEqual(new Set(listings.map((l) => l.trl)), new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    assert.deepEqual(new Set(listings.flatMap((l) => l.transferModes)), new Set(TRANSFER_MODES));
    assert.deepEqual(new Set(listings.map((l) => l.kind)), new Set(['offer', 'demand']));
    assert.deepEqual(new Set(listings.map((l) => l.language)), new Set(['vi', 'en']));
  });

  it('carry Vietnamese text with diacritics and integer prices in VND and USD minor units', () => {
    assert.ok(listings.some((l) => /[ạ-ỹđ]/.test(l.title)));
    const priced = listings.filter((l) => l.pricing.amount !== undefined);
    assert.ok(priced.every((l) => Number.isInteger(l.pricing.amount)));
    assert.deepEqual(new Set(priced.map((l) => l.pricing.currency)), new Set(['VND', 'USD']));
  });

  it('convert to search documents with the description as body', () => {
    const doc = toSearchDoc(listings[0]);
    assert.equal(doc.body, listings[0].description);
    assert.equal(doc.id, listings[0].id);
  });

  it('come with a query mix for benchmarks: words with and without diacritics, filters, browsing', () => {
    const mix = searchQueryMix();
    assert.ok(mix.some((q) => q.q && /[ạ-ỹđ]/.test(q.q)));
    assert.ok(mix.some((q) => q.q && /^[a-z ]+$/.test(q.q)));
    assert.ok(mix.some((q) => !q.q && q.kind === undefined && q.sort === undefined));
    assert.ok(mix.some((q) => q.q && q.province));
  });
});
