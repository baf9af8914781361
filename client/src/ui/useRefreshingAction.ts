import { useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * Runs one action at a time (a file upload, a removal…) and refreshes `queryKey` after it:
 * `busy` while it runs, `error` when it failed (cleared by the next run).
 */
export function useRefreshingAction(queryKey: QueryKey) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, run };
}
