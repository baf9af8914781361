/** Deposits on auctions and calls for proposals that ask one: the caller's own, paying it, and the owner's list. */
import { useQuery } from '@tanstack/react-query';
import type { ListingKind } from '@contract/enums';
import { api } from '../../api';
import type { ApiResponse } from '../../api/responses';
import { queryKeys } from '../../api/queryClient';
import type { Deal } from '../deals';
import type { PaymentProvider, StartedPayment } from '../payments';

/** Whether the auction (or call) asks a deposit, and how the caller's organization's stands. */
export type MyDeposit = ApiResponse<'/api/offers/{id}/deposits/mine'>;
export type DepositStatus = MyDeposit['status'];
/** Every deposit on a listing, as its owner sees them. */
export type ListingDeposits = ApiResponse<'/api/offers/{id}/deposits'>;
/** One deposit's payment, with what became of it (`deposit`). */
export type DepositPayment = ListingDeposits['deposits'][number];

function listingPath(kind: ListingKind, id: string): string {
  return `/api/${kind === 'offer' ? 'offers' : 'demands'}/${encodeURIComponent(id)}`;
}

function depositsPath(kind: ListingKind, id: string): string {
  return `${listingPath(kind, id)}/deposits`;
}

/** Below the listing's bids key: what refreshes the bids refreshes the deposits too. */
export function myDepositKey(kind: ListingKind, id: string) {
  return [...queryKeys.listingBids(kind, id), 'deposit', 'mine'] as const;
}

function listingDepositsKey(kind: ListingKind, id: string) {
  return [...queryKeys.listingBids(kind, id), 'deposit', 'all'] as const;
}

export function getMyDeposit(kind: ListingKind, id: string, signal?: AbortSignal): Promise<MyDeposit> {
  return api<MyDeposit>(`${depositsPath(kind, id)}/mine`, { signal });
}

/** Starts (or resumes) the organization's deposit: a Stripe Checkout URL or bank-transfer instructions. */
export function payDeposit(
  kind: ListingKind,
  id: string,
  provider: PaymentProvider,
): Promise<StartedPayment> {
  return api<StartedPayment>(depositsPath(kind, id), { method: 'POST', body: { provider } });
}

/** The caller's deposit on an auction or a call; asked only when `enabled` (a possible bidder on one). */
export function useMyDeposit(kind: ListingKind, id: string, enabled: boolean) {
  return useQuery({
    queryKey: myDepositKey(kind, id),
    queryFn: ({ signal }) => getMyDeposit(kind, id, signal),
    enabled,
  });
}

/** Every deposit on the owner's auction or call; asked only when `enabled`. */
export function useListingDeposits(kind: ListingKind, id: string, enabled: boolean) {
  return useQuery({
    queryKey: listingDepositsKey(kind, id),
    queryFn: ({ signal }) => api<ListingDeposits>(depositsPath(kind, id), { signal }),
    enabled,
  });
}

/** After a forfeit, the owner offers the technology to the runner-up: the deal opened. */
export async function offerToRunnerUp(kind: ListingKind, id: string): Promise<Deal> {
  return (await api<{ deal: Deal }>(`${listingPath(kind, id)}/runner-up`, { method: 'POST' })).deal;
}
