import type { EventBus } from '../common/events';
import { userRoom } from './rooms';
import type { DealsNamespace } from './socket-types';

/** Each user's sockets get their new notifications, whichever process created them. */
export function relayNotifications(bus: EventBus, nsp: DealsNamespace): () => void {
  return bus.subscribe('notification.created', ({ userId, notification }) => {
    nsp.to(userRoom(userId)).emit('notification', { notification });
  });
}
