/** The public search: its route, its per-client rate limit, and the search filters shared with saved searches. */
export { registerSearchRoutes } from './search.routes';
export { searchRateLimiter } from './search-rate-limit';
export { SEARCH_FILTER_KEYS, type SearchFilters } from './search.schemas';
