/**
 * Many writers of one document, one write at a time: changes to a key that arrive while it is
 * being written wait and are applied together by the next write, so a burst of writers (an
 * organisation's deals changing at once) waits for one or two writes, not for each other in turn.
 */
interface Waiting<C> {
  change: C;
  done: () => void;
  failed: (err: unknown) => void;
}

export interface BatchedWriter<C> {
  /** Resolves once `change` is stored with the others of its batch; rejects with the batch's error. */
  write(key: string, change: C): Promise<void>;
}

export function batchedWriter<C>(apply: (key: string, changes: C[]) => Promise<void>): BatchedWriter<C> {
  const queued = new Map<string, Waiting<C>[]>();

  async function drain(key: string): Promise<void> {
    for (;;) {
      const batch = queued.get(key) ?? [];
      if (batch.length === 0) return void queued.delete(key);
      queued.set(key, []);
      try {
        await apply(
          key,
          batch.map((w) => w.change),
        );
        for (const w of batch) w.done();
      } catch (err) {
        for (const w of batch) w.failed(err);
      }
    }
  }

  return {
    write: (key, change) =>
      new Promise((done, failed) => {
        const queue = queued.get(key);
        if (queue) return void queue.push({ change, done, failed });
        queued.set(key, [{ change, done, failed }]);
        void drain(key);
      }),
  };
}
