/** Between the search page's URL state and a saved search's `{q, filters}`. */
import { FILTER_PARAMS, type SearchState } from '../search';
import type { AlertFilters, SavedSearch } from './alertsApi';

const NUMERIC = new Set(['trlMin', 'trlMax', 'priceMin', 'priceMax']);

export function alertFromSearchState(state: SearchState): { q: string; filters: AlertFilters } {
  const filters: Record<string, string | number> = {};
  for (const key of FILTER_PARAMS) {
    const value = state[key];
    if (!value) continue;
    filters[key] = NUMERIC.has(key) ? Number(value) : value;
  }
  return { q: (state.q ?? '').trim(), filters: filters as AlertFilters };
}

export function canSaveSearch(state: SearchState): boolean {
  const { q, filters } = alertFromSearchState(state);
  return q !== '' || Object.keys(filters).length > 0;
}

/** The search page's URL for a saved search. */
export function searchHref(alert: Pick<SavedSearch, 'q' | 'filters'>): string {
  const params = new URLSearchParams();
  if (alert.q) params.set('q', alert.q);
  for (const [key, value] of Object.entries(alert.filters)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/search${qs ? `?${qs}` : ''}`;
}
