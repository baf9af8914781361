/**
 * The embedded engine behind a worker thread, with the same interface. The thread is started by
 * open(); if it dies, pending calls fail and the next open() starts a new one.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type {
  OpenResult,
  RelevanceHit,
  RelevanceOptions,
  SearchDoc,
  SearchEngine,
  SearchQuery,
  SearchResult,
} from '../types';
import type { EngineCall, EngineMethod, EngineReply, EngineWorkerData } from './protocol';

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

export class WorkerSearchEngine implements SearchEngine {
  readonly name = 'embedded' as const;
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly indexPath: string) {}

  async open(): Promise<OpenResult> {
    if (!this.worker) this.worker = this.startWorker();
    return (await this.call('open', [])) as OpenResult;
  }

  async upsert(docs: SearchDoc[]): Promise<void> {
    await this.call('upsert', [docs]);
  }

  async remove(ids: string[]): Promise<void> {
    await this.call('remove', [ids]);
  }

  async clear(): Promise<void> {
    await this.call('clear', []);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return (await this.call('search', [query])) as SearchResult;
  }

  async relevance(text: string, opts: RelevanceOptions): Promise<RelevanceHit[]> {
    return (await this.call('relevance', [text, opts])) as RelevanceHit[];
  }

  async getMeta(key: string): Promise<string | null> {
    return (await this.call('getMeta', [key])) as string | null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.call('setMeta', [key, value]);
  }

  async ping(): Promise<boolean> {
    if (!this.worker) return false;
    try {
      return (await this.call('ping', [])) as boolean;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await this.call('close', []);
    this.worker = null;
    await worker.terminate();
  }

  private call(method: EngineMethod, args: unknown[]): Promise<unknown> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('search index is not open: call open() first'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, method, args } satisfies EngineCall);
    });
  }

  private startWorker(): Worker {
    const workerData: EngineWorkerData = { path: this.indexPath };
    const worker = runsFromTypeScript()
      ? new Worker(
          `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(threadFile())});`,
          {
            eval: true,
            workerData,
          },
        )
      : new Worker(threadFile(), { workerData });
    worker.unref();
    worker.on('message', (reply: EngineReply) => this.settle(reply));
    worker.on('error', (err) => this.fail(worker, err));
    worker.on('exit', (code) =>
      this.fail(worker, new Error(`search engine thread exited with code ${code}`)),
    );
    return worker;
  }

  private settle(reply: EngineReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.ok) return waiting.resolve(reply.value);
    const err = new Error(reply.error.message);
    err.name = reply.error.name;
    if (reply.error.stack) err.stack = reply.error.stack;
    waiting.reject(err);
  }

  private fail(worker: Worker, err: Error): void {
    if (this.worker === worker) this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(err);
    this.pending.clear();
  }
}

/** The thread's module beside this one: `.ts` when run through tsx, `.js` once built. */
function threadFile(): string {
  return path.join(__dirname, `engine-thread${path.extname(__filename)}`);
}

/** Run through tsx (tests, scripts), the thread must load TypeScript too: tsx's CommonJS hook does that. */
function runsFromTypeScript(): boolean {
  return path.extname(__filename) === '.ts';
}
