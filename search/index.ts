/**
 * The exchange's search: one engine interface, two engines. Meilisearch when a host is given,
 * otherwise the embedded SQLite FTS5 engine keeping its index in one file.
 */
import { EmbeddedSearchEngine } from './embedded/embedded-engine';
import { MeiliSearchEngine } from './meili/meili-engine';
import type { SearchEngine } from './types';
import { WorkerSearchEngine } from './worker/worker-engine';

export interface CreateSearchEngineOptions {
  meiliHost?: string;
  meiliKey?: string;
  indexName?: string;
  /** File of the embedded index; ':memory:' for tests. */
  embeddedPath: string;
  /** Run the embedded engine on its own worker thread, so its synchronous queries never block the caller's. */
  thread?: boolean;
}

export function createSearchEngine(opts: CreateSearchEngineOptions): SearchEngine {
  if (opts.meiliHost) {
    return new MeiliSearchEngine({ host: opts.meiliHost, apiKey: opts.meiliKey, indexName: opts.indexName });
  }
  if (opts.thread) return new WorkerSearchEngine(opts.embeddedPath);
  return new EmbeddedSearchEngine(opts.embeddedPath);
}

export type * from './types';
export { ANY_ORIGIN, DEFAULT_LIMIT, LOCAL_ORIGIN, MAX_LIMIT, MAX_QUERY_WORDS } from './types';
export { foldVietnamese, tokenize, exactTokens } from './text';
export { EmbeddedSearchEngine } from './embedded/embedded-engine';
export { MeiliSearchEngine } from './meili/meili-engine';
export { WorkerSearchEngine } from './worker/worker-engine';
export { withResultCache, type CachingSearchEngine } from './result-cache';
