/**
 * Many writers of one document, one write at a time: changes to a key that arrive while it is
 * being written wait and are applied together by the next write, so a burst of writers (an
 * organisation's deals changing at once) waits for one or two writes, not for each other in turn.
 */
import { groupedCommand, type GroupedCommand } from './grouped-command';

export interface BatchedWriter<C> {
  /** Resolves once `change` is stored with the others of its batch; rejects with the batch's error. */
  write(key: string, change: C): Promise<void>;
}

/** One grouped command per key being written (dropped when idle); a batch stands or fails whole. */
export function batchedWriter<C>(apply: (key: string, changes: C[]) => Promise<void>): BatchedWriter<C> {
  const writers = new Map<string, GroupedCommand<C, true>>();
  return {
    async write(key, change) {
      let write = writers.get(key);
      if (!write) {
        write = groupedCommand<C, true>(
          async (changes) => {
            await apply(key, changes);
            return changes.map(() => true as const);
          },
          { onIdle: () => writers.delete(key) },
        );
        writers.set(key, write);
      }
      await write(change);
    },
  };
}
