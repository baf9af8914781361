/** Saved searches: `POST/GET /api/alerts`, `DELETE /api/alerts/:id`. */
import { api } from '../../api';

export interface AlertFilters {
  kind?: 'offer' | 'demand';
  field?: string;
  trlMin?: number;
  trlMax?: number;
  transferMode?: string;
  province?: string;
  currency?: 'VND' | 'USD';
  priceMin?: number;
  priceMax?: number;
}

export interface SavedSearch {
  id: string;
  q: string;
  filters: AlertFilters;
  createdAt: string;
}

export async function createAlert(q: string, filters: AlertFilters): Promise<SavedSearch> {
  return (await api<{ alert: SavedSearch }>('/api/alerts', { method: 'POST', body: { q, filters } })).alert;
}

export async function listAlerts(signal?: AbortSignal): Promise<SavedSearch[]> {
  return (await api<{ alerts: SavedSearch[] }>('/api/alerts', { signal })).alerts;
}

export async function deleteAlert(id: string): Promise<void> {
  await api(`/api/alerts/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
