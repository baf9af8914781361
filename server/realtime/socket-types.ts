import type { Namespace, Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  MeetingRoomRole,
  RoomRole,
  ServerToClientEvents,
} from '../api-contract/socket-events';
import type { RoomUser } from '../negotiation';

/** Kept on each socket (and sent across processes by fetchSockets): who it is, where it is. */
export interface SocketData {
  user: RoomUser;
  /** The role the socket had when it joined each deal's room. */
  roles: Record<string, RoomRole>;
  /** The role the socket had when it joined each online meeting's room (presence shows each side). */
  meetingRoles?: Record<string, MeetingRoomRole>;
  /** The web session the handshake carried: signing it out disconnects this socket. */
  sessionId?: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

export type DealsNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type DealsSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
