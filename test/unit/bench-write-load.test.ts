/** The HTTP bench's write load: what is timed, and what the warm-up leaves out. */
import assert from 'node:assert/strict';
import { writeLoad } from '../../scripts/bench/http/load';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('bench: the write load', () => {
  it('when it warms up first, then the requests sent during the warm-up are neither timed nor counted', async () => {
    const sentAt: number[] = [];
    const started = performance.now();
    const result = await writeLoad({
      writers: 2,
      seconds: 0.2,
      warmupSeconds: 0.2,
      send: async (w, i) => {
        sentAt.push(performance.now() - started);
        await pause(i === 0 ? 120 : 5);
        return true;
      },
    });
    const duringWarmUp = sentAt.filter((ms) => ms < 200).length;
    assert.ok(duringWarmUp >= 2, 'each writer sent during the warm-up');
    assert.ok(result.ok > 0, 'requests after the warm-up are timed');
    // Each writer's request on the edge of the warm-up may fall on either side by a microsecond.
    const afterWarmUp = sentAt.length - duringWarmUp;
    assert.ok(
      result.ok >= afterWarmUp - 2 && result.ok <= afterWarmUp,
      `${result.ok} timed of ${afterWarmUp}`,
    );
    // The slow first request of each writer was sent during the warm-up: it is not among the timed.
    assert.ok(result.p99 < 120, `p99 ${result.p99} ms counts a warm-up request`);
  });

  it('when a writer runs out of records, then it stops and what it sent is counted', async () => {
    const result = await writeLoad({
      writers: 1,
      seconds: 5,
      send: async (w, i) => (i < 3 ? true : undefined),
    });
    assert.equal(result.ok, 3);
    assert.equal(result.failed, 0);
  });
});
