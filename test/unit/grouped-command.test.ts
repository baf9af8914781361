import assert from 'node:assert/strict';
import { groupedCommand } from '../../server/common/grouped-command';

/** A command whose runs wait for `release`, recording what each run was given. */
function gatedCommand() {
  const runs: number[][] = [];
  const gates: (() => void)[] = [];
  const command = groupedCommand<number, string>(async (items) => {
    runs.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (items.includes(-1)) throw new Error('the whole command failed');
    return items.map((n) => (n % 2 ? new Error(`odd ${n}`) : `even ${n}`));
  });
  const releaseNext = async () => {
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()!();
  };
  return { command, runs, releaseNext };
}

describe('grouped command (pure)', () => {
  it('when calls arrive while one runs, then they run together next, each getting its own outcome in order', async () => {
    const { command, runs, releaseNext } = gatedCommand();
    const outcomes = [command(0), command(1), command(2), command(3)].map((p) =>
      p.then(
        (v) => v,
        (e: Error) => e.message,
      ),
    );
    await releaseNext();
    await releaseNext();
    assert.deepEqual(await Promise.all(outcomes), ['even 0', 'odd 1', 'even 2', 'odd 3']);
    assert.deepEqual(runs, [[0], [1, 2, 3]]);
  });

  it('when a command throws, then every call of it fails with that error, and later calls run as usual', async () => {
    const { command, runs, releaseNext } = gatedCommand();
    const first = command(0);
    const failing = [command(-1), command(2)].map((p) => p.catch((e: Error) => e.message));
    await releaseNext();
    assert.equal(await first, 'even 0');
    await releaseNext();
    assert.deepEqual(await Promise.all(failing), ['the whole command failed', 'the whole command failed']);
    const later = command(4);
    await releaseNext();
    assert.equal(await later, 'even 4');
    assert.deepEqual(runs, [[0], [-1, 2], [4]]);
  });
});
