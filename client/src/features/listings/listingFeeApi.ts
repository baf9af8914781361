/** A listing's fee: what its organization owes before submitting it for review, and paying it. */
import { useQuery } from '@tanstack/react-query';
import type { ListingKind } from '@contract/enums';
import { api } from '../../api';
import type { ApiResponse } from '../../api/responses';
import { queryKeys } from '../../api/queryClient';
import type { PaymentProvider, StartedPayment } from '../payments';
import { listingPath } from './listingApi';

/** How the listing's fee stands (the same answer for offers and demands). */
export type ListingFee = ApiResponse<'/api/offers/{id}/listing-fee'>;
export type ListingFeeStatus = ListingFee['status'];

/** Below the listing's key: what refreshes the listing refreshes its fee too. */
export function listingFeeKey(kind: ListingKind, id: string) {
  return [...queryKeys.listing(kind, id), 'listing-fee'] as const;
}

export function getListingFee(kind: ListingKind, id: string, signal?: AbortSignal): Promise<ListingFee> {
  return api<ListingFee>(`${listingPath(kind, id)}/listing-fee`, { signal });
}

/** Starts (or resumes) the fee's payment: a Stripe Checkout URL or bank-transfer instructions. */
export function payListingFee(
  kind: ListingKind,
  id: string,
  provider: PaymentProvider,
): Promise<StartedPayment> {
  return api<StartedPayment>(`${listingPath(kind, id)}/listing-fee`, { method: 'POST', body: { provider } });
}

/** The listing's fee, asked only when `enabled` (its organization's member looking at it). */
export function useListingFee(kind: ListingKind, id: string, enabled: boolean) {
  return useQuery({
    queryKey: listingFeeKey(kind, id),
    queryFn: ({ signal }) => getListingFee(kind, id, signal),
    enabled,
  });
}
