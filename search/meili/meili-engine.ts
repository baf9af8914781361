import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import type { Index, MultiSearchQuery, SearchParams, SearchResponse } from 'meilisearch';
import { emptyFacets } from '../facets';
import { highlight } from '../highlight';
import { queryWordMatcher } from '../query-matcher';
import { tokenize } from '../text';
import type {
  OpenResult,
  RelevanceHit,
  RelevanceOptions,
  SearchDoc,
  SearchEngine,
  SearchFacets,
  SearchHit,
  SearchQuery,
  SearchResult,
} from '../types';
import { toMeiliDocument } from './document';
import {
  RETRIEVED_ATTRIBUTES,
  buildMeiliCountParams,
  buildMeiliExactParams,
  buildMeiliFilter,
  buildMeiliSort,
  foldedQuery,
  pageAndLimit,
  queryWords,
  wholeWord,
} from './params';
import { MEILI_LAYOUT_VERSION, buildMeiliSettings } from './settings';

export interface MeiliEngineOptions {
  host: string;
  apiKey?: string;
  indexName?: string;
}

interface MeiliHit {
  id: string;
  kind: 'offer' | 'demand';
  title: string;
  summary: string;
  field: string;
  trl: number;
  province: string;
  price?: number;
  currency?: string;
}

const LAYOUT_KEY = '__layout';
const BATCH_SIZE = 5000;
/** Deepest result Meilisearch is asked for when hits must be re-ranked in process. */
const MAX_RERANK_WINDOW = 1000;
/** Meilisearch reads at most 10 words of a query. */
const RELEVANCE_MAX_WORDS = 10;

/**
 * Search on Meilisearch, behaving like the embedded engine: folded queries against folded copies
 * of the text; words dropped from the end while fewer than a page of results (counted with
 * `matchingStrategy: 'all'` on each shorter query, so totals and facets cover exactly the docs
 * shown); exact-diacritic matches moved first within each words bucket.
 */
