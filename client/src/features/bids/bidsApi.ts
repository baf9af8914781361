/** The bid and proposal endpoints. */
import type { ListingKind } from '@contract/enums';
import { api } from '../../api';
import type { Outcome } from '../../ui/OutcomeForm';
import type { Deal } from '../deals';
import type { Bid, ListingBids, NewBid } from './bidTypes';

export function listingBidsPath(kind: ListingKind, id: string): string {
  return kind === 'offer'
    ? `/api/offers/${encodeURIComponent(id)}/bids`
    : `/api/demands/${encodeURIComponent(id)}/proposals`;
}

/** The client route of a listing's bids page. */
export function listingBidsHref(kind: ListingKind, id: string): string {
  return kind === 'offer' ? `/offers/${id}/bids` : `/demands/${id}/proposals`;
}

export function getListingBids(kind: ListingKind, id: string, signal?: AbortSignal): Promise<ListingBids> {
  return api<ListingBids>(listingBidsPath(kind, id), { signal });
}

export async function placeBid(kind: ListingKind, id: string, bid: NewBid): Promise<Bid> {
  return (await api<{ bid: Bid }>(listingBidsPath(kind, id), { method: 'POST', body: bid })).bid;
}

export async function myBids(signal?: AbortSignal): Promise<Bid[]> {
  return (await api<{ bids: Bid[] }>('/api/bids', { query: { mine: true }, signal })).bids;
}

/** A rejection says why (`outcome`). */
export async function decideBid(
  id: string,
  action: 'shortlist' | 'reject' | 'withdraw',
  outcome?: Outcome,
): Promise<Bid> {
  const body = outcome ? { ...outcome } : undefined;
  return (await api<{ bid: Bid }>(`/api/bids/${encodeURIComponent(id)}/${action}`, { method: 'POST', body }))
    .bid;
}

export async function acceptBid(id: string): Promise<Deal> {
  return (await api<{ deal: Deal }>(`/api/bids/${encodeURIComponent(id)}/accept`, { method: 'POST' })).deal;
}
