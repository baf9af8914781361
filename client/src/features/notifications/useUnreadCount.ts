import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { queryKeys } from '../../api/queryClient';
import { acquireRoomSocket, releaseRoomSocket } from '../negotiation';
import { listNotifications, NOTIFICATIONS_CHANGED } from './notificationsApi';

/** How often to ask the server when the live socket is down. */
const POLL_MS = 30_000;

/**
 * A count asked for after a live notification that fails (a moment's 503 under load) is asked
 * again: nothing else would correct the bell while the socket stays up.
 */
const RETRIES = 4;
const retryDelay = (attempt: number) => Math.min(8_000, 500 * 2 ** attempt);

/**
 * The signed-in user's number of unread notifications, kept current by the socket's
 * `notification` events (namespace `/deals`), by this tab's own mark-read actions, and by polling
 * whenever the socket is not connected. A failed request keeps the last count and is tried again.
 */
export function useUnreadCount(signedIn: boolean): number | null {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: queryKeys.unreadNotifications,
    queryFn: async () => (await listNotifications({ limit: 1 })).unread,
    enabled: signedIn,
    // A refusal (signed out) is final; a failure of the server or the network is not.
    retry: (failures, err) => failures < RETRIES && !(err instanceof ApiError && err.status < 500),
    retryDelay,
  });

  useEffect(() => {
    if (!signedIn) return;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    const socket = acquireRoomSocket();
    socket.on('notification', refresh);
    socket.on('connect', refresh);
    window.addEventListener(NOTIFICATIONS_CHANGED, refresh);
    const timer = window.setInterval(() => {
      if (!socket.connected) refresh();
    }, POLL_MS);
    return () => {
      socket.off('notification', refresh);
      socket.off('connect', refresh);
      window.removeEventListener(NOTIFICATIONS_CHANGED, refresh);
      window.clearInterval(timer);
      releaseRoomSocket();
    };
  }, [signedIn, queryClient]);

  return signedIn ? (data ?? null) : null;
}
