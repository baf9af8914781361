import assert from 'node:assert/strict';
import { shareIntoLanes } from '../../scripts/test-lanes';

describe('npm test: sharing the suite between lanes', () => {
  it('when files took different times, then each lane gets about half of the time, every file exactly once', () => {
    const seconds = { 'a.test.ts': 60, 'b.test.ts': 10, 'c.test.ts': 30, 'd.test.ts': 25, 'e.test.ts': 5 };
    const lanes = shareIntoLanes(Object.keys(seconds), 2, seconds);
    assert.deepEqual(lanes, [
      ['a.test.ts', 'e.test.ts'],
      ['b.test.ts', 'c.test.ts', 'd.test.ts'],
    ]);
    assert.deepEqual(lanes.flat().sort(), Object.keys(seconds).sort());
  });

  it('when a file has no recorded time, then it counts as an average file; one lane takes everything', () => {
    const lanes = shareIntoLanes(['new.test.ts', 'old.test.ts', 'slow.test.ts'], 2, {
      'old.test.ts': 10,
      'slow.test.ts': 50,
    });
    assert.deepEqual(lanes, [['slow.test.ts'], ['new.test.ts', 'old.test.ts']]);
    assert.deepEqual(shareIntoLanes(['b.test.ts', 'a.test.ts'], 1, {}), [['a.test.ts', 'b.test.ts']]);
  });
});
