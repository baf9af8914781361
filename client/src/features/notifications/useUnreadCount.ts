import { useCallback, useEffect, useState } from 'react';
import { acquireRoomSocket, releaseRoomSocket } from '../negotiation/roomSocket';
import { listNotifications, NOTIFICATIONS_CHANGED } from './notificationsApi';

/** How often to ask the server when the live socket is down. */
const POLL_MS = 30_000;

/**
 * The signed-in user's number of unread notifications, kept current by the socket's
 * `notification` events (namespace `/deals`), by this tab's own mark-read actions, and by polling
 * whenever the socket is not connected.
 */
export function useUnreadCount(signedIn: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);

  const refresh = useCallback(() => {
    listNotifications({ limit: 1 })
      .then((page) => setCount(page.unread))
      .catch(() => {
        // Keep the last count; the next event or poll tries again.
      });
  }, []);

  useEffect(() => {
    if (!signedIn) {
      setCount(null);
      return;
    }
    refresh();
    const socket = acquireRoomSocket();
    const onNotification = () => refresh();
    socket.on('notification', onNotification);
    socket.on('connect', refresh);
    window.addEventListener(NOTIFICATIONS_CHANGED, refresh);
    const timer = window.setInterval(() => {
      if (!socket.connected) refresh();
    }, POLL_MS);
    return () => {
      socket.off('notification', onNotification);
      socket.off('connect', refresh);
      window.removeEventListener(NOTIFICATIONS_CHANGED, refresh);
      window.clearInterval(timer);
      releaseRoomSocket();
    };
  }, [signedIn, refresh]);

  return count;
}
