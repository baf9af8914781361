/**
 * How owner lists are stored: a list's entries are one packed string in its document (FerretDB
 * rewrites a document element by element, so an array of entry objects made every write cost in
 * proportion to the list), and a list stored before, as an array, is still read and is packed by
 * its next write.
 */
import assert from 'node:assert/strict';
import { connectTestDatabase } from '../helpers/test-app';
import { watchWriteBatches } from '../helpers/command-watch';
import { OwnerListModel } from '../../server/read-models/owner-list.model';
import { putOwnerListEntries, readOwnerList } from '../../server/read-models';
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
});
