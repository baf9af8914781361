import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { acquireRoomSocket, releaseRoomSocket } from '../negotiation';
import { NOTIFICATIONS_CHANGED } from './notificationsApi';
import { notificationsChanged } from './notificationSignals';
import { unreadCountQuery } from './unreadCountQuery';

/** How often to ask the server when the live socket is down. */
const POLL_MS = 30_000;

/**
 * The signed-in user's number of unread notifications, kept current by the socket's
 * `notification` events (namespace `/deals`), by asking again each time the socket (re)connects
 * (the server puts it in the user's room before it hears anything: what was missed meanwhile is
 * counted by that answer), by this tab's own mark-read actions, and by polling whenever the
 * socket is not connected. A count asked for before the last of these signals is not shown but
 * asked for again. A failed request keeps the last count and is tried again.
 */
export function useUnreadCount(signedIn: boolean): number | null {
  const queryClient = useQueryClient();
  const { data } = useQuery(unreadCountQuery(queryClient, signedIn));

  useEffect(() => {
    if (!signedIn) return;
    const refresh = () => void notificationsChanged(queryClient);
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
