/** The bell's query: the signed-in user's number of unread notifications, as the server counts it. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api';
import { queryKeys } from '../../api/queryClient';
import { askAfterLastSignal } from './notificationSignals';

/** The newest page of one notification, of which only the count of unread ones is read. */
const countUnread = async (signal: AbortSignal) =>
  (await api<{ unread: number }>('/api/notifications', { query: { limit: 1 }, signal })).unread;

/**
 * A count asked for after a live notification that fails (a moment's 503 under load) is asked
 * again: nothing else would correct the bell while the socket stays up.
 */
const RETRIES = 4;
const retryDelay = (attempt: number) => Math.min(8_000, 500 * 2 ** attempt);

/** A count asked for before the last live signal is asked for again, never shown (notificationSignals.ts). */
export function unreadCountQuery(queryClient: QueryClient, signedIn: boolean) {
  return queryOptions({
    queryKey: queryKeys.unreadNotifications,
    queryFn: ({ signal }) => askAfterLastSignal(queryClient, () => countUnread(signal), signal),
    enabled: signedIn,
    // A refusal (signed out) is final; a failure of the server or the network is not.
    retry: (failures, err) => failures < RETRIES && !(err instanceof ApiError && err.status < 500),
    retryDelay,
  });
}
