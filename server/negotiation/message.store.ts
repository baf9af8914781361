/**
 * The message store: the only code that writes chat messages, room counters and read markers.
 * A message's number comes from its room's counter and the unique {dealId, seq} index (no lock:
 * the insert is the check), so a busy room never waits on a lock.
 */
import mongoose from 'mongoose';
import type { ModifyResult } from 'mongodb';
import { AppError } from '../common/errors';
import { LRUCache } from 'lru-cache';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { groupedCommand } from '../common/grouped-command';
import { onCacheClear } from '../common/record-cache';
import { isSoleDatabaseUser } from '../common/sole-user';
import { groupedInsert } from '../common/grouped-insert';
import { groupedFindById } from '../common/grouped-find';
import { recordWritten } from '../common/record-changes';
import type { ModelReads } from '../common/store';
import { MessageModel, type MessageDoc } from './message.model';
import { ReadMarkerModel, type ReadMarkerDoc } from './read-marker.model';
import { RoomCounterModel } from './room-counter.model';
import { stableObjectId } from '../common/stable-ids';

/** Reads of messages and read markers for code outside the store. */
export const messageReads: ModelReads<typeof MessageModel> = MessageModel;
export const readMarkerReads: ModelReads<typeof ReadMarkerModel> = ReadMarkerModel;

const oid = (id: string) => new mongoose.Types.ObjectId(id);
const isDuplicateKey = isDuplicateKeyError;

/**
 * While this process is the database's only user, the last seq it took in each room: every
 * message goes through here, so the next seq is one more without asking the database, and the
 * room's counter is stored (`$max`) before the message, with the counters of other rooms taken
 * at the same moment in one command.
 */
const takenHere = new LRUCache<string, number>({ max: 20_000 });
onCacheClear(() => takenHere.clear());

const storeCounters = groupedCommand<{ dealId: string; seq: number }, true>(async (taken) => {
  await RoomCounterModel.collection.bulkWrite(
    taken.map(({ dealId, seq }) => ({
      updateOne: { filter: { _id: oid(dealId) }, update: { $max: { seq } }, upsert: true },
    })),
    { ordered: false },
  );
  return taken.map(() => true as const);
});

/**
 * Takes the room's next message number. `$inc` is atomic on MongoDB but not on FerretDB's
 * SQLite backend (concurrent increments can be lost), so the unique {dealId, seq} index is
 * what finally guarantees each number is used once: see `storeWithNextSeq`.
 */
async function nextSeq(dealId: string): Promise<number> {
  if (isSoleDatabaseUser()) {
    const stored = takenHere.has(dealId) ? 0 : await storedLastSeq(dealId);
    const seq = Math.max(takenHere.get(dealId) ?? 0, stored) + 1;
    takenHere.set(dealId, seq);
    await storeCounters({ dealId, seq });
    return seq;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const counter = await RoomCounterModel.findOneAndUpdate(
        { _id: oid(dealId) },
        { $inc: { seq: 1 } },
        { upsert: true, returnDocument: 'after' },
      ).lean();
      return counter!.seq;
    } catch (err) {
      // The room's first two messages at once both create the counter; the loser increments it.
      if (!isDuplicateKey(err) || attempt > 0) throw err;
    }
  }
}

/** Room counters by deal id, read together with those asked at the same moment. */
const findCounter = groupedFindById(() => RoomCounterModel);

async function storedLastSeq(dealId: string): Promise<number> {
  const counter = await findCounter<{ seq?: number }>(dealId);
  return counter?.seq ?? 0;
}

/** The highest seq taken in a deal's room (0 when empty). */
export async function lastSeqOf(dealId: string): Promise<number> {
  const known = isSoleDatabaseUser() ? takenHere.get(dealId) : undefined;
  return known ?? storedLastSeq(dealId);
}

/** The last seq taken in each of these rooms (0 for a room with no message), by deal id. */
export async function lastSeqsOf(dealIds: string[]): Promise<Map<string, number>> {
  const counters = await RoomCounterModel.find({ _id: mongoose.trusted({ $in: dealIds.map(oid) }) }).lean();
  const seqs = new Map(dealIds.map((id) => [id, 0]));
  for (const c of counters) seqs.set(String(c._id), c.seq ?? 0);
  return seqs;
}

const SEQ_ATTEMPTS = 20;

/** Messages stored at the same moment (in several rooms) are inserted by one command. */
const insertMessage = groupedInsert(() => MessageModel as unknown as mongoose.Model<unknown>);

/**
 * Inserts the message under the next free seq. A duplicate-key error is either the sender's
 * retry that got there first (same `_id`: returned as not created) or a seq taken meanwhile
 * (a new seq is taken and the insert tried again).
 */
export async function storeWithNextSeq(
  fields: Record<string, unknown> & { _id: mongoose.Types.ObjectId; dealId: string },
) {
  for (let attempt = 0; attempt < SEQ_ATTEMPTS; attempt++) {
    const seq = await nextSeq(fields.dealId);
    try {
      const doc = await insertMessage<MessageDoc>({ ...fields, seq });
      await recordWritten({ type: 'message', id: String(doc._id), before: null, after: doc });
      return { doc, created: true };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const stored = (await MessageModel.findById(fields._id).lean()) as MessageDoc | null;
      if (stored) return { doc: stored, created: false };
    }
  }
  throw AppError.unavailable('The room is too busy to store this message; send it again');
}

/** Moves the user's marker forward to `upTo` (never back); returns it. */
export async function moveReadMarker(dealId: string, userId: string, upTo: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const id = stableObjectId('read-marker', dealId, userId);
      const result = (await ReadMarkerModel.findOneAndUpdate(
        { _id: id },
        { $max: { seq: upTo }, $setOnInsert: { dealId: oid(dealId), userId: oid(userId) } },
        { upsert: true, returnDocument: 'after', includeResultMetadata: true },
      ).lean()) as unknown as ModifyResult<ReadMarkerDoc>;
      const marker = result.value;
      // A new marker joins its room's list of markers (read by `_id` when someone joins the room).
      if (marker && result.lastErrorObject?.updatedExisting === false) {
        await recordWritten({ type: 'read-marker', id: String(id), before: null, after: marker });
      }
      return marker?.seq ?? upTo;
    } catch (err) {
      // Two first reads at once both try to insert the marker; the loser updates the winner's.
      if (!isDuplicateKeyError(err) || attempt > 0) throw err;
    }
  }
}
