import type { QueryWord } from '../text';
import type { Corrections } from './vocabulary';

/** FTS5 MATCH expressions for one query word. */
export interface WordExpressions {
  /** Folded word, its typo corrections and, for the last word, prefixes: decides membership. */
  any: string;
  /** Same without typo corrections, or null when the word has none (then `any` is typo-free). */
  withoutTypos: string | null;
  /** The word with its diacritics, or null when the user typed none. */
  exact: string | null;
}

const quote = (token: string): string => `"${token}"`;

export function wordExpressions(word: QueryWord, isLast: boolean, corrections: Corrections): WordExpressions {
  const self = isLast ? `${quote(word.folded)}*` : quote(word.folded);
  const alternatives = [
    self,
    ...corrections.words.map(quote),
    ...(isLast ? corrections.prefixes.map((p) => `${quote(p)}*`) : []),
  ];
  const hasTypos = alternatives.length > 1;
  return {
    any: hasTypos ? `(${alternatives.join(' OR ')})` : self,
    withoutTypos: hasTypos ? self : null,
    exact: word.hasDiacritics ? (isLast ? `${quote(word.exact)}*` : quote(word.exact)) : null,
  };
}

/** Documents matching the first `count` words (Meilisearch's `last` strategy drops words from the end). */
export function allOf(words: WordExpressions[], count: number): string {
  return words
    .slice(0, count)
    .map((w) => w.any)
    .join(' AND ');
}

export function inTitle(expression: string): string {
  return `{title} : (${expression})`;
}

/** Any of the folded words, for relevance ranking (OR semantics, no typos). */
export function anyOf(foldedWords: string[]): string {
  return foldedWords.map(quote).join(' OR ');
}

/** The first `count` folded words as a phrase (adjacent words), for the proximity criterion. */
export function phraseOf(words: QueryWord[], count: number, lastIsPrefix: boolean): string {
  const phrase = quote(
    words
      .slice(0, count)
      .map((w) => w.folded)
      .join(' '),
  );
  return lastIsPrefix ? `${phrase}*` : phrase;
}
