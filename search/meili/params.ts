import type { SearchParams } from 'meilisearch';
import { parseQueryWords } from '../text';
import type { QueryWord } from '../text';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_WORDS } from '../types';
import { ANY_ORIGIN, LOCAL_ORIGIN, type SearchQuery } from '../types';
import { FACET_ATTRIBUTES } from './settings';

export const RETRIEVED_ATTRIBUTES = [
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
];

function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function integer(value: number): string {
  return String(Math.trunc(value));
}

/** Filters of a query as Meilisearch filter expressions, combined with AND. */
export function buildMeiliFilter(q: SearchQuery): string[] {
  const filter: string[] = [];
  if (q.kind) filter.push(`kind = ${quoted(q.kind)}`);
  if (q.field) filter.push(`field = ${quoted(q.field)}`);
  if (q.subField) filter.push(`subField = ${quoted(q.subField)}`);
  if (q.trlMin !== undefined) filter.push(`trl >= ${integer(q.trlMin)}`);
  if (q.trlMax !== undefined) filter.push(`trl <= ${integer(q.trlMax)}`);
  if (q.transferMode) filter.push(`transferModes = ${quoted(q.transferMode)}`);
  if (q.province) filter.push(`province = ${quoted(q.province)}`);
  if (q.currency) filter.push(`currency = ${quoted(q.currency)}`);
  // Without an origin asked for, this exchange's own listings alone.
  if (q.origin !== ANY_ORIGIN) filter.push(`origin = ${quoted(q.origin || LOCAL_ORIGIN)}`);
  if (q.priceMin !== undefined) filter.push(`price >= ${integer(q.priceMin)}`);
  if (q.priceMax !== undefined) filter.push(`price <= ${integer(q.priceMax)}`);
  return filter;
}

export function buildMeiliSort(sort: SearchQuery['sort']): string[] | undefined {
  switch (sort) {
    case 'newest':
      return ['publishedAtTs:desc'];
    case 'price_asc':
      return ['price:asc', 'publishedAtTs:desc'];
    case 'price_desc':
      return ['price:desc', 'publishedAtTs:desc'];
    default:
      return undefined;
  }
}

export function pageAndLimit(q: SearchQuery): { page: number; limit: number } {
  return {
    page: Math.max(1, Math.floor(q.page ?? 1)),
    limit: Math.min(MAX_LIMIT, Math.max(1, Math.floor(q.limit ?? DEFAULT_LIMIT))),
  };
}

export function queryWords(q: SearchQuery): QueryWord[] {
  return parseQueryWords(q.q, MAX_QUERY_WORDS);
}

/**
 * The folded text of the first `count` words: what Meilisearch is asked (it folds documents the
 * same way). Meilisearch reads the last word of a query as a prefix unless a space follows it:
 * only the word the user is still typing is a prefix, so when words were dropped the text ends
 * with a space.
 */
export function foldedQuery(words: QueryWord[], count = words.length): string {
  const text = words
    .slice(0, count)
    .map((w) => w.folded)
    .join(' ');
  return count < words.length ? `${text} ` : text;
}

/** One whole word, not read as a prefix. */
export function wholeWord(word: string): string {
  return `${word} `;
}

/**
 * The one-request form of a search: folded words, Meilisearch's `last` matching strategy,
 * filters, facets, sort and page. The engine refines it (see MeiliSearchEngine.search).
 */
export function buildMeiliSearchParams(q: SearchQuery): SearchParams {
  const { page, limit } = pageAndLimit(q);
  const params: SearchParams = {
    q: foldedQuery(queryWords(q)),
    matchingStrategy: 'last',
    filter: buildMeiliFilter(q),
    facets: FACET_ATTRIBUTES,
    page,
    hitsPerPage: limit,
    attributesToRetrieve: RETRIEVED_ATTRIBUTES,
  };
  const sort = buildMeiliSort(q.sort);
  if (sort) params.sort = sort;
  return params;
}

/** Counts and facets of the docs holding all of the first `count` words (hitsPerPage 0: no hits). */
export function buildMeiliCountParams(q: SearchQuery, words: QueryWord[], count: number): SearchParams {
  return {
    q: foldedQuery(words, count),
    matchingStrategy: 'all',
    filter: buildMeiliFilter(q),
    facets: FACET_ATTRIBUTES,
    page: 1,
    hitsPerPage: 0,
  };
}
