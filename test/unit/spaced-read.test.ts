import assert from 'node:assert/strict';
import { spacedRead } from '../../server/metrics/spaced-read';

describe('spacedRead: scrapes that would read whole collections', () => {
  function clockedRead(costMs: number) {
    let clock = 0;
    let reads = 0;
    const read = spacedRead(
      async () => {
        reads++;
        clock += costMs;
        return { count: reads, ageSeconds: 10 };
      },
      { now: () => clock, age: (a, seconds) => ({ ...a, ageSeconds: a.ageSeconds + seconds }) },
    );
    const wait = async (ms: number) => {
      clock += ms;
      await new Promise((resolve) => setImmediate(resolve)); // the last read has ended
    };
    return { read, reads: () => reads, wait };
  }

  it('when reads are fast, then every scrape reads again', async () => {
    const r = clockedRead(5);
    await r.read();
    await r.wait(15_000);
    assert.equal((await r.read())!.count, 2);
    assert.equal(r.reads(), 2);
  });

  it('when a read was slow, then scrapes are answered from it, aged, until its share of the time allows another read', async () => {
    const r = clockedRead(10_000); // 10 s: again after 500 s at most 2 % of the time
    assert.deepEqual(await r.read(), { count: 1, ageSeconds: 10 });
    await r.wait(15_000);
    assert.deepEqual(
      await r.read(),
      { count: 1, ageSeconds: 35 },
      'kept, and aged by the 25 s since it was read',
    );
    assert.equal(r.reads(), 1);
    await r.wait(480_000);
    assert.equal((await r.read())!.count, 2, 'read again once 500 s have passed');
  });

  it('when scrapes come together, then they share one read', async () => {
    let reads = 0;
    const read = spacedRead(async () => ++reads);
    assert.deepEqual(await Promise.all([read(), read(), read()]), [1, 1, 1]);
  });

  it('when the read fails, then nothing is reported and the next scrape reads again', async () => {
    let fail = true;
    const read = spacedRead(async () => {
      if (fail) throw new Error('database down');
      return 'ok';
    });
    assert.equal(await read(), undefined);
    fail = false;
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await read(), 'ok');
  });
});
