import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryClient';
import { getFees } from './paymentsApi';
import { usePaymentProviders } from './usePaymentProviders';

const POLL_MS = 4000;

/**
 * A deal's fee lines and the payment methods on offer; re-read every few seconds while a
 * payment is pending, so a confirmed transfer or a landed webhook shows without a reload.
 */
export function useFees(dealId: string, dealStatus: string) {
  const queryClient = useQueryClient();
  const feesKey = [...queryKeys.dealFees(dealId), dealStatus];
  const fees = useQuery({
    queryKey: feesKey,
    queryFn: ({ signal }) => getFees(dealId, signal),
    refetchInterval: (query) => (query.state.data?.some((f) => f.status === 'pending') ? POLL_MS : false),
  });
  const providers = usePaymentProviders();
  const reload = () => queryClient.invalidateQueries({ queryKey: feesKey });
  return { fees: fees.data ?? null, providers, error: fees.error, reload };
}
