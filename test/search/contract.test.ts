/**
 * One behaviour contract for every search engine: runs on the embedded engine always, and on
 * Meilisearch too when the global fixture started one (or TEST_MEILI_HOST is set).
 */
import assert from 'node:assert/strict';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EmbeddedSearchEngine } from '../../search/embedded/embedded-engine';
import { MeiliSearchEngine } from '../../search/meili/meili-engine';
import { WorkerSearchEngine } from '../../search/worker/worker-engine';
import type { SearchEngine, SearchQuery, SearchResult } from '../../search/types';
import { freshIndexName, meiliAvailable, meiliForTests } from '../helpers/search-engine';
import { CONTRACT_DOCS, fixture } from './fixtures';
import { skipBecause } from '../helpers/skip';

interface EngineUnderTest {
  name: string;
  /** A fresh, empty engine; the same `place` reopens the same index. */
  make(place?: string): SearchEngine;
  newPlace(): string;
  /** Why this engine cannot run here, when it cannot. */
  unavailable?: string;
}

const ENGINES: EngineUnderTest[] = [
  {
    name: 'embedded',
    make: (place) => new EmbeddedSearchEngine(place ?? ':memory:'),
    newPlace: () => join(mkdtempSync(join(tmpdir(), 'search-contract-')), 'index.sqlite'),
  },
  {
    name: 'embedded on its worker thread',
    make: (place) => new WorkerSearchEngine(place ?? ':memory:'),
    newPlace: () => join(mkdtempSync(join(tmpdir(), 'search-contract-')), 'index.sqlite'),
  },
];
// Meilisearch is always registered, so a machine without it counts the same tests: each one
// is then skipped with the reason, and the baseline guard counts explained skips as run.
{
  const newPlace = (): string => freshIndexName('contract');
  ENGINES.push({
    name: 'meilisearch',
    make: (place) => new MeiliSearchEngine({ ...meiliForTests(), indexName: place ?? newPlace() }),
    newPlace,
    unavailable: meiliAvailable() ? undefined : 'engine not available: MEILI_HOST is unset',
  });
}

const ids = (result: SearchResult): string[] => result.hits.map((h) => h.id);
const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

