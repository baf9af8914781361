/** The embedded engine on its own thread: the server's thread goes on while a query runs. */
import assert from 'node:assert/strict';
import { EmbeddedSearchEngine } from '../../search/embedded/embedded-engine';
import { WorkerSearchEngine } from '../../search/worker/worker-engine';
import type { SearchEngine } from '../../search/types';
import { CONTRACT_DOCS } from './fixtures';

/** Whether the caller's event loop turned (a setImmediate ran) before `engine` answered a search. */
async function loopTurnedDuringSearch(engine: SearchEngine): Promise<boolean> {
  let turned = false;
  setImmediate(() => {
    turned = true;
  });
  await engine.search({ q: 'nước thải' });
  return turned;
}

describe('embedded search engine on a worker thread', () => {
  let engine: WorkerSearchEngine;
  beforeEach(async () => {
    engine = new WorkerSearchEngine(':memory:');
    await engine.open();
    await engine.upsert(CONTRACT_DOCS);
  });
  afterEach(async () => {
    await engine.close();
  });

  it('when a search is under way, then the caller’s thread goes on meanwhile (it does not on the in-process engine)', async () => {
    assert.equal(await loopTurnedDuringSearch(engine), true);
    const inProcess = new EmbeddedSearchEngine(':memory:');
    await inProcess.open();
    await inProcess.upsert(CONTRACT_DOCS);
    try {
      assert.equal(await loopTurnedDuringSearch(inProcess), false);
    } finally {
      await inProcess.close();
    }
  });

  it('when searched, then it answers as the in-process engine does', async () => {
    const inProcess = new EmbeddedSearchEngine(':memory:');
    await inProcess.open();
    await inProcess.upsert(CONTRACT_DOCS);
    try {
      for (const q of ['nước thải', 'wastewater', 'cam bien khong khi', '']) {
        assert.deepEqual(await engine.search({ q }), await inProcess.search({ q }), q);
      }
    } finally {
      await inProcess.close();
    }
  });

  it('when the engine throws on its thread, then the caller gets the error and the thread keeps serving', async () => {
    await assert.rejects(engine.setMeta('k', { not: 'text' } as unknown as string), /parameter/);
    assert.equal((await engine.search({ q: 'wastewater' })).total > 0, true);
  });

  it('when it is closed, then calls are refused until it is opened again', async () => {
    await engine.close();
    assert.equal(await engine.ping(), false);
    await assert.rejects(engine.search({ q: 'x' }), /not open/);
    await engine.open();
    assert.equal(await engine.ping(), true);
  });
});
