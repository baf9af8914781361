import assert from 'node:assert/strict';
import { batchedWriter } from '../../server/common/batched-writer';

describe('batchedWriter', () => {
  it('when changes to one key arrive during a write, then the next write applies them together', async () => {
    const writes: string[][] = [];
    let release!: () => void;
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    const writer = batchedWriter<string>(async (key, changes) => {
      writes.push(changes);
      if (writes.length === 1) await firstHeld;
    });
    const first = writer.write('list', 'a');
    const later = ['b', 'c', 'd'].map((c) => writer.write('list', c));
    release();
    await Promise.all([first, ...later]);
    assert.deepEqual(writes, [['a'], ['b', 'c', 'd']]);
  });

  it('when keys differ, then each is written on its own', async () => {
    const writes: [string, number[]][] = [];
    const writer = batchedWriter<number>(async (key, changes) => void writes.push([key, changes]));
    await Promise.all([writer.write('x', 1), writer.write('y', 2)]);
    assert.deepEqual(
      writes.sort(([a], [b]) => a.localeCompare(b)),
      [
        ['x', [1]],
        ['y', [2]],
      ],
    );
  });

  it('when a write fails, then every change of its batch is refused and the next batch still runs', async () => {
    let calls = 0;
    let release!: () => void;
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    const writer = batchedWriter<string>(async (_key, changes) => {
      calls++;
      if (calls === 1) return firstHeld;
      if (changes.includes('bad')) throw new Error('refused');
    });
    const first = writer.write('k', 'ok');
    const bad = writer.write('k', 'bad');
    const sibling = writer.write('k', 'also');
    release();
    await first;
    await assert.rejects(bad, /refused/);
    await assert.rejects(sibling, /refused/);
    await writer.write('k', 'after');
    assert.equal(calls, 3);
  });
});
