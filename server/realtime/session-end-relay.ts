import type { EventBus } from '../common/events';
import { sessionRoom, userRoom } from './rooms';
import type { DealsNamespace } from './socket-types';

/**
 * Sockets do not outlive what opened them: signing out disconnects that session's sockets, a
 * role change all of the user's (they reconnect with the new role), in every process.
 */
export function relaySessionEnds(bus: EventBus, nsp: DealsNamespace): () => void {
  return bus.subscribe('user.sessions_ended', ({ userId, sessionId }) => {
    nsp.in(sessionId ? sessionRoom(sessionId) : userRoom(userId)).disconnectSockets(true);
  });
}
