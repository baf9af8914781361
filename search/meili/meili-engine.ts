import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import type { Index, MultiSearchQuery, SearchParams, SearchResponse } from 'meilisearch';
import { emptyFacets } from '../facets';
import { LOCAL_ORIGIN } from '../types';
import { highlight } from '../highlight';
import { queryWordMatcher } from '../query-matcher';
import { dropOrder, enoughUnitsMatch, keptUnits, planQuery, unitWeight } from '../query-plan';
import type { QueryUnit } from '../query-plan';
import { relevanceTerms } from '../relevance-terms';
import { foldToken } from '../text';
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
import { RETRIEVED_ATTRIBUTES, buildMeiliFilter, buildMeiliSort, pageAndLimit, wholeWord } from './params';
import { FACET_ATTRIBUTES, MEILI_LAYOUT_VERSION, buildMeiliSettings } from './settings';
import { exactCode } from './exact-code';
import { unitsText, wholeWordPhrase } from './query-text';

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
  thumbUrl?: string;
  origin?: string;
}

const LAYOUT_KEY = '__layout';
const BATCH_SIZE = 5000;
const TASK_TIMEOUT_MS = 120_000;
/** Deepest result Meilisearch is asked for when hits must be re-ranked in process. */
const MAX_RERANK_WINDOW = 1000;
/** Meilisearch reads at most 10 words of a query: relevance() asks at most this many terms. */
const RELEVANCE_MAX_WORDS = 10;
/** Dropped-unit weights are compared in steps of 1/WEIGHT_STEPS (as in the embedded engine). */
const WEIGHT_STEPS = 16;

/**
 * Search on Meilisearch, behaving like the embedded engine (see query-plan.ts): folded words
 * against folded copies of the text, exact codes for words typed with diacritics; units dropped
 * (generic and most common first) while fewer than a page of results, each level counted with
 * `matchingStrategy: 'all'` so totals and facets cover exactly the docs shown; hits re-ranked by
 * the dropped units they hold.
 */
