/**
 * Storing and reading a deal room's messages (room-messages.ts does the work for every kind of
 * room): what each role of the deal may read, and messages as the deal room shows them.
 */
import { randomUUID } from 'node:crypto';
import type { ChatMessage, MessageAudience, MessageKind, RoomRole } from '../api-contract/socket-events';
import { storeWithNextSeq } from './message.store';
import { freshMessageId, roomCatchUp, roomPage, storeAuthoredMessage } from './room-messages';
import { visibleAudiences } from './room-access';
import { messageView } from './message.view';

export interface MessageAuthor {
  userId: string;
  name: string;
  role: RoomRole;
}

export interface NewMessage {
  body: string;
  clientId: string;
  audience: MessageAudience;
}

export interface SystemMessage {
  kind: Extract<MessageKind, 'system' | 'terms'>;
  body: string;
  event: { name: string; data: Record<string, unknown> };
}

export interface MessagePage {
  messages: ChatMessage[];
  hasMore: boolean;
}

/** Stores a participant's message; a retried clientId gets the stored copy back with `created` false. */
export async function postMessage(
  dealId: string,
  author: MessageAuthor,
  input: NewMessage,
): Promise<{ message: ChatMessage; created: boolean }> {
  const { doc, created } = await storeAuthoredMessage(dealId, 'deal', author, input);
  return { message: messageView(doc), created };
}

/** Records a deal event in the room, visible to everyone in it. */
export async function postSystemMessage(dealId: string, system: SystemMessage): Promise<ChatMessage> {
  const { doc } = await storeWithNextSeq({
    _id: freshMessageId(),
    dealId,
    authorId: null,
    authorRole: 'system',
    kind: system.kind,
    body: system.body,
    audience: 'all',
    clientId: `system:${randomUUID()}`,
    event: system.event,
  });
  return messageView(doc);
}

/**
 * A page of the room's history as `role` may see it, newest last: the newest `limit` messages
 * (before `before` when given), or the oldest `limit` after `after`.
 */
export async function listMessages(
  dealId: string,
  role: RoomRole,
  page: { before?: number; after?: number; limit: number },
): Promise<MessagePage> {
  const { docs, hasMore } = await roomPage(dealId, visibleAudiences(role), page);
  return { messages: docs.map(messageView), hasMore };
}

/** What a client that holds everything up to `afterSeq` missed (see roomCatchUp). */
export async function catchUpMessages(
  dealId: string,
  role: RoomRole,
  afterSeq: number,
  limit: number,
): Promise<MessagePage> {
  const { docs, hasMore } = await roomCatchUp(dealId, visibleAudiences(role), afterSeq, limit);
  return { messages: docs.map(messageView), hasMore };
}
