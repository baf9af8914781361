/**
 * The negotiation room's event contract (Socket.IO namespace `/deals`), shared by the server
 * and the web client. Plain types only: no Node imports, so the client can compile it.
 */

export const DEALS_NAMESPACE = '/deals';

export type MessageKind = 'text' | 'note' | 'system' | 'terms';
/** Who sees a message: everyone in the room, or (broker notes) one side plus the mediators. */
export type MessageAudience = 'all' | 'seller' | 'buyer';
export type RoomRole = 'seller' | 'buyer' | 'broker' | 'admin';
/** In an online meeting's room: a member of the organisation that asked for it, of the invited one, or an operator. */
export type MeetingRoomRole = 'requester' | 'invitee' | 'admin';
export type MessageAuthorRole = RoomRole | 'system' | Exclude<MeetingRoomRole, 'admin'>;

export interface ChatMessage {
  id: string;
  dealId: string;
  /** Per-deal, increasing; the client catches up from the last one it holds. */
  seq: number;
  authorId: string | null;
  authorName: string | null;
  authorRole: MessageAuthorRole;
  kind: MessageKind;
  /** Plain text, never HTML: clients show it escaped. */
  body: string;
  audience: MessageAudience;
  clientId: string | null;
  /** For system and terms messages: the deal event they record, so clients can word it themselves. */
  event?: { name: string; data: Record<string, unknown> };
  createdAt: string;
}

export interface SocketErrorBody {
  code: string;
  message: string;
  details?: { field: string; message: string }[];
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: SocketErrorBody };
export type AckCallback<T extends object = object> = (response: Ack<T>) => void;

export interface ReadMarker {
  userId: string;
  seq: number;
}

export interface JoinRequest {
  dealId: string;
  /**
   * Catch-up: the messages after this seq (those missed while disconnected). A few messages
   * stored around that moment may come again: keep one message per seq.
   */
  afterSeq?: number;
}

export interface JoinResult {
  role: RoomRole;
  /** Newest last: the latest page, or everything after `afterSeq`. */
  messages: ChatMessage[];
  /** More messages exist than were sent: older ones (latest page) or newer ones (catch-up). */
  hasMore: boolean;
  online: string[];
  /** Display names of the people online. */
  names: Record<string, string>;
  reads: ReadMarker[];
}

export interface SendMessageRequest {
  dealId: string;
  body: string;
  /** Chosen by the client once per message; retrying with it never stores a second copy. */
  clientId: string;
  /** Brokers (and operators) only: a note for one side. */
  audience?: MessageAudience;
}

/** A message of an online meeting's room at an event (plain text, like a deal room's). */
export interface MeetingChatMessage {
  id: string;
  meetingId: string;
  /** Per-meeting, increasing. */
  seq: number;
  authorId: string;
  authorName: string;
  authorRole: MeetingRoomRole;
  body: string;
  clientId: string;
  createdAt: string;
}

/** Someone in a meeting's room, and the side they are there for. */
export interface MeetingRoomPerson {
  userId: string;
  name: string;
  side: MeetingRoomRole;
}

export interface MeetingPresenceEvent {
  meetingId: string;
  /** Sorted by user id; a person with several tabs open is listed once. */
  present: MeetingRoomPerson[];
}

export interface MeetingJoinRequest {
  meetingId: string;
  /** Catch-up after this seq, as for deal rooms. */
  afterSeq?: number;
}

export interface MeetingJoinResult {
  role: MeetingRoomRole;
  messages: MeetingChatMessage[];
  hasMore: boolean;
  present: MeetingRoomPerson[];
}

export interface MeetingSendRequest {
  meetingId: string;
  body: string;
  clientId: string;
}

export interface ClientToServerEvents {
  'meeting:join': (request: MeetingJoinRequest, ack: AckCallback<MeetingJoinResult>) => void;
  'meeting:leave': (request: { meetingId: string }, ack?: AckCallback) => void;
  'meeting:send': (request: MeetingSendRequest, ack: AckCallback<{ message: MeetingChatMessage }>) => void;
  'deal:join': (request: JoinRequest, ack: AckCallback<JoinResult>) => void;
  'deal:leave': (request: { dealId: string }, ack?: AckCallback) => void;
  'message:send': (request: SendMessageRequest, ack: AckCallback<{ message: ChatMessage }>) => void;
  typing: (request: { dealId: string }, ack?: AckCallback) => void;
  'message:read': (request: { dealId: string; seq: number }, ack?: AckCallback<{ seq: number }>) => void;
}

export interface PresenceEvent {
  dealId: string;
  /** The ids of the people with at least one socket in the room, sorted. */
  online: string[];
  names: Record<string, string>;
}

export interface TermsProposedEvent {
  dealId: string;
  termSheet: unknown;
}

export interface TermsAcceptedEvent {
  dealId: string;
  version: number;
  role: 'seller' | 'buyer';
  userId: string;
  agreed: boolean;
}

export interface DealStatusEvent {
  dealId: string;
  status: string;
  from?: string;
  reason?: string;
}

export interface ServerToClientEvents {
  'meeting:message': (event: { message: MeetingChatMessage }) => void;
  'meeting:presence': (event: MeetingPresenceEvent) => void;
  'message:new': (event: { message: ChatMessage }) => void;
  typing: (event: { dealId: string; userId: string; name?: string }) => void;
  presence: (event: PresenceEvent) => void;
  read: (event: { dealId: string; userId: string; seq: number }) => void;
  'terms:proposed': (event: TermsProposedEvent) => void;
  'terms:accepted': (event: TermsAcceptedEvent) => void;
  'deal:status': (event: DealStatusEvent) => void;
  /** This socket may no longer see the deal (broker removed, access lost) and left its room. */
  'deal:left': (event: { dealId: string; reason: 'access_lost' }) => void;
  notification: (event: { notification: unknown }) => void;
}

export const MESSAGE_MAX_LENGTH = 4000;
export const HISTORY_PAGE_SIZE = 50;
