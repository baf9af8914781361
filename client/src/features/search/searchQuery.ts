/**
 * The search page keeps all of its state in the URL query string, named exactly as the
 * `GET /api/search` parameters, so reload, back and shared links all work. Prices are in
 * minor units, as the API takes them.
 */
export const SEARCH_PARAMS = [
  'q',
  'kind',
  'field',
  'trlMin',
  'trlMax',
  'transferMode',
  'province',
  'currency',
  'priceMin',
  'priceMax',
  'origin',
  'sort',
  'page',
  'limit',
] as const;
export type SearchParam = (typeof SEARCH_PARAMS)[number];

export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type Sort = (typeof SORTS)[number];

export const DEFAULT_LIMIT = 20;

export type SearchState = Partial<Record<SearchParam, string>>;

export function readSearchState(params: URLSearchParams): SearchState {
  const state: SearchState = {};
  for (const key of SEARCH_PARAMS) {
    const value = params.get(key);
    if (value !== null && value !== '') state[key] = value;
  }
  return state;
}

export function pageOf(state: SearchState): number {
  const page = Number(state.page);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function limitOf(state: SearchState): number {
  const limit = Number(state.limit);
  return Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : DEFAULT_LIMIT;
}

/** The API query for this state: every non-empty parameter, with page and limit always set. */
export function toApiQuery(state: SearchState): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of SEARCH_PARAMS) if (state[key]) query[key] = state[key] as string;
  query.page = String(pageOf(state));
  query.limit = String(limitOf(state));
  return query;
}

/**
 * The URL parameters after changing some of them. Any change but paging starts again at page 1;
 * switching currency drops the price bounds, which were typed in the other currency.
 */
export function updateSearchParams(
  current: URLSearchParams,
  changes: Partial<Record<SearchParam, string | undefined>>,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in changes)) next.delete('page');
  if ('currency' in changes && changes.currency !== current.get('currency')) {
    if (!('priceMin' in changes)) next.delete('priceMin');
    if (!('priceMax' in changes)) next.delete('priceMax');
  }
  return next;
}

export const FILTER_PARAMS: readonly SearchParam[] = [
  'kind',
  'field',
  'trlMin',
  'trlMax',
  'transferMode',
  'province',
  'currency',
  'priceMin',
  'priceMax',
  'origin',
];

export function hasFilters(state: SearchState): boolean {
  return FILTER_PARAMS.some((key) => !!state[key]);
}

/** Keeps only `<mark>`/`</mark>` from the server's already-escaped highlight HTML. */
export function safeHighlight(html: string): string {
  return html.replace(/<(?!\/?mark>)[^>]*>/gi, '');
}
