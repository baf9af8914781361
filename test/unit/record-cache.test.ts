import assert from 'node:assert/strict';
import {
  createRecordCache,
  clearRecordCaches,
  invalidateRecordCaches,
} from '../../server/common/record-cache';
import { recordWritten } from '../../server/common/record-changes';

describe('record caches', () => {
  afterEach(clearRecordCaches);

  it('when a record is read twice, then it is loaded once; a write of it drops it', async () => {
    const cache = createRecordCache<{ v: number }>({ name: 't1', types: ['deal'], max: 10, ttlMs: 60_000 });
    let loads = 0;
    const load = async () => ({ v: ++loads });
    assert.deepEqual(await cache.get('d1', load), { v: 1 });
    assert.deepEqual(await cache.get('d1', load), { v: 1 });
    await recordWritten({ type: 'offer', id: 'd1' });
    assert.deepEqual(await cache.get('d1', load), { v: 1 });
    await recordWritten({ type: 'deal', id: 'd1' });
    assert.deepEqual(await cache.get('d1', load), { v: 2 });
  });

  it('when a write lands while a load is under way, then the loaded value is not kept', async () => {
    const cache = createRecordCache<{ v: number }>({ name: 't2', types: ['deal'], max: 10, ttlMs: 60_000 });
    let loads = 0;
    const slow = async () => {
      const v = ++loads;
      await recordWritten({ type: 'deal', id: 'd1' });
      return { v };
    };
    assert.deepEqual(await cache.get('d1', slow), { v: 1 });
    assert.deepEqual(await cache.get('d1', async () => ({ v: ++loads })), { v: 2 });
  });

  it('when a value read after a mark is offered, then it is kept unless its record was written since the mark', async () => {
    const cache = createRecordCache<{ v: number }>({
      name: 't-mark',
      types: ['notification'],
      max: 10,
      ttlMs: 60_000,
    });
    const mark = cache.mark();
    await recordWritten({ type: 'notification', id: 'n1' });
    cache.setIfUnchanged('n1', { v: 1 }, mark);
    cache.setIfUnchanged('n2', { v: 2 }, mark);
    assert.equal(cache.peek('n1'), undefined);
    assert.deepEqual(cache.peek('n2'), { v: 2 });
  });

  it('when more records are written than the cache remembers, then values read before those writes are not kept', async () => {
    // A type no read model follows: in a whole run, the owner lists' and statistics' hooks are
    // registered by then, and ten thousand writes through them outlast the test's time.
    const cache = createRecordCache<{ v: number }>({
      name: 't-forget',
      types: ['session'],
      max: 10,
      ttlMs: 60_000,
    });
    const mark = cache.mark();
    for (let i = 0; i <= 10_001; i++) await recordWritten({ type: 'session', id: `n${i}` });
    cache.setIfUnchanged('n0', { v: 0 }, mark);
    assert.equal(cache.peek('n0'), undefined);
  });

  it('when a cache builds entries from written records, then a local write replaces the entry, a relayed one only drops it, and a load begun before the write keeps nothing', async () => {
    const cache = createRecordCache<{ v: number }>({
      name: 't-through',
      types: ['deal'],
      max: 10,
      ttlMs: 60_000,
      fromRecord: (after) => ({ v: after.n as number }),
    });
    let loads = 0;
    const load = async () => ({ v: 100 + ++loads });
    assert.deepEqual(await cache.get('d1', load), { v: 101 });
    await recordWritten({ type: 'deal', id: 'd1', before: null, after: { n: 7 } });
    assert.deepEqual(await cache.get('d1', load), { v: 7 }, 'the written record, not a load');
    invalidateRecordCaches({ type: 'deal', id: 'd1' }); // another process wrote it
    assert.deepEqual(await cache.get('d1', load), { v: 102 });

    const racing = cache.get('d2', async () => {
      const stale = { v: 100 + ++loads };
      await recordWritten({ type: 'deal', id: 'd2', after: { n: 8 } });
      return stale;
    });
    assert.deepEqual(await racing, { v: 103 });
    assert.deepEqual(await cache.get('d2', load), { v: 8 }, 'the write, not what was read before it');
    assert.equal(loads, 3);
  });

  it('when several are asked, then only the missing ones are loaded; clearOn empties the cache', async () => {
    const cache = createRecordCache<{ id: string }>({
      name: 't3',
      types: ['user'],
      clearOn: ['organization'],
      max: 10,
      ttlMs: 60_000,
    });
    const asked: string[][] = [];
    const loadMany = async (ids: string[]) => {
      asked.push(ids);
      return new Map(ids.map((id) => [id, { id }]));
    };
    await cache.getMany(['a', 'b'], loadMany);
    await cache.getMany(['a', 'b', 'c'], loadMany);
    assert.deepEqual(asked, [['a', 'b'], ['c']]);
    await recordWritten({ type: 'organization', id: 'x' });
    await cache.getMany(['a'], loadMany);
    assert.deepEqual(asked.at(-1), ['a']);
  });
});
