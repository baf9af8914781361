/**
 * Reading a room's messages by seq, never by filter: the slots of a range of seqs are looked up
 * by `_id`, those the role may read are kept, and the messages themselves come from a cache
 * (a stored message never changes) or one `_id` query.
 */
import mongoose from 'mongoose';
import type { RoomRole } from '../contract/socket-events';
import { createRecordCache } from '../common/record-cache';
import type { MessageDoc } from './message.model';
import { lastSeqOf, messageReads } from './message.store';
import { readMessageSlots } from './message-slot.store';
import { visibleAudiences } from './room-access';

const storedMessages = createRecordCache<MessageDoc>({
  name: 'messages',
  types: ['message'],
  max: 50_000,
  ttlMs: 300_000,
});

/** How many seqs are looked up at once at least. */
const MIN_LOOKUP = 25;

export interface SeqRange {
  /** Lowest seq wanted (inclusive). */
  from: number;
  /** Highest seq wanted (inclusive); undefined: up to the room's last. */
  to?: number;
  /** Oldest first (from `from` up) or newest first (from `to` down). */
  forward: boolean;
  /** At most this many messages. */
  want: number;
}

/** Up to `want` messages of the range that `role` may read, in the range's direction. */
export async function messagesInRange(
  dealId: string,
  role: RoomRole,
  range: SeqRange,
): Promise<MessageDoc[]> {
  const last = await lastSeqOf(dealId);
  const from = Math.max(1, range.from);
  const to = Math.min(last, range.to ?? last);
  const visible = new Set<string>(visibleAudiences(role));
  const ids: string[] = [];
  let cursor = range.forward ? from : to;
  while (ids.length < range.want && cursor >= from && cursor <= to) {
    const size = Math.max(MIN_LOOKUP, range.want - ids.length);
    const seqs: number[] = [];
    for (let i = 0; i < size; i++) {
      const seq = range.forward ? cursor + i : cursor - i;
      if (seq < from || seq > to) break;
      seqs.push(seq);
    }
    cursor = range.forward ? cursor + size : cursor - size;
    const slots = await readMessageSlots(dealId, seqs);
    for (const seq of seqs) {
      const slot = slots.get(seq);
      if (slot && visible.has(slot.a)) ids.push(String(slot.m));
    }
  }
  const wanted = ids.slice(0, range.want);
  const docs = await storedMessages.getMany(wanted, async (missing) => {
    const found = (await messageReads
      .find({ _id: mongoose.trusted({ $in: missing }) })
      .lean()) as MessageDoc[];
    return new Map(found.map((d) => [String(d._id), d]));
  });
  return wanted.map((id) => docs.get(id)).filter((d): d is MessageDoc => !!d);
}
