/** When daily digests go out: once a day at 08:00 Vietnam time (01:00 UTC). */
export const DIGEST_HOUR_UTC = 1;

/** The first digest time strictly after `from`. */
export function nextDigestAt(from: Date): Date {
  const at = new Date(
    Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), DIGEST_HOUR_UTC),
  );
  if (at.getTime() <= from.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

/** How often the mailer looks for retries and released claims between digest times. */
export const RETRY_EVERY_MS = 15 * 60_000;

/** How long the mailer waits from `now` for its next run: to the next digest time, at most RETRY_EVERY_MS. */
export function nextMailerRunIn(now: Date): number {
  // A second past the digest time, so the run finds the digest due (`mailDueAt <= now`).
  const toDigest = nextDigestAt(now).getTime() - now.getTime() + 1000;
  return Math.max(1000, Math.min(RETRY_EVERY_MS, toDigest));
}
