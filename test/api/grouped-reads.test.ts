/**
 * Records read by `_id` at the same moment by concurrent callers (writers reading the record
 * they are about to change, rooms reading their counters) go to the database together: one
 * command for the first, one for those asked while it ran, each caller getting its own record.
 */
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { createTestApp, resetDatabase } from '../helpers/test-app';
import { watchCommands } from '../helpers/command-watch';
import { groupedFindById } from '../../server/common/grouped-find';
import { dealStore } from '../../server/deals/deal.store';
import { DealModel } from '../../server/deals/deal.model';
import { RoomCounterModel } from '../../server/negotiation/room-counter.model';
import { clearRecordCaches } from '../../server/common/record-cache';

describe('reads by id grouped across concurrent callers', () => {
  before(async () => {
    await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    clearRecordCaches();
  });

  async function counters(n: number) {
    const docs = Array.from({ length: n }, (_, i) => ({ _id: new mongoose.Types.ObjectId(), seq: i + 1 }));
    await RoomCounterModel.collection.insertMany(docs);
    return docs;
  }

  it('answers each caller its own record in two commands, not one per caller', async () => {
    const docs = await counters(10);
    const find = groupedFindById(() => RoomCounterModel);
    const watch = watchCommands();
    let found: ({ seq: number } | null)[];
    try {
      found = await Promise.all(docs.map((d) => find<{ seq: number }>(String(d._id))));
    } finally {
      watch.stop();
    }
    assert.deepEqual(
      found.map((f) => f?.seq),
      docs.map((d) => d.seq),
    );
    const finds = watch.asked.filter(
      (a) => a.command === 'find' && a.collection === 'negotiation_room_counters',
    );
    assert.equal(finds.length, 2, JSON.stringify(finds));
  });

  it('gives two callers of one record two copies, and null for an id that is not there or not an id', async () => {
    const [doc] = await counters(1);
    const find = groupedFindById(() => RoomCounterModel);
    const [first, second, third, missing, malformed] = await Promise.all([
      find<{ seq: number }>(String(doc._id)),
      find<{ seq: number }>(String(doc._id)),
      find<{ seq: number }>(doc._id),
      find(String(new mongoose.Types.ObjectId())),
      find('not-an-id'),
    ]);
    assert.equal(first?.seq, 1);
    assert.deepEqual(second, first);
    assert.deepEqual(third, first);
    assert.notEqual(second, third, 'each caller may change its own copy');
    assert.equal(missing, null);
    assert.equal(malformed, null);
  });

  it('reads a store’s records asked at once together', async () => {
    const ids = Array.from({ length: 6 }, () => new mongoose.Types.ObjectId());
    await DealModel.collection.insertMany(
      ids.map((_id, i) => ({ _id, status: 'negotiating', latestVersion: i })),
    );
    const watch = watchCommands();
    let deals;
    try {
      deals = await Promise.all(ids.map((id) => dealStore.get(String(id))));
    } finally {
      watch.stop();
    }
    assert.deepEqual(
      deals.map((d) => d?.latestVersion),
      [0, 1, 2, 3, 4, 5],
    );
    assert.equal(watch.asked.filter((a) => a.command === 'find' && a.collection === 'deals').length, 2);
  });
});
