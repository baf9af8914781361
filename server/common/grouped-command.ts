/**
 * One database command for many callers: the first call goes at once, the calls made while it
 * runs go together in the next command, and so on. Under load a burst of writes becomes a few
 * commands (with FerretDB a few round trips and transactions instead of one each); alone, a call
 * waits for nothing. Each caller gets its own item's outcome: `run` answers one result or Error
 * per item, in order; an error thrown by `run` itself fails every item of that command.
 */
interface Waiting<I, R> {
  item: I;
  done: (result: R) => void;
  failed: (err: unknown) => void;
}

export type GroupedCommand<I, R> = (item: I) => Promise<R>;

export function groupedCommand<I, R>(
  run: (items: I[]) => Promise<(R | Error)[]>,
  opts: { onIdle?: () => void } = {},
): GroupedCommand<I, R> {
  let queued: Waiting<I, R>[] | null = null;

  async function drain(): Promise<void> {
    for (;;) {
      const batch = queued ?? [];
      if (batch.length === 0) {
        queued = null;
        return opts.onIdle?.();
      }
      queued = [];
      let results: (R | Error)[];
      try {
        results = await run(batch.map((w) => w.item));
      } catch (err) {
        for (const w of batch) w.failed(err);
        continue;
      }
      batch.forEach((w, i) => {
        const result = results[i];
        if (result instanceof Error) w.failed(result);
        else if (i < results.length) w.done(result);
        else w.failed(new Error('the command gave no result for this item'));
      });
    }
  }

  return (item) =>
    new Promise<R>((done, failed) => {
      if (queued) return void queued.push({ item, done, failed });
      queued = [{ item, done, failed }];
      void drain();
    });
}
