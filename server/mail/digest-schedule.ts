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
