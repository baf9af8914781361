/**
 * The shared socket's connection as a room's state shows it (every kind of room): reconnecting
 * after a drop, signed out when the handshake is refused. Returns what removes the listeners.
 */
import type { RoomAction } from './roomState';
import type { RoomSocket } from './roomSocket';

export function followConnection(socket: RoomSocket, dispatch: (action: RoomAction) => void): () => void {
  const onDisconnect = (reason: string) => {
    if (reason !== 'io client disconnect') dispatch({ type: 'connection', connection: 'reconnecting' });
    // The server ends sockets on sign-out and role changes: one new handshake tells which.
    if (reason === 'io server disconnect') socket.connect();
  };
  const onConnectError = (err: Error) =>
    dispatch({
      type: 'connection',
      connection: err.message === 'unauthenticated' ? 'signedOut' : 'reconnecting',
    });
  const onReconnecting = () => dispatch({ type: 'connection', connection: 'reconnecting' });
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onConnectError);
  socket.io.on('reconnect_attempt', onReconnecting);
  return () => {
    socket.off('disconnect', onDisconnect);
    socket.off('connect_error', onConnectError);
    socket.io.off('reconnect_attempt', onReconnecting);
  };
}
