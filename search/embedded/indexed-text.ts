import { wordsForIndex } from '../text';

/**
 * What an FTS column receives: folded words, then the words that keep their diacritics, all
 * prepared here so index and query fold alike (FTS5's `ascii` tokenizer splits on the spaces).
 */
export function indexedText(parts: string[]): string {
  const { folded, marked } = wordsForIndex(parts.join('\n'));
  return marked ? `${folded} ${marked}` : folded;
}

/** The folded words of an indexed text (the part before the diacritic-keeping words). */
export function foldedWordsOf(parts: string[]): string[] {
  const { folded } = wordsForIndex(parts.join('\n'));
  return folded ? folded.split(' ') : [];
}
