/**
 * Meilisearch's typo rules, so both engines tolerate the same mistakes: per query word, no typo
 * below 5 letters, one from 5, two from 9; Damerau-Levenshtein (a swap of neighbours is one typo);
 * a typo on the first letter costs two.
 */

export const ONE_TYPO_MIN_LENGTH = 5;
export const TWO_TYPOS_MIN_LENGTH = 9;

export function allowedTypos(word: string): number {
  const length = [...word].length;
  if (length >= TWO_TYPOS_MIN_LENGTH) return 2;
  if (length >= ONE_TYPO_MIN_LENGTH) return 1;
  return 0;
}

/**
 * Typo cost of reading `query` as `term` (whole word), or Infinity when above `max`.
 * When `asPrefix`, the cost of reading `query` as a prefix of `term`.
 */
export function typoCost(query: string, term: string, max: number, asPrefix = false): number {
  const a = [...query];
  const b = [...term];
  if (!asPrefix && Math.abs(a.length - b.length) > max) return Infinity;
  if (asPrefix && b.length < a.length - max) return Infinity;
  const firstLetterPenalty = a.length > 0 && b.length > 0 && a[0] !== b[0] ? 1 : 0;
  const budget = max - firstLetterPenalty;
  if (budget < 0) return Infinity;

  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let cur = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prevPrev[j - 2] + 1);
      }
      cur[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > budget) return Infinity;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  const distance = asPrefix ? Math.min(...prev) : prev[b.length];
  return distance <= budget ? distance + firstLetterPenalty : Infinity;
}

/** Shortest prefix of `term` that `query` reads as within `max` typos, for prefix-with-typo search. */
export function closestPrefix(query: string, term: string, max: number): string | null {
  const b = [...term];
  const length = [...query].length;
  let best: { prefix: string; cost: number } | null = null;
  for (let l = Math.max(1, length - max); l <= Math.min(b.length, length + max); l++) {
    const prefix = b.slice(0, l).join('');
    const cost = typoCost(query, prefix, max);
    if (cost !== Infinity && (!best || cost < best.cost)) best = { prefix, cost };
  }
  return best?.prefix ?? null;
}
