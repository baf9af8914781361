/**
 * Storing and reading the messages of any room, whatever it belongs to (a deal's negotiation, an
 * online meeting at an event): numbered by the room's counter, stored before anyone is told, a
 * retried clientId answered with the stored copy, history read by seq. Who may read and write
 * which room, and how a message is shown, is the caller's (message.service.ts, meeting-messages.ts).
 */
import mongoose from 'mongoose';
import type { MessageAudience } from '../api-contract/socket-events';
import type { MessageDoc, RoomKind } from './message.model';
import { storeWithNextSeq } from './message.store';
import { messagesInRange } from './message-history';
import { stableObjectId } from '../common/stable-ids';

export interface RoomAuthor {
  userId: string;
  name: string;
  role: string;
}

export interface AuthoredMessage {
  body: string;
  clientId: string;
  audience: MessageAudience;
}

export interface StoredPage {
  docs: MessageDoc[];
  hasMore: boolean;
}

/**
 * Stores an author's message. Its `_id` is derived from (room, author, clientId), so a retried
 * send collides with the stored message and gets it back with `created` false: nothing new
 * should then be announced. (No lookup first: the insert is the check, one query fewer.)
 */
export function storeAuthoredMessage(
  roomId: string,
  room: RoomKind,
  author: RoomAuthor,
  input: AuthoredMessage,
): Promise<{ doc: MessageDoc; created: boolean }> {
  return storeWithNextSeq({
    _id: stableObjectId('message', roomId, author.userId, input.clientId),
    dealId: roomId,
    ...(room === 'deal' ? {} : { room }),
    authorId: author.userId,
    authorName: author.name,
    authorRole: author.role,
    kind: input.audience === 'all' ? 'text' : 'note',
    body: input.body,
    audience: input.audience,
    clientId: input.clientId,
  });
}

/** A new id for a message nobody retries (system lines). */
export const freshMessageId = () => new mongoose.Types.ObjectId();

/**
 * A page of the room's history in `audiences`, newest last: the newest `limit` messages (before
 * `before` when given), or the oldest `limit` after `after`.
 */
export async function roomPage(
  roomId: string,
  audiences: readonly MessageAudience[],
  page: { before?: number; after?: number; limit: number },
): Promise<StoredPage> {
  const forward = page.after !== undefined;
  const docs = await messagesInRange(roomId, audiences, {
    from: page.after !== undefined ? page.after + 1 : 1,
    to: page.before !== undefined ? page.before - 1 : undefined,
    forward,
    want: page.limit + 1,
  });
  const hasMore = docs.length > page.limit;
  const kept = docs.slice(0, page.limit);
  if (!forward) kept.reverse();
  return { docs: kept, hasMore };
}

/** Messages numbered before a newer one but stored after it are caught within this window. */
const LATE_STORE_WINDOW_MS = 3000;
const LATE_STORE_SEQS = 20;

/**
 * What a client that holds everything up to `afterSeq` missed. Seqs are taken before the insert,
 * so a message can be stored just after a higher-numbered one the client already saw; the few
 * messages stored around that moment are sent again and clients drop the ones they hold.
 */
export async function roomCatchUp(
  roomId: string,
  audiences: readonly MessageAudience[],
  afterSeq: number,
  limit: number,
): Promise<StoredPage> {
  const from = Math.max(0, afterSeq - LATE_STORE_SEQS);
  const docs = await messagesInRange(roomId, audiences, {
    from: from + 1,
    forward: true,
    want: limit + LATE_STORE_SEQS + 1,
  });
  const anchor = docs.filter((d) => d.seq <= afterSeq).at(-1);
  const since = anchor ? new Date(anchor.createdAt).getTime() - LATE_STORE_WINDOW_MS : Infinity;
  const late = docs.filter((d) => d.seq <= afterSeq && new Date(d.createdAt).getTime() >= since);
  const missed = docs.filter((d) => d.seq > afterSeq);
  return { docs: [...late, ...missed.slice(0, limit)], hasMore: missed.length > limit };
}
