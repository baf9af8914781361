import type { SearchFacets } from './types';

export function emptyFacets(): SearchFacets {
  return { field: {}, trl: {}, transferModes: {}, province: {}, origin: {} };
}
