import type { AlertDoc } from './alert.model';
import type { AlertFilters } from './alert-match';

export interface AlertView {
  id: string;
  q: string;
  filters: AlertFilters;
  createdAt: string;
}

export function alertView(doc: AlertDoc): AlertView {
  const filters: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc.filters ?? {})) if (v !== undefined && v !== null) filters[k] = v;
  return {
    id: String(doc._id),
    q: doc.q ?? '',
    filters: filters as AlertFilters,
    createdAt: doc.createdAt.toISOString(),
  };
}
