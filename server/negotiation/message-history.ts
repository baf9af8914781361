/**
 * Reading a room's messages (a deal's or a meeting's) by seq, never by filter: the slots of a
 * range of seqs are looked up by `_id`, those of the audiences the reader may read are kept, and the messages themselves come from a cache
 * (a stored message never changes) or one `_id` query.
 */
import mongoose from 'mongoose';
import type { MessageAudience } from '../api-contract/socket-events';
import { createRecordCache } from '../common/record-cache';
import type { MessageDoc } from './message.model';
import { lastSeqOf, messageReads } from './message.store';
import { markEmptySlot, putMessageSlot, readMessageSlots } from './message-slot.store';
import type { MessageSlotDoc } from './message-slot.model';

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

/** Up to `want` messages of the range in `audiences`, in the range's direction. */
export async function messagesInRange(
  dealId: string,
  audiences: readonly MessageAudience[],
  range: SeqRange,
): Promise<MessageDoc[]> {
  const last = await lastSeqOf(dealId);
  const from = Math.max(1, range.from);
  const to = Math.min(last, range.to ?? last);
  const visible = new Set<string>(audiences);
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
    const unslotted = seqs.filter((seq) => !slots.has(seq));
    if (unslotted.length > 0)
      for (const [seq, slot] of await repairSlots(dealId, unslotted)) slots.set(seq, slot);
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

/**
 * Slots a process stopped before writing (it was killed between storing a message and its slot):
 * the messages of those seqs are looked up by filter, once, and their slots written; a seq with
 * no message is marked empty so it is not looked up again.
 */
async function repairSlots(dealId: string, seqs: number[]): Promise<Map<number, MessageSlotDoc>> {
  const found = (await messageReads
    .find({ dealId: new mongoose.Types.ObjectId(dealId), seq: mongoose.trusted({ $in: seqs }) })
    .lean()) as MessageDoc[];
  const repaired = new Map<number, MessageSlotDoc>();
  for (const message of found) repaired.set(message.seq, await putMessageSlot(message));
  for (const seq of seqs) if (!repaired.has(seq)) await markEmptySlot(dealId, seq);
  return repaired;
}
