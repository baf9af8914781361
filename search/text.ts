/**
 * Text normalisation shared by both engines (index side and query side) and by matching.
 * Folding removes tones and vowel marks, maps đ/Đ to d and lower-cases: "Đà Nẵng" → "da nang".
 */

import { foldVietnamese } from './fold';

/**
 * A word is a run of anything but white space, ASCII punctuation and the common Unicode
 * punctuation blocks; must agree with isSeparator() in fold.ts.
 */
const SEPARATOR_CLASS =
  '\\s\\x00-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\xBF\\xD7\\xF7\\u2000-\\u206F\\u2E00-\\u2E7F\\u3000-\\u303F\\uFE30-\\uFE4F\\uFF00-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65';
const WORD = new RegExp(`[^${SEPARATOR_CLASS}]+`, 'g');

export { foldVietnamese, wordsForIndex } from './fold';

/** Lower-cased words that keep their diacritics ("bán" and "bàn" stay different). */
export function exactTokens(text: string): string[] {
  const tokens = text.normalize('NFC').toLowerCase().match(WORD) ?? [];
  return tokens.every((t) => foldToken(t) !== '') ? tokens : tokens.filter((t) => foldToken(t) !== '');
}

const foldCache = new Map<string, string>();

/** Folds one already lower-cased token, memoised because vocabularies are small. */
export function foldToken(token: string): string {
  let folded = foldCache.get(token);
  if (folded === undefined) {
    folded = foldVietnamese(token);
    if (foldCache.size > 200_000) foldCache.clear();
    foldCache.set(token, folded);
  }
  return folded;
}

/** Folded words of `text`, in order: tokenize("Xử lý nước thải") → ["xu", "ly", "nuoc", "thai"]. */
export function tokenize(text: string): string[] {
  return exactTokens(text).map(foldToken);
}

export interface TokenSpan {
  start: number;
  end: number;
  folded: string;
}

/** Word positions in `text` (NFC), for highlighting. */
export function tokenSpans(text: string): { text: string; spans: TokenSpan[] } {
  const nfc = text.normalize('NFC');
  const spans: TokenSpan[] = [];
  for (const m of nfc.matchAll(WORD)) {
    const folded = foldToken(m[0].toLowerCase());
    if (folded !== '') spans.push({ start: m.index, end: m.index + m[0].length, folded });
  }
  return { text: nfc, spans };
}

export interface QueryWord {
  /** Lower-cased, diacritics kept. */
  exact: string;
  folded: string;
  /** True when the user typed diacritics (or đ) in this word, so exact matches rank first. */
  hasDiacritics: boolean;
}

export function parseQueryWords(q: string | undefined, maxWords: number): QueryWord[] {
  if (!q) return [];
  return exactTokens(q)
    .slice(0, maxWords)
    .map((exact) => {
      const folded = foldToken(exact);
      return { exact, folded, hasDiacritics: folded !== exact };
    });
}
