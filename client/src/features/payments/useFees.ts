import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryClient';
import { getFees, getProviders, type PaymentProvider } from './paymentsApi';

const POLL_MS = 4000;
const BANK_TRANSFER_ONLY: PaymentProvider[] = ['bank_transfer'];

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
  const providers = useQuery({
    queryKey: queryKeys.paymentProviders,
    queryFn: ({ signal }) =>
      getProviders(signal).catch((err: unknown) => {
        if (signal.aborted) throw err;
        return BANK_TRANSFER_ONLY;
      }),
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: feesKey });
  return { fees: fees.data ?? null, providers: providers.data ?? [], error: fees.error, reload };
}