for (const engineUnderTest of ENGINES) {
  describe(`search engine contract: ${engineUnderTest.name}`, function () {
    this.timeout(60_000);
    let engine: SearchEngine;
    const search = (q: SearchQuery): Promise<SearchResult> => engine.search(q);

    async function loaded(): Promise<SearchEngine> {
      const fresh = engineUnderTest.make();
      await fresh.open();
      await fresh.upsert(CONTRACT_DOCS);
      return fresh;
    }

    before(async function () {
      if (engineUnderTest.unavailable) skipBecause(this, engineUnderTest.unavailable);
      engine = await loaded();
    });

    after(async () => {
      await engine?.close();
    });

    describe('matching', () => {
      it('when the user types "cong nghe xu ly nuoc thai" without diacritics, then "công nghệ xử lý nước thải" is found first', async () => {
        const result = await search({ q: 'cong nghe xu ly nuoc thai' });
        assert.equal(ids(result)[0], 'wastewater');
      });

      it('when the user types "xử lý nước thải" with diacritics, then the wastewater listing is found', async () => {
        const result = await search({ q: 'xử lý nước thải' });
        assert.equal(ids(result)[0], 'wastewater');
      });

      it('when the last word has a typo too short to tolerate ("xu ly nuoc thau"), then the word is dropped and the listing still found', async () => {
        const result = await search({ q: 'xu ly nuoc thau' });
        assert.deepEqual(ids(result), ['wastewater']);
        assert.equal(result.total, 1);
      });

      it('when a word of 9+ letters has one typo ("wastewatr"), then listings with "wastewater" are found', async () => {
        const result = await search({ q: 'wastewatr' });
        assert.deepEqual(new Set(ids(result)), new Set(['wastewater', 'wastewater-en']));
      });

      it('when a word of 5–8 letters has one typo ("treatmnt"), then it is tolerated', async () => {
        const result = await search({ q: 'wastewater treatmnt' });
        assert.ok(ids(result).includes('wastewater-en'));
        assert.equal(result.total, 2);
      });

      it('when the typo is on the first letter it costs two, so only words of 9+ letters tolerate it', async () => {
        assert.deepEqual(
          new Set(ids(await search({ q: 'qastewater' }))),
          new Set(['wastewater', 'wastewater-en']),
        );
        assert.equal((await search({ q: 'qastewatr' })).total, 0);
      });

      it('when the last word is unfinished ("nuôi tô"), then it is searched as a prefix', async () => {
        assert.deepEqual(ids(await search({ q: 'nuôi tô' })), ['shrimp']);
        assert.equal(ids(await search({ q: 'xử lý nước th' }))[0], 'wastewater');
      });

      it('when an earlier word is unfinished, then it is not searched as a prefix', async () => {
        assert.equal((await search({ q: 'nuô ' })).total, 0);
        const result = await search({ q: 'nuô tôm' });
        assert.deepEqual(ids(result), ['shrimp']);
        assert.equal(result.hits[0].highlight.title, 'Quy trình nuôi <mark>tôm</mark> thẻ chân trắng');
      });

      it('when the user types "da nang", then "Đà Nẵng" is found (đ folds to d)', async () => {
        assert.deepEqual(ids(await search({ q: 'da nang' })), ['air-danang']);
        assert.deepEqual(ids(await search({ q: 'DA NANG' })), ['air-danang']);
        assert.deepEqual(ids(await search({ q: 'Đà Nẵng' })), ['air-danang']);
      });

      it('when the query carries diacritics, then only listings with those diacritics match (bán, bàn, bạn)', async () => {
        for (const [q, expected] of [
          ['bán', 'sell'],
          ['bàn', 'desk'],
          ['bạn', 'friend'],
        ]) {
          assert.deepEqual(ids(await search({ q })), [expected], `query ${q}`);
        }
      });

      it('when the query carries no diacritics, then every listing with the folded word matches (ban)', async () => {
        assert.deepEqual(new Set(ids(await search({ q: 'ban' }))), new Set(['sell', 'desk', 'friend']));
      });

      it('when a request is phrased with filler words, then they are not required to match', async () => {
        const result = await search({ q: 'Cần công nghệ nào cho nuôi tôm không?' });
        assert.equal(ids(result)[0], 'shrimp');
        assert.equal(
          (await search({ q: 'looking for a wastewater treatment for the villages' })).hits[0].id,
          'wastewater-en',
        );
      });

      it('when the query is in the other language, then the vi↔en dictionary finds the listing', async () => {
        assert.ok(ids(await search({ q: 'solar power' })).includes('solar'));
        assert.ok(ids(await search({ q: 'shrimp' })).includes('shrimp'));
        assert.ok(ids(await search({ q: 'nước thải' })).includes('wastewater-en'));
      });

      it('when all words match too few listings, then the most common words are dropped first and full matches rank first', async () => {
        // "sinh", "hoat" and "nuoc thai" (or its synonym "wastewater") are each in fewer
        // listings than "dien"; the later of equally rare words goes first.
        const result = await search({ q: 'dien nuoc thai sinh hoat' });
        assert.equal(ids(result)[0], 'wastewater');
        assert.deepEqual(new Set(ids(result)), new Set(['wastewater', 'wastewater-en']));
        assert.equal(result.total, 2);
      });

      it('when all words already fill a page, then no word is dropped', async () => {
        const result = await search({ q: 'nuoc thai sinh hoat', limit: 1 });
        assert.deepEqual(ids(result), ['wastewater']);
        assert.equal(result.total, 1);
      });

      it('when the query is empty, then every listing is returned, newest first', async () => {
        const result = await search({ limit: 100 });
        assert.equal(result.total, CONTRACT_DOCS.length);
        const newest = [...CONTRACT_DOCS]
          .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
          .map((d) => d.id);
        assert.deepEqual(ids(result), newest);
      });

      it('when nothing matches, then the result is empty with zero facets', async () => {
        const result = await search({ q: 'zzzzqqq' });
        assert.equal(result.total, 0);
        assert.deepEqual(result.hits, []);
        assert.deepEqual(result.facets, { field: {}, trl: {}, transferModes: {}, province: {}, origin: {} });
      });
    });

    describe('filters', () => {
      const cases: [string, SearchQuery, string[]][] = [
        ['kind', { kind: 'demand' }, ['wastewater-en', 'shrimp']],
        ['field', { field: 'natural_sciences' }, ['air-danang']],
        ['subField', { subField: 'energy_engineering' }, ['solar']],
        ['trlMin', { trlMin: 7 }, ['wastewater', 'sell', 'solar', 'water-meter']],
        ['trlMax', { trlMax: 3 }, ['friend', 'escaping']],
        ['transferMode', { transferMode: 'consulting' }, ['wastewater', 'friend', 'solar']],
        ['province', { province: 'da_nang' }, ['air-danang', 'solar']],
        ['currency', { currency: 'USD' }, ['wastewater-en', 'air-danang']],
        [
          'priceMin with currency',
          { currency: 'VND', priceMin: 100_000_000 },
          ['wastewater', 'shrimp', 'solar'],
        ],
        ['priceMax with currency', { currency: 'VND', priceMax: 50_000_000 }, ['water-meter']],
        ['several filters combine with AND', { kind: 'offer', province: 'da_nang', trlMin: 5 }, ['solar']],
        ['a filter together with words', { q: 'nuoc', province: 'hai_phong' }, ['water-meter']],
        ['an unknown value', { province: 'atlantis' }, []],
      ];
      for (const [name, query, expected] of cases) {
        it(`when filtering by ${name}, then exactly the matching listings are returned`, async () => {
          const result = await search({ ...query, limit: 100 });
          assert.deepEqual(new Set(ids(result)), new Set(expected));
          assert.equal(result.total, expected.length);
        });
      }
    });

    describe('facets', () => {
      const queries: SearchQuery[] = [
        {},
        { q: 'cong nghe' },
        { kind: 'offer' },
        { q: 'nuoc', trlMin: 5 },
        { transferMode: 'co_development' },
      ];
      for (const query of queries) {
        it(`when searching ${JSON.stringify(query)}, then facet counts add up to the filtered total`, async () => {
          const result = await search({ ...query, limit: 100 });
          assert.equal(sum(result.facets.field), result.total);
          assert.equal(sum(result.facets.trl), result.total);
          assert.equal(sum(result.facets.province), result.total);
          const modes: Record<string, number> = {};
          for (const id of ids(result))
            for (const m of fixture(id).transferModes) modes[m] = (modes[m] ?? 0) + 1;
          assert.deepEqual(result.facets.transferModes, modes);
          const trl: Record<string, number> = {};
          for (const id of ids(result))
            trl[String(fixture(id).trl)] = (trl[String(fixture(id).trl)] ?? 0) + 1;
          assert.deepEqual(result.facets.trl, trl);
        });
      }

      it('when the result spans several pages, then facets still count every page', async () => {
        const result = await search({ limit: 2 });
        assert.equal(result.hits.length, 2);
        assert.equal(sum(result.facets.field), CONTRACT_DOCS.length);
        assert.equal(result.facets.province.da_nang, 2);
      });
    });

    describe('sorting and pages', () => {
      it('when sorting by newest, then listings come by publication date, latest first', async () => {
        const result = await search({ q: 'cong nghe', sort: 'newest', limit: 100 });
        const dates = ids(result).map((id) => fixture(id).publishedAt);
        assert.deepEqual(dates, [...dates].sort().reverse());
      });

      it('when sorting by price ascending, then cheapest first and listings without a price last', async () => {
        const vnd = await search({ currency: 'VND', sort: 'price_asc', limit: 100 });
        assert.deepEqual(ids(vnd), ['water-meter', 'desk', 'solar', 'shrimp', 'wastewater']);
        const all = await search({ sort: 'price_asc', limit: 100 });
        assert.deepEqual(new Set(ids(all).slice(-3)), new Set(['sell', 'friend', 'escaping']));
      });

      it('when sorting by price descending, then dearest first and listings without a price last', async () => {
        const vnd = await search({ currency: 'VND', sort: 'price_desc', limit: 100 });
        assert.deepEqual(ids(vnd), ['wastewater', 'shrimp', 'solar', 'desk', 'water-meter']);
        const all = await search({ sort: 'price_desc', limit: 100 });
        assert.deepEqual(new Set(ids(all).slice(-3)), new Set(['sell', 'friend', 'escaping']));
      });

      it('when paging, then pages are disjoint, in order, and report the same total', async () => {
        const full = ids(await search({ limit: 100 }));
        const pages: string[] = [];
        for (let page = 1; page <= 4; page++) {
          const result = await search({ limit: 3, page });
          assert.equal(result.total, CONTRACT_DOCS.length);
          assert.equal(result.page, page);
          assert.equal(result.limit, 3);
          pages.push(...ids(result));
        }
        assert.deepEqual(pages, full);
        assert.deepEqual((await search({ limit: 3, page: 5 })).hits, []);
      });

      it('when asking for more than 100 per page, then 100 is used', async () => {
        assert.equal((await search({ limit: 500 })).limit, 100);
        assert.equal((await search({})).limit, 20);
      });
    });

    describe('hits', () => {
      it('when words match, then title and summary mark them, exact or folded', async () => {
        const [hit] = (await search({ q: 'xu ly' })).hits;
        assert.equal(hit.highlight.title, 'Công nghệ <mark>xử</mark> <mark>lý</mark> nước thải sinh hoạt');
        assert.ok(hit.highlight.summary.startsWith('Hệ thống <mark>xử</mark> <mark>lý</mark> nước thải'));
      });

      it('when the text holds HTML, then the highlight escapes it', async () => {
        const [hit] = (await search({ q: 'composite' })).hits;
        assert.equal(hit.highlight.title, 'Vật liệu &lt;nano&gt; &amp; <mark>composite</mark>');
        assert.equal(hit.highlight.summary, 'Lớp phủ &quot;siêu kỵ nước&quot; cho kính.');
      });

      it('a hit carries the listing fields, with price and currency only when priced', async () => {
        const [priced] = (await search({ q: 'wastewater', kind: 'demand' })).hits;
        assert.deepEqual(
          { ...priced, highlight: undefined },
          {
            id: 'wastewater-en',
            kind: 'demand',
            title: 'Compact wastewater treatment unit for craft villages',
            summary: 'We need a low cost unit to treat wastewater from food processing.',
            field: 'engineering_technology',
            trl: 6,
            province: 'bac_ninh',
            price: 2_500_000,
            currency: 'USD',
            highlight: undefined,
          },
        );
        const [free] = (await search({ q: 'ket ban' })).hits;
        assert.equal(free.id, 'friend');
        assert.equal('price' in free, false);
        assert.equal('currency' in free, false);
      });
    });

    describe('relevance()', () => {
      it('ranks listings of the requested kind by how many words of the text they share, best = 1', async () => {
        const ranked = await engine.relevance('Cần công nghệ xử lý nước thải sinh hoạt cho khu dân cư', {
          kind: 'offer',
          limit: 5,
        });
        assert.equal(ranked[0].id, 'wastewater');
        assert.equal(ranked[0].score, 1);
        for (let i = 1; i < ranked.length; i++) {
          assert.ok(ranked[i].score > 0 && ranked[i].score <= ranked[i - 1].score);
        }
        for (const r of ranked) assert.equal(fixture(r.id).kind, 'offer');
      });

      it('when ids are given, then only those listings are ranked', async () => {
        const ranked = await engine.relevance('đồng hồ nước thông minh', {
          kind: 'offer',
          limit: 10,
          ids: ['water-meter', 'sell'],
        });
        assert.deepEqual(
          ranked.map((r) => r.id),
          ['water-meter'],
        );
      });

      it('when the index is tiny and the shared words are in every listing, then the offers still rank', async () => {
        const small = engineUnderTest.make();
        await small.open();
        const base = CONTRACT_DOCS.find((d) => d.id === 'wastewater')!;
        await small.upsert([
          {
            ...base,
            id: 'o1',
            kind: 'offer',
            title: 'Màng lọc xử lý nước thải',
            summary: 'Màng lọc',
            body: '',
          },
          {
            ...base,
            id: 'o2',
            kind: 'offer',
            title: 'Bể lọc nước thải sinh học',
            summary: 'Bể lọc',
            body: '',
          },
          {
            ...base,
            id: 'd1',
            kind: 'demand',
            title: 'Cần xử lý nước thải chế biến tôm',
            summary: 'tôm',
            body: '',
          },
        ]);
        try {
          const ranked = await small.relevance('Cần xử lý nước thải chế biến tôm', {
            kind: 'offer',
            limit: 5,
          });
          assert.deepEqual(ranked.map((r) => r.id).sort(), ['o1', 'o2']);
        } finally {
          await small.close();
        }
      });

      it('when nothing shares a word, then the ranking is empty', async () => {
        assert.deepEqual(await engine.relevance('zzzz qqqq', { kind: 'offer', limit: 10 }), []);
      });
    });

    describe('writes', () => {
      it('when a listing is removed, then it disappears from results and facets', async () => {
        const own = await loaded();
        try {
          await own.remove(['solar', 'not-there']);
          assert.equal(ids(await own.search({ q: 'dien mat troi', limit: 100 })).includes('solar'), false);
          assert.equal(ids(await own.search({ subField: 'energy_engineering' })).length, 0);
          const all = await own.search({});
          assert.equal(all.total, CONTRACT_DOCS.length - 1);
          assert.equal(all.facets.province.da_nang, 1);
        } finally {
          await own.close();
        }
      });

      it('when a listing is upserted again, then its new text replaces the old', async () => {
        const own = await loaded();
        try {
          await own.upsert([
            { ...fixture('desk'), title: 'Ghế công thái học', summary: 'Tựa lưng điều chỉnh.' },
          ]);
          assert.equal(ids(await own.search({ q: 'ban lam viec', limit: 100 })).includes('desk'), false);
          assert.deepEqual(ids(await own.search({ q: 'ghe cong thai hoc' })), ['desk']);
          assert.equal((await own.search({})).total, CONTRACT_DOCS.length);
        } finally {
          await own.close();
        }
      });

      it('when a listing has a thumbnail, then its hits carry it and its URL is not searched', async () => {
        const own = await loaded();
        try {
          await own.upsert([{ ...fixture('desk'), thumbUrl: '/api/listing-images/zzzqqqthumb/thumb' }]);
          const [hit] = (await own.search({ q: 'ban lam viec' })).hits;
          assert.equal(hit.id, 'desk');
          assert.equal(hit.thumbUrl, '/api/listing-images/zzzqqqthumb/thumb');
          assert.equal((await own.search({ q: 'zzzqqqthumb' })).total, 0);
          await own.upsert([fixture('desk')]);
          const [plain] = (await own.search({ q: 'ban lam viec' })).hits;
          assert.equal('thumbUrl' in plain, false);
        } finally {
          await own.close();
        }
      });

      it('when the index is cleared, then nothing is found', async () => {
        const own = await loaded();
        try {
          await own.clear();
          assert.equal((await own.search({})).total, 0);
          assert.equal((await own.search({ q: 'nuoc' })).total, 0);
        } finally {
          await own.close();
        }
      });
    });

    describe('metadata and reopening', () => {
      it('when metadata is set, then it reads back, and unknown keys read null', async () => {
        const own = engineUnderTest.make();
        await own.open();
        try {
          assert.equal(await own.getMeta('cursor'), null);
          await own.setMeta('cursor', '2025-01-01T00:00:00Z#42');
          await own.setMeta('cursor', '2025-02-01T00:00:00Z#43');
          assert.equal(await own.getMeta('cursor'), '2025-02-01T00:00:00Z#43');
          assert.equal(await own.ping(), true);
        } finally {
          await own.close();
        }
      });

      it('when a new index is opened, then it asks to be rebuilt because it is missing', async () => {
        const place = engineUnderTest.newPlace();
        const own = engineUnderTest.make(place);
        try {
          assert.deepEqual(await own.open(), { needsRebuild: true, reason: 'missing' });
        } finally {
          await own.close();
          cleanUp(place);
        }
      });

      it('when an index is reopened, then its documents and metadata are still there', async () => {
        const place = engineUnderTest.newPlace();
        const first = engineUnderTest.make(place);
        await first.open();
        await first.upsert(CONTRACT_DOCS);
        await first.setMeta('cursor', 'abc');
        await first.close();
        const second = engineUnderTest.make(place);
        try {
          assert.deepEqual(await second.open(), { needsRebuild: false });
          assert.equal(await second.getMeta('cursor'), 'abc');
          assert.deepEqual(ids(await second.search({ q: 'da nang' })), ['air-danang']);
          assert.equal(ids(await second.search({ q: 'wastewatr' })).length, 2);
        } finally {
          await second.close();
          cleanUp(place);
        }
      });
    });
  });
}

