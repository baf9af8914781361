/** The listing endpoints of the API, for offers and demands alike. */
import type { ListingKind, ListingStatus } from '@contract/enums';
import { api } from '../../api';
import type { Demand, Listing, Offer } from '../../types';

export type ListingOf<K extends ListingKind> = K extends 'offer' ? Offer : Demand;

export function listingPath(kind: ListingKind, id?: string): string {
  const base = kind === 'offer' ? '/api/offers' : '/api/demands';
  return id ? `${base}/${encodeURIComponent(id)}` : base;
}

/** The client route of a listing's page. */
export function listingHref(kind: ListingKind, id: string): string {
  return `/${kind === 'offer' ? 'offers' : 'demands'}/${id}`;
}

function pick<K extends ListingKind>(kind: K, body: unknown): ListingOf<K> | undefined {
  return (body as Record<string, ListingOf<K>> | undefined)?.[kind];
}

export async function getListing<K extends ListingKind>(kind: K, id: string, signal?: AbortSignal) {
  const body = await api<unknown>(listingPath(kind, id), { signal });
  const listing = pick(kind, body);
  if (!listing) throw new Error(`The server answered without an ${kind}`);
  return listing;
}

export async function createListing<K extends ListingKind>(kind: K, payload: object) {
  const listing = pick(kind, await api<unknown>(listingPath(kind), { method: 'POST', body: payload }));
  if (!listing) throw new Error(`The server answered without an ${kind}`);
  return listing;
}

export async function updateListing<K extends ListingKind>(kind: K, id: string, payload: object) {
  return pick(kind, await api<unknown>(listingPath(kind, id), { method: 'PATCH', body: payload }));
}

export async function submitListing<K extends ListingKind>(kind: K, id: string) {
  return pick(kind, await api<unknown>(`${listingPath(kind, id)}/submit`, { method: 'POST' }));
}

export async function withdrawListing(kind: ListingKind, id: string): Promise<void> {
  await api<unknown>(listingPath(kind, id), { method: 'DELETE' });
}

export async function listMine<K extends ListingKind>(
  kind: K,
  status?: ListingStatus,
  signal?: AbortSignal,
): Promise<{ items: ListingOf<K>[]; total: number }> {
  const body = await api<Record<string, unknown>>(listingPath(kind), {
    query: { mine: 'true', status },
    signal,
  });
  const items = (body[kind === 'offer' ? 'offers' : 'demands'] as ListingOf<K>[] | undefined) ?? [];
  return { items, total: typeof body.total === 'number' ? body.total : items.length };
}

export async function approveListing(kind: ListingKind, id: string): Promise<void> {
  await api<unknown>(
    `/api/admin/${kind === 'offer' ? 'offers' : 'demands'}/${encodeURIComponent(id)}/approve`,
    {
      method: 'POST',
    },
  );
}

export async function rejectListing(kind: ListingKind, id: string, reason: string): Promise<void> {
  await api<unknown>(
    `/api/admin/${kind === 'offer' ? 'offers' : 'demands'}/${encodeURIComponent(id)}/reject`,
    {
      method: 'POST',
      body: { reason },
    },
  );
}

export function isOwnListing(listing: Listing, organizationId: string | undefined): boolean {
  return !!organizationId && listing.organization?.id === organizationId;
}
