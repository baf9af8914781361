import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { gatherWhenBusy, groupedCommand } from '../../server/common/grouped-command';
import {
  countRequestsInFlight,
  isBusy,
  requestsInFlight,
  BUSY_FROM_REQUESTS,
} from '../../server/common/busy-level';

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

  describe('gathering under load', () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    /** Two calls 5 ms apart on a command whose runs answer at once; the items of each run, and the answers. */
    async function twoCallsApart(busy: boolean) {
      gatherWhenBusy(30, () => busy);
      const runs: number[][] = [];
      const command = groupedCommand<number, number>(async (items) => {
        runs.push(items);
        return items;
      });
      const first = command(1);
      await sleep(5);
      const answers = await Promise.all([first, command(2)]);
      return { runs, answers };
    }
    afterEach(() => gatherWhenBusy(0, () => false));

    it("when the process is busy, then a call arriving a few milliseconds after an idle command's first joins it", async () => {
      const { runs, answers } = await twoCallsApart(true);
      assert.deepEqual(answers, [1, 2]);
      assert.deepEqual(runs, [[1, 2]]);
    });

    it('when the process is not busy, then the first call goes at once, alone', async () => {
      const { runs, answers } = await twoCallsApart(false);
      assert.deepEqual(answers, [1, 2]);
      assert.deepEqual(runs, [[1], [2]]);
    });

    it('counts a request as in flight from its arrival until its response closes, and is busy from BUSY_FROM_REQUESTS of them', () => {
      const before = requestsInFlight();
      const responses = Array.from({ length: BUSY_FROM_REQUESTS }, () => new EventEmitter());
      let nexts = 0;
      for (const res of responses) {
        countRequestsInFlight({} as Request, res as unknown as Response, () => nexts++);
      }
      assert.equal(nexts, BUSY_FROM_REQUESTS);
      assert.equal(requestsInFlight(), before + BUSY_FROM_REQUESTS);
      assert.equal(isBusy(), true);
      for (const res of responses) res.emit('close');
      assert.equal(requestsInFlight(), before);
      assert.equal(isBusy(), before >= BUSY_FROM_REQUESTS);
    });
  });
});
