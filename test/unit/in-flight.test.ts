import assert from 'node:assert/strict';
import { InFlight } from '../../server/realtime/in-flight';

describe('InFlight (socket events a shutdown lets finish)', () => {
  it('when events are under way, then settled waits for each, and they are forgotten once done', async () => {
    const inFlight = new InFlight();
    const finished: string[] = [];
    const handler = inFlight.wrap(async (name: string, ms: number) => {
      await new Promise((r) => setTimeout(r, ms));
      finished.push(name);
    });
    void handler('send', 30);
    void handler('read', 10);
    assert.equal(inFlight.size, 2);
    await inFlight.settled(1000);
    assert.deepEqual(finished, ['read', 'send']);
    assert.equal(inFlight.size, 0);
  });

  it('when an event outlasts the wait, then settled gives up after its timeout', async () => {
    const inFlight = new InFlight();
    let release: () => void = () => undefined;
    void inFlight.wrap(() => new Promise<void>((r) => (release = r)))();
    const started = Date.now();
    await inFlight.settled(50);
    assert.ok(Date.now() - started < 1000);
    assert.equal(inFlight.size, 1);
    release();
  });

  it('when nothing is under way, then settled resolves at once (not at its 10 s timeout)', async function () {
    this.timeout(2000);
    await new InFlight().settled(10_000);
  });
});
