import { useEffect, useState } from 'react';
import { fetchUnreadCounts } from './negotiationApi';

/**
 * Unread messages per deal (the user's own deals when `dealIds` is not given), read again when
 * the window regains focus. Failures leave the counts empty: badges are a convenience.
 */
export function useUnreadCounts(dealIds?: string[]): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const key = dealIds?.join(',') ?? '';
  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      fetchUnreadCounts(key ? key.split(',') : undefined, controller.signal).then(setCounts, () => undefined);
    };
    load();
    window.addEventListener('focus', load);
    return () => {
      controller.abort();
      window.removeEventListener('focus', load);
    };
  }, [key]);
  return counts;
}
