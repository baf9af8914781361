/**
 * Storing and reading a deal room's messages. A message is stored before anyone is told about
 * it; its seq comes from the room's counter; a retried clientId returns the stored copy.
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { ChatMessage, MessageAudience, MessageKind, RoomRole } from '../api-contract/socket-events';
import { storeWithNextSeq } from './message.store';
import { messagesInRange } from './message-history';
import { stableObjectId } from './stable-ids';
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

/**
 * Stores a participant's message. Its `_id` is derived from (deal, author, clientId), so a
 * retried send collides with the stored message and gets it back with `created` false: nothing
 * new should then be announced. (No lookup first: the insert is the check, one query fewer.)
 */
export async function postMessage(
  dealId: string,
  author: MessageAuthor,
  input: NewMessage,
): Promise<{ message: ChatMessage; created: boolean }> {
  const { doc, created } = await storeWithNextSeq({
    _id: stableObjectId('message', dealId, author.userId, input.clientId),
    dealId,
    authorId: author.userId,
    authorName: author.name,
    authorRole: author.role,
    kind: input.audience === 'all' ? 'text' : 'note',
    body: input.body,
    audience: input.audience,
    clientId: input.clientId,
  });
  return { message: messageView(doc), created };
}

/** Records a deal event in the room, visible to everyone in it. */
export async function postSystemMessage(dealId: string, system: SystemMessage): Promise<ChatMessage> {
  const { doc } = await storeWithNextSeq({
    _id: new mongoose.Types.ObjectId(),
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
  const forward = page.after !== undefined;
  const docs = await messagesInRange(dealId, role, {
    from: page.after !== undefined ? page.after + 1 : 1,
    to: page.before !== undefined ? page.before - 1 : undefined,
    forward,
    want: page.limit + 1,
  });
  const hasMore = docs.length > page.limit;
  const kept = docs.slice(0, page.limit);
  if (!forward) kept.reverse();
  return { messages: kept.map(messageView), hasMore };
}

/** Messages numbered before a newer one but stored after it are caught within this window. */
const LATE_STORE_WINDOW_MS = 3000;
const LATE_STORE_SEQS = 20;

/**
 * What a client that holds everything up to `afterSeq` missed. Seqs are taken before the insert,
 * so a message can be stored just after a higher-numbered one the client already saw; the few
 * messages stored around that moment are sent again and clients drop the ones they hold.
 */
export async function catchUpMessages(
  dealId: string,
  role: RoomRole,
  afterSeq: number,
  limit: number,
): Promise<MessagePage> {
  const from = Math.max(0, afterSeq - LATE_STORE_SEQS);
  const docs = await messagesInRange(dealId, role, {
    from: from + 1,
    forward: true,
    want: limit + LATE_STORE_SEQS + 1,
  });
  const anchor = docs.filter((d) => d.seq <= afterSeq).at(-1);
  const since = anchor ? new Date(anchor.createdAt).getTime() - LATE_STORE_WINDOW_MS : Infinity;
  const late = docs.filter((d) => d.seq <= afterSeq && new Date(d.createdAt).getTime() >= since);
  const missed = docs.filter((d) => d.seq > afterSeq);
  return {
    messages: [...late, ...missed.slice(0, limit)].map(messageView),
    hasMore: missed.length > limit,
  };
}