export class MeiliSearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly indexName: string;
  private readonly metaIndexName: string;

  constructor(options: MeiliEngineOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey });
    this.indexName = options.indexName ?? 'listings';
    this.metaIndexName = `${this.indexName}_meta`;
  }

  private get index(): Index<ReturnType<typeof toMeiliDocument>> {
    return this.client.index(this.indexName);
  }

  async open(): Promise<OpenResult> {
    const exists = await this.indexExists(this.indexName);
    if (!exists) {
      await this.client.createIndex(this.indexName, { primaryKey: 'id' }).waitTask();
      await this.prepare();
      return { needsRebuild: true, reason: 'missing' };
    }
    let layout: string | null;
    try {
      layout = await this.getMeta(LAYOUT_KEY);
    } catch {
      await this.client.deleteIndexIfExists(this.metaIndexName);
      await this.index.deleteAllDocuments().waitTask();
      await this.prepare();
      return { needsRebuild: true, reason: 'damaged' };
    }
    if (layout !== MEILI_LAYOUT_VERSION) {
      await this.index.deleteAllDocuments().waitTask();
      await this.client.deleteIndexIfExists(this.metaIndexName);
      await this.prepare();
      return { needsRebuild: true, reason: 'old_layout' };
    }
    return { needsRebuild: false };
  }

  async upsert(docs: SearchDoc[]): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH_SIZE) {
      const batch = docs.slice(i, i + BATCH_SIZE).map(toMeiliDocument);
      await this.index.addDocuments(batch, { primaryKey: 'id' }).waitTask();
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.index.deleteDocuments(ids).waitTask();
  }

  /** Removes every document and every metadata entry except the layout version. */
  async clear(): Promise<void> {
    await this.index.deleteAllDocuments().waitTask();
    await this.client.deleteIndexIfExists(this.metaIndexName);
    await this.setMeta(LAYOUT_KEY, MEILI_LAYOUT_VERSION);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const { page, limit } = pageAndLimit(query);
    const words = queryWords(query);
    const offset = (page - 1) * limit;

    const counts = await this.multiSearch(
      words.length === 0
        ? [buildMeiliCountParams(query, words, 0)]
        : words.map((_, i) => buildMeiliCountParams(query, words, words.length - i)),
    );
    let chosen = 0;
    while (chosen < counts.length - 1 && totalOf(counts[chosen]) < limit) chosen++;
    const used = words.length - chosen;
    const total = totalOf(counts[chosen]);
    const facets = toFacets(counts[chosen]);
    if (offset >= total) return { hits: [], total, facets, page, limit };

    const filter = buildMeiliFilter(query);
    const sort = buildMeiliSort(query.sort);
    let hits: MeiliHit[];
    if (sort || words.length === 0) {
      // An explicit sort (or no words) orders all docs holding the words kept.
      const response = await this.index.search<MeiliHit>(foldedQuery(words, used), {
        matchingStrategy: 'all',
        filter,
        sort,
        offset,
        limit,
        attributesToRetrieve: RETRIEVED_ATTRIBUTES,
      });
      hits = response.hits;
    } else {
      // The docs counted (all kept words), in Meilisearch's order, then those holding more of
      // the dropped words first, then exact diacritics first.
      const window = Math.min(offset + limit, MAX_RERANK_WINDOW, total);
      const response = await this.index.search<MeiliHit>(foldedQuery(words, used), {
        matchingStrategy: 'all',
        filter,
        offset: 0,
        limit: window,
        attributesToRetrieve: RETRIEVED_ATTRIBUTES,
      });
      const levels = await this.levelsOf(query, words, used, response.hits);
      const ranked = await this.exactFirst(query, words.slice(0, used), response.hits, levels);
      hits = ranked.slice(offset, offset + limit);
    }
    const matches = words.length > 0 ? queryWordMatcher(words) : () => false;
    return { hits: hits.map((hit) => toHit(hit, matches)), total, facets, page, limit };
  }

  async relevance(text: string, opts: RelevanceOptions): Promise<RelevanceHit[]> {
    if (opts.limit <= 0 || (opts.ids && opts.ids.length === 0)) return [];
    const words = [...new Set(tokenize(text))].filter((w) => w.length > 1).slice(0, RELEVANCE_MAX_WORDS);
    if (words.length === 0) return [];
    const filter = [`kind = "${opts.kind}"`];
    if (opts.ids) filter.push(`id IN [${opts.ids.map((id) => JSON.stringify(id)).join(', ')}]`);
    // One query per word (OR semantics); a doc's score is the sum of its per-word ranking scores.
    const responses = await this.multiSearch(
      words.map((word) => ({
        q: wholeWord(word),
        filter,
        limit: Math.max(opts.limit * 5, 50),
        showRankingScore: true,
        attributesToRetrieve: ['id'],
      })),
    );
    const scores = new Map<string, number>();
    for (const response of responses) {
      for (const hit of response.hits)
        scores.set(String(hit.id), (scores.get(String(hit.id)) ?? 0) + (hit._rankingScore ?? 0));
    }
    const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, opts.limit);
    const best = ranked[0]?.[1] ?? 0;
    return ranked.map(([id, score]) => ({ id, score: best > 0 ? score / best : 1 }));
  }

  async getMeta(key: string): Promise<string | null> {
    try {
      const doc = await this.client.index(this.metaIndexName).getDocument(metaId(key));
      return typeof doc.value === 'string' ? doc.value : null;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.client
      .index(this.metaIndexName)
      .addDocuments([{ id: metaId(key), key, value }], { primaryKey: 'id' })
      .waitTask();
  }

  async ping(): Promise<boolean> {
    return this.client.isHealthy();
  }

  async close(): Promise<void> {
    // The HTTP client holds no connection to release.
  }

  private async prepare(): Promise<void> {
    await this.index.updateSettings(buildMeiliSettings()).waitTask();
    await this.setMeta(LAYOUT_KEY, MEILI_LAYOUT_VERSION);
  }

  private async indexExists(uid: string): Promise<boolean> {
    try {
      await this.client.getRawIndex(uid);
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  private async multiSearch(queries: SearchParams[]): Promise<SearchResponse<MeiliHit>[]> {
    const response = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, MeiliHit>({
      queries: queries.map((params) => ({ indexUid: this.indexName, ...params })),
    });
    return response.results;
  }

  /**
   * For each hit, how many more words than the kept ones it holds (all of the first `used + k`),
   * like Meilisearch's `last` strategy: one count per dropped word, among the hits.
   */
  private async levelsOf(
    query: SearchQuery,
    words: ReturnType<typeof queryWords>,
    used: number,
    hits: MeiliHit[],
  ): Promise<Map<string, number>> {
    const levels = new Map<string, number>();
    if (used >= words.length || hits.length === 0) return levels;
    const ids = `id IN [${hits.map((h) => JSON.stringify(h.id)).join(', ')}]`;
    const responses = await this.multiSearch(
      words.slice(used).map((_, k) => ({
        q: foldedQuery(words, used + k + 1),
        matchingStrategy: 'all',
        filter: [...buildMeiliFilter(query), ids],
        limit: hits.length,
        attributesToRetrieve: ['id'],
      })),
    );
    responses.forEach((response, k) => {
      for (const hit of response.hits) levels.set(hit.id, k + 1);
    });
    return levels;
  }

  /** Within each words level, docs holding every typed diacritic exactly come first. */
  private async exactFirst(
    query: SearchQuery,
    words: ReturnType<typeof queryWords>,
    hits: MeiliHit[],
    levels: Map<string, number>,
  ): Promise<MeiliHit[]> {
    const params = buildMeiliExactParams(
      query,
      words,
      hits.map((h) => h.id),
    );
    const exact = new Set<string>();
    if (params) {
      const response = await this.index.search<MeiliHit>(params.q, params);
      for (const hit of response.hits) exact.add(hit.id);
    }
    const bucket = (hit: MeiliHit): number => levels.get(hit.id) ?? 0;
    return hits
      .map((hit, position) => ({ hit, position }))
      .sort(
        (a, b) =>
          bucket(b.hit) - bucket(a.hit) ||
          Number(exact.has(b.hit.id)) - Number(exact.has(a.hit.id)) ||
          a.position - b.position,
      )
      .map((x) => x.hit);
  }
}

function totalOf(response: SearchResponse<MeiliHit>): number {
  return response.totalHits ?? response.estimatedTotalHits ?? 0;
}

function toFacets(response: SearchResponse<MeiliHit>): SearchFacets {
  const facets = emptyFacets();
  const distribution = response.facetDistribution ?? {};
  facets.field = { ...(distribution.field ?? {}) };
  facets.trl = { ...(distribution.trl ?? {}) };
  facets.transferModes = { ...(distribution.transferModes ?? {}) };
  facets.province = { ...(distribution.province ?? {}) };
  return facets;
}

function toHit(hit: MeiliHit, matches: (folded: string) => boolean): SearchHit {
  const out: SearchHit = {
    id: hit.id,
    kind: hit.kind,
    title: hit.title,
    summary: hit.summary,
    field: hit.field,
    trl: hit.trl,
    province: hit.province,
    highlight: { title: highlight(hit.title, matches), summary: highlight(hit.summary, matches) },
  };
  if (hit.price !== undefined) out.price = hit.price;
  if (hit.currency !== undefined) out.currency = hit.currency;
  return out;
}

/** Meilisearch document ids allow only [A-Za-z0-9_-]. */
function metaId(key: string): string {
  return Buffer.from(key, 'utf8').toString('hex');
}

function isNotFound(err: unknown): boolean {
  return (
    err instanceof MeilisearchApiError &&
    (err.response?.status === 404 || err.cause?.code?.endsWith('_not_found') === true)
  );
}
