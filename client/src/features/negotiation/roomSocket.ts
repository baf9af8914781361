/**
 * One Socket.IO connection to the `/deals` namespace per tab, shared by every panel that needs
 * it and closed when the last one lets go. The session cookie authenticates it.
 */
import { io, type Socket } from 'socket.io-client';
import {
  DEALS_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@contract/socket-events';

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let shared: RoomSocket | null = null;
let holders = 0;

export function acquireRoomSocket(): RoomSocket {
  shared ??= io(DEALS_NAMESPACE, { withCredentials: true, reconnectionDelayMax: 5000 });
  holders += 1;
  return shared;
}

export function releaseRoomSocket(): void {
  holders = Math.max(0, holders - 1);
  if (holders === 0 && shared) {
    shared.disconnect();
    shared = null;
  }
}
