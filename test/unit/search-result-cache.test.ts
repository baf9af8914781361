/** Repeated searches answered from the cache, and never an answer older than a write. */
import assert from 'node:assert/strict';
import { withResultCache } from '../../search/result-cache';
import type { SearchEngine, SearchQuery, SearchResult } from '../../search/types';
import { clearRecordCaches, invalidateRecordCaches } from '../../server/common/record-cache';
import { cacheSearchAnswers } from '../../server/search-sync/cached-search';

/** An engine whose answers say how many searches reached it, and whose searches can be held. */
function countingEngine() {
  let searches = 0;
  let hold: Promise<void> | null = null;
  const engine: SearchEngine = {
    name: 'embedded',
    open: async () => ({ needsRebuild: false }),
    upsert: async () => undefined,
    remove: async () => undefined,
    clear: async () => undefined,
    async search(q: SearchQuery): Promise<SearchResult> {
      searches++;
      const total = searches;
      if (hold) await hold;
      return {
        hits: [],
        total,
        facets: { field: {}, trl: {}, transferModes: {}, province: {}, origin: {} },
        page: q.page ?? 1,
        limit: 20,
      };
    },
    relevance: async () => [],
    getMeta: async () => null,
    setMeta: async () => undefined,
    ping: async () => true,
    close: async () => undefined,
  };
  return {
    engine,
    searches: () => searches,
    holdSearches(): () => void {
      let release!: () => void;
      hold = new Promise((resolve) => (release = resolve));
      return () => {
        hold = null;
        release();
      };
    },
  };
}

describe('search answers cache', () => {
  it('when the same query is asked again, in any field order, then the engine is asked once', async () => {
    const counting = countingEngine();
    const cached = withResultCache(counting.engine, { max: 10, ttlMs: 60_000 });
    await cached.search({ q: 'nước thải', kind: 'offer', sort: undefined });
    const again = await cached.search({ kind: 'offer', q: 'nước thải' });
    assert.equal(counting.searches(), 1);
    assert.equal(again.total, 1);
    await cached.search({ q: 'nước thải', kind: 'demand' });
    assert.equal(counting.searches(), 2);
  });

  it('when a listing is indexed or removed, then the next search asks the engine again', async () => {
    const counting = countingEngine();
    const cached = withResultCache(counting.engine, { max: 10, ttlMs: 60_000 });
    await cached.search({ q: 'x' });
    await cached.upsert([]);
    assert.equal((await cached.search({ q: 'x' })).total, 2);
    await cached.remove(['a']);
    assert.equal((await cached.search({ q: 'x' })).total, 3);
    await cached.clear();
    assert.equal((await cached.search({ q: 'x' })).total, 4);
  });

  it('when a write happens while a search is under way, then that search’s answer is not kept', async () => {
    const counting = countingEngine();
    const cached = withResultCache(counting.engine, { max: 10, ttlMs: 60_000 });
    const release = counting.holdSearches();
    const early = cached.search({ q: 'x' });
    await cached.upsert([]);
    release();
    await early;
    assert.equal((await cached.search({ q: 'x' })).total, 2);
  });

  it('when another process writes a listing or the caches are cleared, then the exchange’s search cache forgets its answers', async () => {
    const counting = countingEngine();
    const cached = cacheSearchAnswers(counting.engine, 60_000);
    try {
      await cached.search({ q: 'x' });
      await cached.search({ q: 'x' });
      assert.equal(counting.searches(), 1);
      invalidateRecordCaches({ type: 'user', id: 'u1' });
      await cached.search({ q: 'x' });
      assert.equal(counting.searches(), 1, 'a user write leaves search answers alone');
      invalidateRecordCaches({ type: 'offer', id: 'o1' });
      await cached.search({ q: 'x' });
      assert.equal(counting.searches(), 2);
      clearRecordCaches();
      await cached.search({ q: 'x' });
      assert.equal(counting.searches(), 3);
    } finally {
      await cached.close();
    }
  });

  it('when the cache time is 0, then every search reaches the engine', async () => {
    const counting = countingEngine();
    const engine = cacheSearchAnswers(counting.engine, 0);
    await engine.search({ q: 'x' });
    await engine.search({ q: 'x' });
    assert.equal(counting.searches(), 2);
  });
});
