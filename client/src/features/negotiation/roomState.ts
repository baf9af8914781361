/** The negotiation room as the client holds it, and how each thing heard changes it. */
import type { ChatMessage, JoinResult, MeetingRoomRole, RoomRole } from '@contract/socket-events';
import type { MessageAudience } from '@contract/socket-events';
import { mergeMessages } from './messageTimeline';

/** A deal room's roles, or an online meeting room's. */
export type AnyRoomRole = RoomRole | MeetingRoomRole;

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'signedOut';

export interface PendingMessage {
  clientId: string;
  body: string;
  audience: MessageAudience;
  state: 'sending' | 'failed';
  error?: string;
}

export interface TypingPerson {
  userId: string;
  name: string;
}

export interface RoomState {
  /** One per seq, oldest first. */
  messages: ChatMessage[];
  /** Mine, not yet confirmed by the server. */
  pending: PendingMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  role: AnyRoomRole | null;
  online: string[];
  names: Record<string, string>;
  reads: Record<string, number>;
  typing: TypingPerson[];
  connection: ConnectionState;
  /** The join was refused (its error code), or access was lost while in the room ('access_lost'). */
  refused: string | null;
}

export type RoomAction =
  | { type: 'reset'; connection: ConnectionState }
  | { type: 'connection'; connection: ConnectionState }
  | { type: 'joined'; join: Omit<JoinResult, 'role'> & { role: AnyRoomRole }; catchUp: boolean; me?: string }
  | { type: 'received'; messages: ChatMessage[]; me?: string }
  | { type: 'olderLoaded'; messages: ChatMessage[]; hasMore: boolean }
  | { type: 'loadingOlder'; loading: boolean }
  | { type: 'pendingAdded'; item: PendingMessage }
  | { type: 'pendingChanged'; clientId: string; patch: Partial<PendingMessage> | null }
  | { type: 'typing'; person: TypingPerson }
  | { type: 'typingEnded'; userId: string }
  | { type: 'presence'; online: string[]; names: Record<string, string> }
  | { type: 'read'; userId: string; seq: number }
  | { type: 'refused'; code: string };

export function initialRoomState(connection: ConnectionState = 'connecting'): RoomState {
  return {
    messages: [],
    pending: [],
    hasOlder: false,
    loadingOlder: false,
    role: null,
    online: [],
    names: {},
    reads: {},
    typing: [],
    connection,
    refused: null,
  };
}

/** Holds the messages and drops my pending copies of those the server has now stored. */
function receive(state: RoomState, messages: ChatMessage[], me?: string): RoomState {
  const stored = new Set(messages.filter((m) => m.authorId === me).map((m) => m.clientId));
  const pending = stored.size > 0 ? state.pending.filter((p) => !stored.has(p.clientId)) : state.pending;
  return { ...state, messages: mergeMessages(state.messages, messages), pending };
}

export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'reset':
      return initialRoomState(action.connection);
    case 'connection':
      return { ...state, connection: action.connection };
    case 'joined': {
      const { join } = action;
      return {
        ...receive(state, join.messages, action.me),
        hasOlder: action.catchUp ? state.hasOlder : join.hasMore,
        role: join.role,
        online: join.online,
        names: { ...state.names, ...join.names },
        reads: Object.fromEntries(join.reads.map((r) => [r.userId, r.seq])),
        connection: 'online',
        refused: null,
      };
    }
    case 'received':
      return receive(state, action.messages, action.me);
    case 'olderLoaded':
      return { ...state, messages: mergeMessages(state.messages, action.messages), hasOlder: action.hasMore };
    case 'loadingOlder':
      return { ...state, loadingOlder: action.loading };
    case 'pendingAdded':
      return { ...state, pending: [...state.pending, action.item] };
    case 'pendingChanged': {
      const { clientId, patch } = action;
      const pending =
        patch === null
          ? state.pending.filter((p) => p.clientId !== clientId)
          : state.pending.map((p) => (p.clientId === clientId ? { ...p, ...patch } : p));
      return { ...state, pending };
    }
    case 'typing':
      return state.typing.some((p) => p.userId === action.person.userId)
        ? state
        : { ...state, typing: [...state.typing, action.person] };
    case 'typingEnded':
      return { ...state, typing: state.typing.filter((p) => p.userId !== action.userId) };
    case 'presence':
      return { ...state, online: action.online, names: { ...state.names, ...action.names } };
    case 'read':
      return {
        ...state,
        reads: { ...state.reads, [action.userId]: Math.max(state.reads[action.userId] ?? 0, action.seq) },
      };
    case 'refused':
      return {
        ...state,
        refused: action.code,
        connection: state.connection === 'connecting' ? 'online' : state.connection,
      };
  }
}
