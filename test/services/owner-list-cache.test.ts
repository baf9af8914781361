/**
 * The owner lists' per-process cache: a read of a stored list begun before a write and ended
 * after it is answered but not kept, so the next read shows the write (a bell that stayed at 0
 * for the cache's 30 s after a notification, in a browser test on a loaded machine).
 */
import assert from 'node:assert/strict';
import { connectTestDatabase } from '../helpers/test-app';
import { OwnerListModel } from '../../server/read-models/owner-list.model';
import { putOwnerListEntries, readOwnerList } from '../../server/read-models';
import { clearRecordCaches } from '../../server/common/record-cache';

describe('owner list cache', () => {
  before(connectTestDatabase);
  beforeEach(() => OwnerListModel.deleteMany({}));

  it('when a read of the stored list outlasts a write, then the next read shows the write', async () => {
    const key = 'probe:slow-read';
    await putOwnerListEntries(key, [{ id: 'a', s: 'unread', at: 1 }]);
    clearRecordCaches();
    const collection = OwnerListModel.collection;
    const findOne = collection.findOne.bind(collection);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    (collection as unknown as { findOne: unknown }).findOne = async (...args: unknown[]) => {
      const found = await (findOne as (...a: unknown[]) => Promise<unknown>)(...args);
      if (++calls === 1) await gate; // the first read answers late, with the list as it was
      return found;
    };
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
      delete (collection as unknown as { findOne?: unknown }).findOne;
    }
    assert.deepEqual(
      (await readOwnerList(key)).map((e) => e.id),
      ['b', 'a'],
    );
  });
});
