/**
 * The owner lists' per-process cache: a read of a stored list begun before a write and ended
 * after it is answered but not kept, so the next read shows the write (a bell that stayed at 0
 * for the cache's 30 s after a notification, in a browser test on a loaded machine).
 */
import assert from 'node:assert/strict';
import { connectTestDatabase } from '../helpers/test-app';
import { OwnerListModel } from '../../server/read-models/owner-list.model';
import { putOwnerListEntries, readOwnerList } from '../../server/read-models';
import { clearRecordCaches, invalidateRecordCaches } from '../../server/common/record-cache';
import { setSoleDatabaseUser } from '../../server/common/sole-user';
import { watchCommands } from '../helpers/command-watch';

/**
 * Makes the owner lists' first read from now on answer late (with the list as it was when read),
 * once `release` is called; `restore` puts the collection's own `find` back.
 */
function firstReadAnswersLate() {
  const collection = OwnerListModel.collection;
  const find = collection.find.bind(collection);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let count = 0;
  (collection as unknown as { find: unknown }).find = (...args: unknown[]) => {
    const cursor = (find as (...a: unknown[]) => { toArray: () => Promise<unknown> })(...args);
    const toArray = cursor.toArray.bind(cursor);
    cursor.toArray = async () => {
      const found = await toArray();
      if (++count === 1) await gate;
      return found;
    };
    return cursor;
  };
  return {
    release,
    calls: () => count,
    restore: () => delete (collection as unknown as { find?: unknown }).find,
  };
}

describe('owner list cache', () => {
  before(connectTestDatabase);
  beforeEach(() => OwnerListModel.deleteMany({}));

  it('when a read of the stored list outlasts a write, then the next read shows the write', async () => {
    const key = 'probe:slow-read';
    await putOwnerListEntries(key, [{ id: 'a', s: 'unread', at: 1 }]);
    clearRecordCaches();
    const { release, calls, restore } = firstReadAnswersLate();
    try {
      const slow = readOwnerList(key);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await putOwnerListEntries(key, [{ id: 'b', s: 'unread', at: 2 }]);
      release();
      assert.deepEqual(
        (await slow).map((e) => e.id),
        ['a'],
        'the late read answers what it read',
      );
    } finally {
      restore();
    }
    assert.equal(calls() >= 1, true, 'the read of the stored list was the slow one');
    assert.deepEqual(
      (await readOwnerList(key)).map((e) => e.id),
      ['b', 'a'],
    );
  });

  it('when the database’s only user stored a list, then a read past the cache is answered without asking the database', async () => {
    const key = 'probe:sole-user';
    setSoleDatabaseUser(true);
    try {
      await putOwnerListEntries(key, [{ id: 'a', s: 'unread', at: 1 }]);
      await putOwnerListEntries(key, [{ id: 'b', s: 'unread', at: 2 }]);
      invalidateRecordCaches({ type: 'owner-list', id: key }); // the read cache let go of it
      const watch = watchCommands();
      let ids: string[];
      try {
        ids = (await readOwnerList(key)).map((e) => e.id);
      } finally {
        watch.stop();
      }
      assert.deepEqual(ids, ['b', 'a']);
      assert.deepEqual(
        watch.asked.filter((a) => a.collection === 'owner_lists'),
        [],
      );
    } finally {
      setSoleDatabaseUser(false);
      clearRecordCaches();
    }
  });
  it('when the database’s only user read a list, then its next write changes it without reading it again', async () => {
    const key = 'probe:sole-read';
    await putOwnerListEntries(key, [{ id: 'a', s: 'unread', at: 1 }]);
    clearRecordCaches();
    setSoleDatabaseUser(true);
    try {
      assert.deepEqual(
        (await readOwnerList(key)).map((e) => e.id),
        ['a'],
      );
      const watch = watchCommands();
      try {
        await putOwnerListEntries(key, [{ id: 'b', s: 'unread', at: 2 }]);
      } finally {
        watch.stop();
      }
      assert.deepEqual(
        watch.asked.filter((a) => a.collection === 'owner_lists').map((a) => a.command),
        ['update'],
      );
    } finally {
      setSoleDatabaseUser(false);
      clearRecordCaches();
    }
    assert.deepEqual(
      (await readOwnerList(key)).map((e) => e.id),
      ['b', 'a'],
      'the stored list holds both',
    );
  });

  it('when the database’s only user read a list while it was being written, then the next write reads it again', async () => {
    const key = 'probe:sole-overtaken';
    await putOwnerListEntries(key, [{ id: 'a', s: 'unread', at: 1 }]);
    clearRecordCaches();
    setSoleDatabaseUser(true);
    const { release, restore } = firstReadAnswersLate();
    try {
      const slow = readOwnerList(key);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await putOwnerListEntries(key, [{ id: 'b', s: 'unread', at: 2 }]);
      release();
      await slow;
      restore();
      await putOwnerListEntries(key, [{ id: 'c', s: 'unread', at: 3 }]);
    } finally {
      restore();
      setSoleDatabaseUser(false);
      clearRecordCaches();
    }
    assert.deepEqual(
      (await readOwnerList(key)).map((e) => e.id),
      ['c', 'b', 'a'],
      'the write after the late read kept what the write before it stored',
    );
  });
});
