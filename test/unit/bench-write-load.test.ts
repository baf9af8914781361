/** The HTTP bench's write load: what is timed, and what the warm-up leaves out. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeLoad } from '../../scripts/bench/http/load';
import { treeCpuSeconds } from '../../scripts/bench/http/process-cpu';

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

  it('when a CPU meter is given, then the CPU used between the start and the end of the timed run is divided among its answers', async () => {
    const readings = [
      { exchange: 10, database: 4 },
      { exchange: 10.5, database: 4.25 },
    ];
    let read = 0;
    let answered = 0;
    const result = await writeLoad({
      writers: 1,
      seconds: 0.2,
      warmupSeconds: 0.1,
      send: async () => {
        await pause(10);
        answered++;
        // The meter is read once when the timed run begins and once at its end.
        assert.ok(read <= 1, 'the meter is read only at the edges of the timed run');
        return true;
      },
      cpu: () => readings[Math.min(read++, 1)],
    });
    assert.equal(read, 2);
    assert.ok(answered > result.ok, 'warm-up answers were left out');
    assert.ok(result.cpuMsPerOk, 'CPU per answer reported');
    assert.equal(result.cpuMsPerOk.exchange.toFixed(6), (500 / result.ok).toFixed(6));
    assert.equal(result.cpuMsPerOk.database.toFixed(6), (250 / result.ok).toFixed(6));
  });

  it('when a process has a busy child, then the CPU of its tree counts the child', async function () {
    if (process.platform !== 'linux') this.skip();
    // The child spins for half a second of CPU, says so, then waits (alive) for its stdin to close.
    const child = spawn(
      process.execPath,
      ['-e', 'const t=Date.now();while(Date.now()-t<500);console.log("spun");process.stdin.resume()'],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      await once(child.stdout, 'data');
      const own = treeCpuSeconds(child.pid);
      const tree = treeCpuSeconds(process.pid);
      const usage = process.cpuUsage();
      const self = (usage.user + usage.system) / 1e6;
      assert.ok(own !== undefined && own >= 0.3, `the child used ${own} s`);
      // Ticks of 10 ms against microseconds: the tree less this process is the child, give or take.
      assert.ok(
        tree !== undefined && tree - self >= own - 0.1,
        `the tree (${tree} s, ${self} s of it here) counts the child (${own} s)`,
      );
      assert.equal(treeCpuSeconds(2 ** 30), undefined, 'a process that does not exist has no figure');
    } finally {
      child.stdin.end();
      await once(child, 'exit');
    }
  });
});
