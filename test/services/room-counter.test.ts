/**
 * A room's message numbers. While the exchange is its database's only user (locks in memory),
 * it takes the next number without asking the database and stores the rooms' counters taken at
 * the same moment in one command, before their messages; otherwise each number is the stored
 * counter's atomic increment. Either way every message gets its own number, in order, and the
 * stored counter is never behind a stored message.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { connectTestDatabase } from '../helpers/test-app';
import { watchCommands, watchWriteBatches } from '../helpers/command-watch';
import { createMemoryLocks } from '../../server/common/memory-locks';
import { useLockBackend } from '../../server/common/store';
import { clearRecordCaches } from '../../server/common/record-cache';
import { lastSeqOf, storeWithNextSeq } from '../../server/negotiation/message.store';
import { MessageModel } from '../../server/negotiation/message.model';
import { RoomCounterModel } from '../../server/negotiation/room-counter.model';

const rooms = Array.from({ length: 4 }, () => String(new mongoose.Types.ObjectId()));

function send(dealId: string, i: number) {
  return storeWithNextSeq({
    _id: new mongoose.Types.ObjectId(),
    dealId,
    authorRole: 'system',
    kind: 'system',
    body: `message ${i}`,
    clientId: `c-${dealId}-${i}`,
  });
}

async function seqsByRoom(): Promise<Map<string, number[]>> {
  const stored = await MessageModel.find({ dealId: mongoose.trusted({ $in: rooms }) }).lean();
  const byRoom = new Map<string, number[]>(rooms.map((r) => [r, []]));
  for (const m of stored) byRoom.get(String(m.dealId))!.push(m.seq);
  for (const seqs of byRoom.values()) seqs.sort((a, b) => a - b);
  return byRoom;
}

async function storedCounter(dealId: string): Promise<number | undefined> {
  return (await RoomCounterModel.findById(dealId).lean())?.seq;
}

describe('room message numbers', () => {
  before(connectTestDatabase);
  beforeEach(async () => {
    await MessageModel.deleteMany({ dealId: mongoose.trusted({ $in: rooms }) });
    await RoomCounterModel.deleteMany({ _id: mongoose.trusted({ $in: rooms }) });
    clearRecordCaches();
  });

  describe('the database’s only user', () => {
    before(() => useLockBackend(createMemoryLocks()));
    after(() => useLockBackend(null));

    it('when messages are sent in several rooms at once, then each room numbers them 1, 2, 3 and its counters are stored together, never asked back', async () => {
      await Promise.all(rooms.map((r) => send(r, 0)));
      const asked = watchCommands();
      const updates = watchWriteBatches('update', 'negotiation_room_counters');
      try {
        await Promise.all(rooms.flatMap((r) => [send(r, 1), send(r, 2)]));
      } finally {
        asked.stop();
        updates.stop();
      }
      assert.deepEqual(
        [...(await seqsByRoom()).values()],
        [
          [1, 2, 3],
          [1, 2, 3],
          [1, 2, 3],
          [1, 2, 3],
        ],
      );
      for (const r of rooms) {
        assert.equal(await storedCounter(r), 3);
        assert.equal(await lastSeqOf(r), 3);
      }
      assert.deepEqual(
        asked.asked.filter((a) => a.collection === 'negotiation_room_counters' && a.command !== 'update'),
        [],
        'no counter read or findAndModify',
      );
      assert.equal(
        updates.batches.reduce((a, b) => a + b, 0),
        8,
      );
      assert.ok(
        updates.batches.length < 8,
        `counters stored together (commands of ${updates.batches.join(', ')})`,
      );
    });

    it('when the room already holds messages this process did not number, then the next number follows the stored counter', async () => {
      const [room] = rooms;
      await RoomCounterModel.collection.insertOne({
        _id: new mongoose.Types.ObjectId(room),
        seq: 7,
      } as never);
      const [a, b] = await Promise.all([send(room, 1), send(room, 2)]);
      assert.deepEqual([a.doc.seq, b.doc.seq].sort(), [8, 9]);
      assert.equal(await storedCounter(room), 9);
    });
  });

  describe('with other processes (locks shared)', () => {
    it('when messages are sent at once, then each takes the stored counter’s next number', async () => {
      const [room] = rooms;
      const sent = await Promise.all([0, 1, 2, 3].map((i) => send(room, i)));
      assert.deepEqual(sent.map((s) => s.doc.seq).sort(), [1, 2, 3, 4]);
      assert.equal(await storedCounter(room), 4);
    });
  });
});
