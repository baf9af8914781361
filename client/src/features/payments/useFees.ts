import { useCallback, useEffect, useState } from 'react';
import { getFees, getProviders, type FeeLine, type PaymentProvider } from './paymentsApi';

const POLL_MS = 4000;

/**
 * A deal's fee lines and the payment methods on offer; re-read every few seconds while a
 * payment is pending, so a confirmed transfer or a landed webhook shows without a reload.
 */
export function useFees(dealId: string, dealStatus: string) {
  const [fees, setFees] = useState<FeeLine[] | null>(null);
  const [providers, setProviders] = useState<PaymentProvider[]>([]);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setFees(await getFees(dealId, signal));
        setError(null);
      } catch (err) {
        if (!signal?.aborted) setError(err);
      }
    },
    [dealId],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    getProviders(controller.signal).then(setProviders, () => setProviders(['bank_transfer']));
    return () => controller.abort();
  }, [reload, dealStatus]);

  const pending = fees?.some((f) => f.status === 'pending') ?? false;
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [pending, reload]);

  return { fees, providers, error, reload };
}
