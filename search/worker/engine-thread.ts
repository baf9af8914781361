/**
 * The embedded engine's own thread: SQLite FTS5 queries are synchronous, so they run here and a
 * heavy query never stalls the server's event loop. Calls are answered in the order they came.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EmbeddedSearchEngine } from '../embedded/embedded-engine';
import type { EngineCall, EngineReply, EngineWorkerData } from './protocol';

const port = parentPort;
if (!port) throw new Error('engine-thread runs as a worker thread');
const engine = new EmbeddedSearchEngine((workerData as EngineWorkerData).path);

port.on('message', (call: EngineCall) => {
  void answer(call).then((reply) => port.postMessage(reply));
});

async function answer(call: EngineCall): Promise<EngineReply> {
  try {
    const method = engine[call.method] as (...args: unknown[]) => Promise<unknown>;
    return { id: call.id, ok: true, value: await method.apply(engine, call.args) };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    return {
      id: call.id,
      ok: false,
      error: { name: error.name, message: error.message, stack: error.stack },
    };
  }
}
