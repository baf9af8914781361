/** Which terms changed between two versions of a term sheet: the server and the client's side-by-side view. */

/** Bookkeeping keys that are not terms and never count as a change. */
export const TERM_SHEET_META_KEYS: readonly string[] = [
  'id',
  '_id',
  'version',
  'acceptedBy',
  'proposedBy',
  'proposedByRole',
  'createdAt',
  'updatedAt',
];

const TERM_KEY_ORDER: readonly string[] = [
  'price',
  'currency',
  'royaltyPct',
  'royaltyReporting',
  'exclusivity',
  'transferMode',
  'territory',
  'durationMonths',
  'milestones',
];

/**
 * The keys whose values differ between two term sheets, for the side-by-side diff. Values are
 * compared deeply (ignoring nested `_id`s); a missing key, `undefined` and `null` all mean "not set" and are equal;
 * dates compare by instant. Known terms come in their usual order, other keys alphabetically.
 */
export function diffTermSheets(a: object, b: object): string[] {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  const changed = [...keys].filter((k) => !TERM_SHEET_META_KEYS.includes(k) && !sameValue(left[k], right[k]));
  return changed.sort((x, y) => orderOf(x) - orderOf(y) || x.localeCompare(y));
}

function orderOf(key: string): number {
  const i = TERM_KEY_ORDER.indexOf(key);
  return i === -1 ? TERM_KEY_ORDER.length : i;
}

function sameValue(x: unknown, y: unknown): boolean {
  if (x == null || y == null) return x == null && y == null;
  if (x instanceof Date || y instanceof Date) return timeOf(x) !== undefined && timeOf(x) === timeOf(y);
  if (Array.isArray(x) || Array.isArray(y)) {
    return (
      Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => sameValue(v, y[i]))
    );
  }
  if (typeof x === 'object' && typeof y === 'object') {
    const xo = x as Record<string, unknown>;
    const yo = y as Record<string, unknown>;
    const keys = new Set([...Object.keys(xo), ...Object.keys(yo)]);
    keys.delete('_id'); // a stored sub-document's own id (a milestone's) is not a term
    return [...keys].every((k) => sameValue(xo[k], yo[k]));
  }
  return Object.is(x, y);
}

function timeOf(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}
