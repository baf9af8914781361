/**
 * Answers to repeated searches, kept until the index changes. Public lists and popular queries
 * repeat far more often than listings change; any write through this engine empties the cache,
 * and `invalidate()` lets the server empty it when another process wrote (its relay says so).
 * Entries also expire after `ttlMs`, which bounds what a missed signal could leave stale.
 */
import { LRUCache } from 'lru-cache';
import type {
  OpenResult,
  RelevanceHit,
  RelevanceOptions,
  SearchDoc,
  SearchEngine,
  SearchQuery,
  SearchResult,
} from './types';

export interface ResultCacheOptions {
  max: number;
  ttlMs: number;
}

export interface CachingSearchEngine extends SearchEngine {
  /** Forgets every cached answer. */
  invalidate(): void;
}

export function withResultCache(engine: SearchEngine, opts: ResultCacheOptions): CachingSearchEngine {
  const answers = new LRUCache<string, Promise<SearchResult>>({ max: opts.max, ttl: opts.ttlMs });
  // A search started before a write must not refill the cache with what it read before the write.
  let generation = 0;
  const changed = <T>(work: Promise<T>): Promise<T> => {
    generation++;
    answers.clear();
    return work.finally(() => {
      generation++;
      answers.clear();
    });
  };

  return {
    name: engine.name,
    invalidate: () => {
      generation++;
      answers.clear();
    },
    open: (): Promise<OpenResult> => changed(engine.open()),
    upsert: (docs: SearchDoc[]) => changed(engine.upsert(docs)),
    remove: (ids: string[]) => changed(engine.remove(ids)),
    clear: () => changed(engine.clear()),
    search(query: SearchQuery): Promise<SearchResult> {
      const key = cacheKey(query);
      const cached = answers.get(key);
      if (cached) return cached;
      const startedAt = generation;
      const answer = engine.search(query);
      answers.set(key, answer);
      answer.then(
        () => {
          if (generation !== startedAt && answers.get(key) === answer) answers.delete(key);
        },
        () => {
          if (answers.get(key) === answer) answers.delete(key);
        },
      );
      return answer;
    },
    relevance: (text: string, o: RelevanceOptions): Promise<RelevanceHit[]> => engine.relevance(text, o),
    getMeta: (key: string) => engine.getMeta(key),
    setMeta: (key: string, value: string) => engine.setMeta(key, value),
    ping: () => engine.ping(),
    close: () => changed(engine.close()),
  };
}

/** The same query however its fields were ordered or left undefined. */
function cacheKey(query: SearchQuery): string {
  const entries = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(entries);
}