export class MeiliSearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly indexName: string;
  private readonly metaIndexName: string;

  constructor(options: MeiliEngineOptions) {
    // A write waits for its task; a loaded server (or a big batch) takes longer than the 5 s default.
    this.client = new Meilisearch({
      host: options.host,
      apiKey: options.apiKey,
      defaultWaitOptions: { timeout: TASK_TIMEOUT_MS },
    });
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
    const offset = (page - 1) * limit;
    const filter = buildMeiliFilter(query);
    const sort = buildMeiliSort(query.sort);
    const plan = planQuery(query.q);
    const units = await this.unitsOf(plan.units);
    if (plan.units.length > 0 && !enoughUnitsMatch(units.length, plan.units.length))
      return { hits: [], total: 0, facets: emptyFacets(), page, limit };

    // All units, then the generic and most common dropped first, while fewer than a page.
    const order = dropOrder(units);
    const levels = units.length === 0 ? [[]] : units.map((_, dropped) => keptUnits(order, dropped));
    const counts = await this.multiSearch(
      levels.map((kept) => ({
        q: kept.length > 0 ? unitsText(kept.map((i) => units[i].unit)) : '',
        matchingStrategy: 'all',
        filter,
        facets: FACET_ATTRIBUTES,
        page: 1,
        hitsPerPage: 0,
      })),
    );
    let chosen = 0;
    while (chosen < counts.length - 1 && totalOf(counts[chosen]) < limit) chosen++;
    const kept = levels[chosen];
    const total = totalOf(counts[chosen]);
    const facets = toFacets(counts[chosen]);
    if (offset >= total) return { hits: [], total, facets, page, limit };

    const q = kept.length > 0 ? unitsText(kept.map((i) => units[i].unit)) : '';
    let hits: MeiliHit[];
    if (sort || units.length === 0) {
      // An explicit sort (or no words) orders all docs holding the units kept.
      const response = await this.index.search<MeiliHit>(q, {
        matchingStrategy: 'all',
        filter,
        sort,
        offset,
        limit,
        attributesToRetrieve: RETRIEVED_ATTRIBUTES,
      });
      hits = response.hits;
    } else {
      // The docs counted, in Meilisearch's order, then those holding more (and rarer) of the
      // dropped units first.
      const window = Math.min(offset + limit, MAX_RERANK_WINDOW, total);
      const response = await this.index.search<MeiliHit>(q, {
        matchingStrategy: 'all',
        filter,
        offset: 0,
        limit: window,
        attributesToRetrieve: RETRIEVED_ATTRIBUTES,
      });
      const ranked = await this.droppedUnitsFirst(filter, units, kept, response.hits);
      hits = ranked.slice(offset, offset + limit);
    }
    const matches = plan.words.length > 0 ? queryWordMatcher(plan.words) : () => false;
    return { hits: hits.map((hit) => toHit(hit, matches)), total, facets, page, limit };
  }

  async relevance(text: string, opts: RelevanceOptions): Promise<RelevanceHit[]> {
    if (opts.limit <= 0 || (opts.ids && opts.ids.length === 0)) return [];
    const { words, phrases } = relevanceTerms(text, RELEVANCE_MAX_WORDS);
    const terms = [
      ...words.map((w) => wholeWord(w === foldToken(w) ? w : exactCode(w))),
      ...phrases.map((p) => `"${p}"`),
    ].slice(0, RELEVANCE_MAX_WORDS);
    if (terms.length === 0) return [];
    const filter = [`kind = "${opts.kind}"`, `origin = ${JSON.stringify(opts.origin ?? LOCAL_ORIGIN)}`];
    if (opts.ids) filter.push(`id IN [${opts.ids.map((id) => JSON.stringify(id)).join(', ')}]`);
    // One query per term (OR semantics); a doc's score is the sum of its per-term ranking scores.
    const responses = await this.multiSearch(
      terms.map((q) => ({
        q,
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
   * The query's units that match some doc, with their document frequency: one multi-search of
   * a count per unit (as it will be searched) and per word (whole, for its frequency).
   */
  private async unitsOf(planned: QueryUnit[]): Promise<MeiliUnit[]> {
    if (planned.length === 0) return [];
    const words = planned.flatMap((u) => u.words);
    const responses = await this.multiSearch([
      ...planned.map((unit) => ({ q: unitsText([unit]), matchingStrategy: 'all' as const, hitsPerPage: 0 })),
      ...words.map((word) => ({
        q: wholeWordPhrase(word),
        matchingStrategy: 'all' as const,
        hitsPerPage: 0,
      })),
    ]);
    const frequency = new Map(words.map((w, i) => [w, totalOf(responses[planned.length + i])]));
    const units: MeiliUnit[] = [];
    planned.forEach((unit, i) => {
      if (totalOf(responses[i]) === 0) return;
      units.push({
        unit,
        generic: unit.generic,
        frequency: Math.min(...unit.words.map((w) => frequency.get(w) ?? 0)),
      });
    });
    return units;
  }

  /** Stable re-ranking: docs holding more (and rarer) of the dropped units come first. */
  private async droppedUnitsFirst(
    filter: string[],
    units: MeiliUnit[],
    kept: number[],
    hits: MeiliHit[],
  ): Promise<MeiliHit[]> {
    const dropped = units.map((_, i) => i).filter((i) => !kept.includes(i));
    if (dropped.length === 0 || hits.length === 0) return hits;
    const ids = `id IN [${hits.map((h) => JSON.stringify(h.id)).join(', ')}]`;
    const [stats, ...responses] = await this.multiSearch([
      { q: '', hitsPerPage: 0 },
      ...dropped.map((i) => ({
        q: unitsText([...kept, i].sort((a, b) => a - b).map((k) => units[k].unit)),
        matchingStrategy: 'all' as const,
        filter: [...filter, ids],
        limit: hits.length,
        attributesToRetrieve: ['id'],
      })),
    ]);
    const total = Math.max(1, totalOf(stats));
    const score = new Map<string, number>();
    responses.forEach((response, k) => {
      const weight = Math.round(unitWeight(units[dropped[k]].frequency, total) * WEIGHT_STEPS);
      for (const hit of response.hits) score.set(hit.id, (score.get(hit.id) ?? 0) + weight);
    });
    return hits
      .map((hit, position) => ({ hit, position, score: score.get(hit.id) ?? 0 }))
      .sort((a, b) => b.score - a.score || a.position - b.position)
      .map((x) => x.hit);
  }
}

interface MeiliUnit {
  unit: QueryUnit;
  generic: boolean;
  frequency: number;
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
  facets.origin = { ...(distribution.origin ?? {}) };
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
  if (hit.thumbUrl) out.thumbUrl = hit.thumbUrl;
  if (hit.origin && hit.origin !== LOCAL_ORIGIN) out.origin = hit.origin;
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
