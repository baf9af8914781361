import assert from 'node:assert/strict';
import { toMeiliDocument } from '../../search/meili/document';
import { exactCode, exactCodesOf } from '../../search/meili/exact-code';
import {
  buildMeiliCountParams,
  buildMeiliFilter,
  buildMeiliSearchParams,
  queryWords,
} from '../../search/meili/params';
import { buildMeiliSettings, buildSynonyms } from '../../search/meili/settings';
import type { SearchDoc } from '../../search/types';

describe('Meilisearch settings', () => {
  const settings = buildMeiliSettings();

  it('searches the folded copies (title first) and the exact-diacritic codes', () => {
    assert.deepEqual(settings.searchableAttributes, [
      'titleFolded',
      'keywordsFolded',
      'summaryFolded',
      'bodyFolded',
      'exactCodes',
    ]);
  });

  it('can filter, facet and sort on the listing attributes', () => {
    for (const attribute of [
      'id',
      'kind',
      'field',
      'subField',
      'trl',
      'transferModes',
      'province',
      'currency',
      'price',
    ]) {
      assert.ok(settings.filterableAttributes?.includes(attribute), attribute);
    }
    assert.deepEqual(settings.sortableAttributes, ['publishedAtTs', 'price']);
  });

  it("keeps Meilisearch's typo defaults and turns typos off on the exact codes", () => {
    assert.deepEqual(settings.typoTolerance, {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnAttributes: ['exactCodes'],
    });
  });

  it('ranks by explicit sort first, then the default rules, then newest', () => {
    assert.deepEqual(settings.rankingRules, [
      'sort',
      'words',
      'typo',
      'proximity',
      'attribute',
      'exactness',
      'publishedAtTs:desc',
    ]);
  });

  it('pairs Vietnamese and English synonyms in folded form, both ways', () => {
    const synonyms = buildSynonyms();
    assert.ok(synonyms['nuoc thai'].includes('wastewater'));
    assert.ok(synonyms.wastewater.includes('nuoc thai'));
    assert.ok(synonyms['dien mat troi'].includes('solar power'));
    assert.ok(synonyms['renewable energy'].includes('nang luong tai tao'));
    // Meilisearch reads synonyms of at most three query words: a longer key would never apply.
    assert.equal(synonyms['nang luong tai tao'], undefined);
    // Typed with diacritics, the Vietnamese term is sent as its exact codes.
    assert.ok(synonyms['nuzoozozsc thazri'].includes('wastewater'));
    assert.deepEqual(settings.synonyms, synonyms);
  });

  it('counts totals exactly for large results', () => {
    assert.equal(settings.pagination?.maxTotalHits, 1_000_000);
  });
});

describe('Meilisearch filter', () => {
  it('without filters asks for this exchange’s own listings alone, and for every origin only when told', () => {
    assert.deepEqual(buildMeiliFilter({ q: 'x' }), ['origin = "local"']);
    assert.deepEqual(buildMeiliFilter({ q: 'x', origin: '*' }), []);
    assert.deepEqual(buildMeiliFilter({ q: 'x', origin: 'san-ha-noi' }), ['origin = "san-ha-noi"']);
  });

  it('turns every filter into one AND-ed condition', () => {
    assert.deepEqual(
      buildMeiliFilter({
        kind: 'offer',
        field: 'engineering_technology',
        subField: 'energy_engineering',
        trlMin: 4,
        trlMax: 8,
        transferMode: 'consulting',
        province: 'da_nang',
        currency: 'VND',
        priceMin: 1000,
        priceMax: 5000,
      }),
      [
        'kind = "offer"',
        'field = "engineering_technology"',
        'subField = "energy_engineering"',
        'trl >= 4',
        'trl <= 8',
        'transferModes = "consulting"',
        'province = "da_nang"',
        'currency = "VND"',
        'origin = "local"',
        'price >= 1000',
        'price <= 5000',
      ],
    );
  });

  it('quotes values so they cannot break out of the expression', () => {
    assert.deepEqual(buildMeiliFilter({ province: 'x" OR kind = "demand', origin: 'a" OR origin = "b' }), [
      'province = "x\\" OR kind = \\"demand"',
      'origin = "a\\" OR origin = \\"b"',
    ]);
  });
});

