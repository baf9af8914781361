import type { PlannedWord, QueryUnit } from '../query-plan';
import { exactCode } from './exact-code';

/**
 * A query plan as Meilisearch text: folded words, and for words typed with diacritics their exact
 * code (searched in `exactCodes` only, so "sửa" does not find "sữa"). Meilisearch reads the last
 * word as a prefix unless a space follows: only the word the user is still typing is a prefix.
 */
export function wordText(word: PlannedWord): string {
  return word.strict ? exactCode(word.exact) : word.folded;
}

/** The words of `units` (in query order) as one Meilisearch query. */
export function unitsText(units: QueryUnit[]): string {
  const words = units.flatMap((u) => u.words);
  const text = words.map(wordText).join(' ');
  return words[words.length - 1]?.prefix ? text : `${text} `;
}

/** One word alone, whole (not a prefix, no typo): for its document frequency. */
export function wholeWordPhrase(word: PlannedWord): string {
  return `"${wordText(word)}"`;
}
