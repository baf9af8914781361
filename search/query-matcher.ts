import type { WordMatcher } from './highlight';
import { allowedTypos, typoCost } from './typo';

/**
 * Accepts a listing's folded word when it matches a query word the way the engines match:
 * same folded word, within the word's typo allowance, or (last query word) starting with it.
 */
export function queryWordMatcher(words: { folded: string; prefix?: boolean }[]): WordMatcher {
  const exact = new Set(words.map((w) => w.folded));
  const last = words[words.length - 1];
  const lastIsPrefix = last !== undefined && last.prefix !== false;
  const tolerant = words.map((w) => ({
    folded: w.folded,
    typos: allowedTypos(w.folded),
    prefix: w === last && lastIsPrefix,
  }));
  return (folded) => {
    if (exact.has(folded)) return true;
    if (lastIsPrefix && folded.startsWith(last.folded)) return true;
    return tolerant.some((w) => w.typos > 0 && typoCost(w.folded, folded, w.typos, w.prefix) !== Infinity);
  };
}