describe('Meilisearch search params', () => {
  it('asks with the folded words, the last strategy, facets and the page, and retrieves what a hit shows (its thumbnail too)', () => {
    assert.deepEqual(
      buildMeiliSearchParams({ q: 'Xử lý NƯỚC thải', province: 'ha_noi', page: 2, limit: 10 }),
      {
        q: 'xu ly nuoc thai',
        matchingStrategy: 'last',
        filter: ['province = "ha_noi"', 'origin = "local"'],
        facets: ['field', 'trl', 'transferModes', 'province', 'origin'],
        page: 2,
        hitsPerPage: 10,
        attributesToRetrieve: [
          'id',
          'kind',
          'title',
          'summary',
          'field',
          'trl',
          'province',
          'price',
          'currency',
          'thumbUrl',
          'origin',
        ],
      },
    );
  });

  it('maps the sorts, and defaults to page 1 of 20, capped at 100', () => {
    assert.deepEqual(buildMeiliSearchParams({ sort: 'newest' }).sort, ['publishedAtTs:desc']);
    assert.deepEqual(buildMeiliSearchParams({ sort: 'price_asc' }).sort, ['price:asc', 'publishedAtTs:desc']);
    assert.deepEqual(buildMeiliSearchParams({ sort: 'price_desc' }).sort, [
      'price:desc',
      'publishedAtTs:desc',
    ]);
    assert.equal(buildMeiliSearchParams({ sort: 'relevance' }).sort, undefined);
    const params = buildMeiliSearchParams({ limit: 1000 });
    assert.equal(params.page, 1);
    assert.equal(params.hitsPerPage, 100);
    assert.equal(buildMeiliSearchParams({}).hitsPerPage, 20);
  });

  it('counts the docs holding the first words with the all strategy and no hits', () => {
    const q = { q: 'xu ly nuoc thau', kind: 'offer' as const };
    assert.deepEqual(buildMeiliCountParams(q, queryWords(q), 3), {
      // the trailing space: "nuoc" is a whole word, not a prefix, once "thau" is dropped
      q: 'xu ly nuoc ',
      matchingStrategy: 'all',
      filter: ['kind = "offer"', 'origin = "local"'],
      facets: ['field', 'trl', 'transferModes', 'province', 'origin'],
      page: 1,
      hitsPerPage: 0,
    });
  });
});

describe('Meilisearch documents', () => {
  it('encodes words with diacritics as distinct ASCII codes (bán, bàn, bạn differ)', () => {
    const codes = ['bán', 'bàn', 'bạn', 'ban'].map(exactCode);
    assert.equal(new Set(codes).size, 4);
    assert.equal(exactCode('đà'), 'dzdazf');
    assert.equal(exactCodesOf('Bán bàn ở Đà Nẵng now'), 'bazsn bazfn ozozr dzdazf nazwzxng');
  });

  it('stores folded copies, the exact codes, a numeric date and leaves out a missing price', () => {
    const doc: SearchDoc = {
      id: 'l1',
      kind: 'offer',
      title: 'Xử lý nước thải',
      summary: 'Đà Nẵng',
      body: 'Bể lọc',
      keywords: ['nước thải', 'wastewater'],
      field: 'engineering_technology',
      trl: 6,
      transferModes: ['consulting', 'consulting'],
      province: 'da_nang',
      language: 'vi',
      organizationId: 'o1',
      publishedAt: '2025-01-02T03:04:05.000Z',
    };
    const stored = toMeiliDocument(doc);
    assert.equal(stored.titleFolded, 'xu ly nuoc thai');
    assert.equal(stored.summaryFolded, 'da nang');
    assert.equal(stored.keywordsFolded, 'nuoc thai, wastewater');
    assert.equal(stored.publishedAtTs, Date.parse('2025-01-02T03:04:05.000Z'));
    assert.deepEqual(stored.transferModes, ['consulting']);
    assert.equal('price' in stored, false);
    assert.equal('currency' in stored, false);
    assert.equal(toMeiliDocument({ ...doc, price: 5, currency: 'USD' }).price, 5);
  });
});
