/**
 * A read for a scrape that the database may serve only by reading whole collections (FerretDB):
 * concurrent callers share one read, and an answer that was slow to read is served again (aged)
 * until its share of the time allows another read, so a 15 s scrape interval cannot keep the
 * database busy. Fast reads (the demo size, MongoDB with its indexes) are made at every scrape.
 */
export interface SpacedReadOptions<T> {
  /** A read slower than this is not repeated at every call (default 250 ms). */
  slowMs?: number;
  /** The share of time slow reads may take (default 2 %: a 10 s read every 500 s). */
  maxShare?: number;
  /** The kept answer as it is `seconds` after it was read. */
  age?: (answer: T, seconds: number) => T;
  now?: () => number;
}

export function spacedRead<T>(
  read: () => Promise<T>,
  opts: SpacedReadOptions<T> = {},
): () => Promise<T | undefined> {
  const slowMs = opts.slowMs ?? 250;
  const maxShare = opts.maxShare ?? 0.02;
  const now = opts.now ?? Date.now;
  let inFlight: Promise<T | undefined> | undefined;
  let kept: { answer: T; readAt: number; until: number } | undefined;
  return () => {
    const startedAt = now();
    if (kept && startedAt < kept.until) {
      const seconds = (startedAt - kept.readAt) / 1000;
      return Promise.resolve(opts.age ? opts.age(kept.answer, seconds) : kept.answer);
    }
    inFlight ??= read()
      .then((answer) => {
        const took = now() - startedAt;
        kept = took >= slowMs ? { answer, readAt: startedAt, until: startedAt + took / maxShare } : undefined;
        return answer;
      })
      .catch(() => undefined)
      .finally(() => setImmediate(() => (inFlight = undefined)));
    return inFlight;
  };
}
