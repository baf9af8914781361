/** Bid deposits on auctions that ask one: the caller's own, and paying it. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { ApiResponse } from '../../api/responses';
import { queryKeys } from '../../api/queryClient';
import type { PaymentProvider, StartedPayment } from '../payments';

/** Whether the auction asks a deposit, and how the caller's organization's stands. */
export type MyDeposit = ApiResponse<'/api/offers/{id}/deposits/mine'>;
export type DepositStatus = MyDeposit['status'];

function depositsPath(offerId: string): string {
  return `/api/offers/${encodeURIComponent(offerId)}/deposits`;
}

/** Below the offer's bids key: what refreshes the bids refreshes the deposit too. */
export function myDepositKey(offerId: string) {
  return [...queryKeys.listingBids('offer', offerId), 'deposit', 'mine'] as const;
}

export function getMyDeposit(offerId: string, signal?: AbortSignal): Promise<MyDeposit> {
  return api<MyDeposit>(`${depositsPath(offerId)}/mine`, { signal });
}

/** Starts (or resumes) the organization's deposit: a Stripe Checkout URL or bank-transfer instructions. */
export function payDeposit(offerId: string, provider: PaymentProvider): Promise<StartedPayment> {
  return api<StartedPayment>(depositsPath(offerId), { method: 'POST', body: { provider } });
}

/** The caller's deposit on an auction; asked only when `enabled` (a possible bidder on an auction). */
export function useMyDeposit(offerId: string, enabled: boolean) {
  return useQuery({
    queryKey: myDepositKey(offerId),
    queryFn: ({ signal }) => getMyDeposit(offerId, signal),
    enabled,
  });
}