describe('embedded search index file', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'search-file-'));
    path = join(dir, 'index.sqlite');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function buildAndClose(): Promise<void> {
    const engine = new EmbeddedSearchEngine(path);
    await engine.open();
    await engine.upsert(CONTRACT_DOCS);
    await engine.close();
  }

  it('when the index folder does not exist yet, then open() creates it', async () => {
    const nested = join(dir, 'data', 'search', 'listings.sqlite');
    const engine = new EmbeddedSearchEngine(nested);
    try {
      assert.deepEqual(await engine.open(), { needsRebuild: true, reason: 'missing' });
      assert.ok(existsSync(nested));
    } finally {
      await engine.close();
    }
  });

  it('when the file holds garbage bytes, then open() recreates it and asks for a rebuild because it is damaged', async () => {
    writeFileSync(path, Buffer.from('this is not an sqlite file at all, just garbage bytes'.repeat(100)));
    const engine = new EmbeddedSearchEngine(path);
    try {
      assert.deepEqual(await engine.open(), { needsRebuild: true, reason: 'damaged' });
      await engine.upsert([fixture('solar')]);
      assert.deepEqual(ids(await engine.search({ q: 'dien mat troi' })), ['solar']);
    } finally {
      await engine.close();
    }
  });

  it('when the file was overwritten in the middle, then open() reports it damaged', async () => {
    await buildAndClose();
    const garbage = Buffer.alloc(64 * 1024, 0xab);
    const fd = openSync(path, 'r+');
    writeSync(fd, garbage, 0, garbage.length, 4096);
    closeSync(fd);
    const engine = new EmbeddedSearchEngine(path);
    try {
      assert.deepEqual(await engine.open(), { needsRebuild: true, reason: 'damaged' });
      assert.equal((await engine.search({})).total, 0);
    } finally {
      await engine.close();
    }
  });

  it('when the file has an older layout, then open() recreates it and asks for a rebuild', async () => {
    await buildAndClose();
    const db = new Database(path);
    db.pragma('user_version = 0');
    db.close();
    const engine = new EmbeddedSearchEngine(path);
    try {
      assert.deepEqual(await engine.open(), { needsRebuild: true, reason: 'old_layout' });
      assert.equal((await engine.search({})).total, 0);
    } finally {
      await engine.close();
    }
  });

  it('when the file is fine, then open() keeps it', async () => {
    await buildAndClose();
    const engine = new EmbeddedSearchEngine(path);
    try {
      assert.deepEqual(await engine.open(), { needsRebuild: false });
      assert.equal((await engine.search({})).total, CONTRACT_DOCS.length);
    } finally {
      await engine.close();
    }
  });
});

function cleanUp(place: string): void {
  if (place.endsWith('.sqlite')) rmSync(join(place, '..'), { recursive: true, force: true });
}
