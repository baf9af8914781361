/**
 * One database command for many callers: the first call goes at once, the calls made while it
 * runs go together in the next command, and so on. Under load a burst of writes becomes a few
 * commands (with FerretDB a few round trips and transactions instead of one each); alone, a call
 * waits for nothing. Each caller gets its own item's outcome: `run` answers one result or Error
 * per item, in order; an error thrown by `run` itself fails every item of that command.
 *
 * Under load (`gatherWhenBusy`) each command instead waits until a few milliseconds after its
 * first item before it goes, idle or not: concurrent writes arrive a millisecond or two apart, so
 * a command going at once mostly carried one item, and each command costs both processes about
 * as much again as each item it carries (`npm run bench:http`, accepting terms: the exchange's
 * CPU per write 3.9 → 3.0–3.4 ms at a 4 ms window).
 */
interface Waiting<I, R> {
  item: I;
  done: (result: R) => void;
  failed: (err: unknown) => void;
}

export type GroupedCommand<I, R> = (item: I) => Promise<R>;

const gathering = { windowMs: 0, busy: (): boolean => false };

/**
 * While `busy()`, a command waits until `windowMs` after its first item arrived (0: never waits).
 * Set once at start-up.
 */
export function gatherWhenBusy(windowMs: number, busy: () => boolean): void {
  gathering.windowMs = windowMs;
  gathering.busy = busy;
}

function gatheringWait(firstAt: number): Promise<void> | undefined {
  if (gathering.windowMs <= 0 || !gathering.busy()) return undefined;
  const wait = firstAt + gathering.windowMs - performance.now();
  return wait >= 1 ? new Promise((resolve) => setTimeout(resolve, wait)) : undefined;
}

export function groupedCommand<I, R>(
  run: (items: I[]) => Promise<(R | Error)[]>,
  opts: { onIdle?: () => void } = {},
): GroupedCommand<I, R> {
  let queued: Waiting<I, R>[] | null = null;
  /** When the first item of the batch being gathered arrived. */
  let firstAt = 0;

  async function drain(): Promise<void> {
    for (;;) {
      const gathered = queued?.length ? gatheringWait(firstAt) : undefined;
      if (gathered) await gathered;
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
      if (queued) {
        if (queued.length === 0) firstAt = performance.now();
        return void queued.push({ item, done, failed });
      }
      firstAt = performance.now();
      queued = [{ item, done, failed }];
      void drain();
    });
}
