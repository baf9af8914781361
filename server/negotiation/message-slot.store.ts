/**
 * The one writer of message slots (see message-slot.model.ts). A seq is taken by one message
 * only (the unique {dealId, seq} index), so a slot has one writer and needs no lock; writing it
 * replaces whatever an earlier, since-deleted message left there.
 */
import mongoose from 'mongoose';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { groupedReplace } from '../common/grouped-replace';
import { MessageSlotModel, type MessageSlotDoc } from './message-slot.model';

/** The audience of a slot whose seq holds no message (its writer stopped before storing it): nobody reads it. */
export const EMPTY_SLOT_AUDIENCE = 'none';

export const messageSlotId = (dealId: string, seq: number) => `${dealId}:${seq}`;

interface SlottedMessage {
  _id: unknown;
  dealId: unknown;
  seq: number;
  audience?: string | null;
  authorId?: unknown;
}

function slotOf(message: SlottedMessage): MessageSlotDoc {
  return {
    _id: messageSlotId(String(message.dealId), message.seq),
    m: new mongoose.Types.ObjectId(String(message._id)),
    a: message.audience ?? 'all',
    ...(message.authorId ? { u: String(message.authorId) } : {}),
  };
}

/** Slots written at the same moment (messages of several rooms) are stored by one command. */
const storeSlot = groupedReplace(() => MessageSlotModel.collection as never);

/** Writes the message's slot and returns it. */
export async function putMessageSlot(message: SlottedMessage): Promise<MessageSlotDoc> {
  const slot = slotOf(message);
  await storeSlot(slot as unknown as { _id: string } & Record<string, unknown>);
  return slot;
}

/**
 * Marks a seq found without a message. Only inserted, never replacing: a message stored meanwhile
 * keeps its slot, and one stored later replaces the mark (putMessageSlot).
 */
export async function markEmptySlot(dealId: string, seq: number): Promise<void> {
  const mark = { _id: messageSlotId(dealId, seq), m: new mongoose.Types.ObjectId(), a: EMPTY_SLOT_AUDIENCE };
  try {
    await MessageSlotModel.collection.insertOne(mark as never);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/** The stored slots of a room's seqs, by seq (seqs not taken, or not stored yet, are absent). */
export async function readMessageSlots(dealId: string, seqs: number[]): Promise<Map<number, MessageSlotDoc>> {
  const slots = await readSlots(seqs.map((seq) => messageSlotId(dealId, seq)));
  return new Map([...slots.values()].map((d) => [Number(d._id.slice(d._id.lastIndexOf(':') + 1)), d]));
}

/** The stored slots of several rooms' seqs, by slot id (`${dealId}:${seq}`). */
export async function readSlots(slotIds: string[]): Promise<Map<string, MessageSlotDoc>> {
  if (slotIds.length === 0) return new Map();
  const docs = (await MessageSlotModel.collection
    .find({ _id: { $in: slotIds } } as never)
    .toArray()) as unknown as MessageSlotDoc[];
  return new Map(docs.map((d) => [d._id, d]));
}

/** Replaces every slot by those of `messages` (a rebuild from the messages themselves). */
export async function rebuildMessageSlots(messages: AsyncIterable<SlottedMessage>): Promise<number> {
  await MessageSlotModel.collection.deleteMany({});
  let batch: MessageSlotDoc[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await MessageSlotModel.collection.insertMany(batch as never[], { ordered: false });
    count += batch.length;
    batch = [];
  };
  for await (const message of messages) {
    batch.push(slotOf(message));
    if (batch.length >= 1000) await flush();
  }
  await flush();
  return count;
}
