import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryClient';
import { getProviders, type PaymentProvider } from './paymentsApi';

const BANK_TRANSFER_ONLY: PaymentProvider[] = ['bank_transfer'];

/** The payment methods the exchange offers (bank transfer alone when it cannot say). */
export function usePaymentProviders(): PaymentProvider[] {
  const providers = useQuery({
    queryKey: queryKeys.paymentProviders,
    queryFn: ({ signal }) =>
      getProviders(signal).catch((err: unknown) => {
        if (signal.aborted) throw err;
        return BANK_TRANSFER_ONLY;
      }),
  });
  return providers.data ?? [];
}
