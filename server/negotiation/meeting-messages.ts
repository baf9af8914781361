/**
 * The messages of an online meeting's room at an event, on the rooms' machinery
 * (room-messages.ts): everything is said to everyone in the room (no notes to one side). Who may
 * read and write is decided by the caller (events' meeting-room access).
 */
import type { MeetingChatMessage, MeetingRoomRole } from '../api-contract/socket-events';
import type { MessageDoc } from './message.model';
import { roomCatchUp, roomPage, storeAuthoredMessage } from './room-messages';

const EVERYONE = ['all'] as const;

export interface MeetingAuthor {
  userId: string;
  name: string;
  role: MeetingRoomRole;
}

export interface MeetingMessagePage {
  messages: MeetingChatMessage[];
  hasMore: boolean;
}

export function meetingMessageView(doc: MessageDoc): MeetingChatMessage {
  return {
    id: String(doc._id),
    meetingId: String(doc.dealId),
    seq: doc.seq,
    authorId: String(doc.authorId),
    authorName: doc.authorName ?? '',
    authorRole: doc.authorRole as MeetingRoomRole,
    body: doc.body,
    clientId: doc.clientId,
    createdAt: new Date(doc.createdAt).toISOString(),
  };
}

/** Stores a message; a retried clientId gets the stored copy back with `created` false. */
export async function postMeetingMessage(
  meetingId: string,
  author: MeetingAuthor,
  input: { body: string; clientId: string },
): Promise<{ message: MeetingChatMessage; created: boolean }> {
  const { doc, created } = await storeAuthoredMessage(meetingId, 'meeting', author, {
    ...input,
    audience: 'all',
  });
  return { message: meetingMessageView(doc), created };
}

export async function listMeetingMessages(
  meetingId: string,
  page: { before?: number; after?: number; limit: number },
): Promise<MeetingMessagePage> {
  const { docs, hasMore } = await roomPage(meetingId, EVERYONE, page);
  return { messages: docs.map(meetingMessageView), hasMore };
}

export async function catchUpMeetingMessages(
  meetingId: string,
  afterSeq: number,
  limit: number,
): Promise<MeetingMessagePage> {
  const { docs, hasMore } = await roomCatchUp(meetingId, EVERYONE, afterSeq, limit);
  return { messages: docs.map(meetingMessageView), hasMore };
}
