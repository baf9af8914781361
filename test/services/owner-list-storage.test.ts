/**
 * How owner lists are stored: a list's entries are one packed string in its document (FerretDB
 * rewrites a document element by element, so an array of entry objects made every write cost in
 * proportion to the list), and a list stored before, as an array, is still read and is packed by
 * its next write.
 */
import assert from 'node:assert/strict';
import { connectTestDatabase } from '../helpers/test-app';
import { watchCommands, watchWriteBatches } from '../helpers/command-watch';
import { OwnerListModel } from '../../server/read-models/owner-list.model';
import { putOwnerListEntries, readOwnerList, replaceOwnerLists } from '../../server/read-models';
import { HEAD_MAX, HEADED_FROM } from '../../server/read-models/owner-list-head';
import type { OwnerListEntry } from '../../server/read-models/owner-list.model';
import { clearRecordCaches } from '../../server/common/record-cache';

describe('owner list storage', () => {
  before(connectTestDatabase);
  beforeEach(() => OwnerListModel.deleteMany({}));

  it('when entries are put, then the stored document holds them in one string, and they read back newest first', async () => {
    const key = 'probe:packed';
    await putOwnerListEntries(key, [
      { id: 'a', s: 'unread', at: 1 },
      { id: 'b', s: 'read', at: 2 },
    ]);
    const stored = (await OwnerListModel.collection.findOne({ _id: key } as never)) as unknown as Record<
      string,
      unknown
    >;
    assert.deepEqual(Object.keys(stored).sort(), ['_id', 'packed']);
    assert.equal(typeof stored.packed, 'string');
    clearRecordCaches();
    assert.deepEqual(await readOwnerList(key), [
      { id: 'b', s: 'read', at: 2 },
      { id: 'a', s: 'unread', at: 1 },
    ]);
  });

  it('when many lists are read at the same moment, then they come in two commands, each read answered its own list', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `deal:org:many-${i}`);
    for (const [i, key] of keys.entries())
      await putOwnerListEntries(key, [{ id: `d${i}`, s: 'open', at: i }]);
    clearRecordCaches();
    const watch = watchCommands();
    let lists: OwnerListEntry[][];
    try {
      lists = await Promise.all([...keys, keys[0]].map((key) => readOwnerList(key)));
    } finally {
      watch.stop();
    }
    assert.deepEqual(
      lists.map((l) => l.map((e) => e.id)),
      [...keys.map((_, i) => [`d${i}`]), ['d0']],
    );
    // The first read goes at once; the others, asked while it runs, together in one more.
    const reads = watch.asked.filter((a) => a.collection === 'owner_lists');
    assert.equal(reads.length, 2, JSON.stringify(reads));
  });

  it('when a list was stored as an array of entries, then it is read, and the next write packs it with nothing lost', async () => {
    const key = 'probe:legacy';
    await OwnerListModel.collection.insertOne({
      _id: key,
      entries: [
        { id: 'old-2', s: 'unread', at: 20 },
        { id: 'old-1', s: 'read', at: 10 },
      ],
    } as never);
    clearRecordCaches();
    assert.deepEqual(
      (await readOwnerList(key)).map((e) => e.id),
      ['old-2', 'old-1'],
    );
    await putOwnerListEntries(key, [{ id: 'new', s: 'unread', at: 30 }]);
    const stored = (await OwnerListModel.collection.findOne({ _id: key } as never)) as unknown as Record<
      string,
      unknown
    >;
    assert.deepEqual(Object.keys(stored).sort(), ['_id', 'packed']);
    clearRecordCaches();
    assert.deepEqual(
      (await readOwnerList(key)).map((e) => e.id),
      ['new', 'old-2', 'old-1'],
    );
  });

  it('when lists of different owners change at the same moment, then they are stored together, each as its own list', async () => {
    const watch = watchWriteBatches('update', 'owner_lists');
    try {
      await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          putOwnerListEntries(`probe:owner-${i}`, [{ id: `r${i}`, s: 'unread', at: i }]),
        ),
      );
    } finally {
      watch.stop();
    }
    const updates = watch.batches;
    assert.equal(
      updates.reduce((a, b) => a + b, 0),
      5,
      'one stored list each',
    );
    assert.ok(updates.length < 5, `lists stored together (commands of ${updates.join(', ')})`);
    clearRecordCaches();
    for (let i = 0; i < 5; i++)
      assert.deepEqual(await readOwnerList(`probe:owner-${i}`), [{ id: `r${i}`, s: 'unread', at: i }]);
  });

  describe('a long list', () => {
    const key = 'probe:long';
    const entry = (i: number, s = 'open'): OwnerListEntry => ({ id: `r${i}`, s, at: 1_000 + i });
    const stored = async (id: string) =>
      (await OwnerListModel.collection.findOne({ _id: id } as never)) as unknown as Record<
        string,
        any
      > | null;
    const long = () =>
      putOwnerListEntries(
        key,
        Array.from({ length: HEADED_FROM }, (_, i) => entry(i)),
      );

    it('when one entry of a long list changes, then only its small head is rewritten, and the list reads back whole', async () => {
      await long();
      const base = await stored(key);
      assert.equal(typeof base?.gen, 'number');
      const written: string[] = [];
      const client = OwnerListModel.db.getClient();
      const listener = (ev: { commandName: string; command: Record<string, any> }) => {
        if (ev.commandName === 'update' && ev.command.update === 'owner_lists')
          written.push(...ev.command.updates.map((u: { q: { _id: string } }) => u.q._id));
      };
      client.on('commandStarted', listener);
      try {
        await putOwnerListEntries(key, [entry(5, 'won'), { id: 'new', s: 'open', at: 5_000 }], ['r7']);
      } finally {
        client.off('commandStarted', listener);
      }
      assert.deepEqual(written, [`${key}#head`]);
      assert.deepEqual(await stored(key), base, 'the base is as it was');
      clearRecordCaches();
      const list = await readOwnerList(key);
      assert.equal(list.length, HEADED_FROM);
      assert.deepEqual(list[0], { id: 'new', s: 'open', at: 5_000 });
      assert.deepEqual(
        list.find((e) => e.id === 'r5'),
        entry(5, 'won'),
      );
      assert.ok(!list.some((e) => e.id === 'r7'));
    });

    it('when a long list is read from the database, then its base and its head come in one command', async () => {
      await long();
      await putOwnerListEntries(key, [{ id: 'new', s: 'open', at: 5_000 }]);
      clearRecordCaches();
      const watch = watchCommands();
      let list: OwnerListEntry[];
      try {
        list = await readOwnerList(key);
      } finally {
        watch.stop();
      }
      assert.equal(list.length, HEADED_FROM + 1);
      assert.deepEqual(list[0], { id: 'new', s: 'open', at: 5_000 });
      const reads = watch.asked.filter((a) => a.collection === 'owner_lists');
      assert.equal(reads.length, 1, JSON.stringify(reads));
    });

    it('when its head fills, then the next write folds it into a base of a new generation', async () => {
      await long();
      const firstGen = (await stored(key))!.gen;
      for (let i = 0; i <= HEAD_MAX; i++) await putOwnerListEntries(key, [entry(HEADED_FROM + i)]);
      const base = (await stored(key))!;
      assert.notEqual(base.gen, firstGen);
      assert.equal(JSON.parse(base.packed).length, HEADED_FROM + HEAD_MAX + 1);
      clearRecordCaches();
      const list = await readOwnerList(key);
      assert.equal(list.length, HEADED_FROM + HEAD_MAX + 1);
      assert.deepEqual(list[0], entry(HEADED_FROM + HEAD_MAX));
    });

    it('when a stop left the head of an earlier base (or of a list rebuilt short), then it is ignored', async () => {
      await long();
      await putOwnerListEntries(key, [entry(500, 'stale')]);
      // A fold that stopped after writing its base: a new generation, the old head still there.
      await OwnerListModel.collection.updateOne({ _id: key } as never, { $set: { gen: 1 } });
      clearRecordCaches();
      assert.ok(!(await readOwnerList(key)).some((e) => e.id === 'r500'));
      // Rebuilt short, then long again: the old head still does not count.
      await replaceOwnerLists(new Map([[key, [entry(1)]]]));
      clearRecordCaches();
      assert.deepEqual(await readOwnerList(key), [entry(1)]);
      await long();
      clearRecordCaches();
      const list = await readOwnerList(key);
      assert.equal(list.length, HEADED_FROM);
      assert.ok(!list.some((e) => e.s === 'stale'));
    });
  });
});
