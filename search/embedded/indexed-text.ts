import { wordsForIndex } from '../text';

/** What the index keeps of one listing's text, each part folded once. */
export interface IndexedText {
  /** The FTS title column: folded words, then the diacritic-keeping words that differ from them. */
  title: string;
  /** The FTS body column (summary, body, keywords), likewise. */
  body: string;
  /** The folded words of title and summary, in order: where query words are looked for side by side. */
  proximity: string;
  /** Every folded word, for the typo vocabulary. */
  foldedWords: string[];
}

const join = (...parts: string[]): string => parts.filter(Boolean).join(' ');

/**
 * What the FTS columns receive, prepared here so index and query fold alike (FTS5's `ascii`
 * tokenizer splits on the spaces). Parts are folded apart and joined, which gives the same words
 * as folding them joined by line breaks.
 */
export function indexedText(title: string, summary: string, rest: string[]): IndexedText {
  const t = wordsForIndex(title);
  const s = wordsForIndex(summary);
  const r = wordsForIndex(rest.join('\n'));
  const bodyFolded = join(s.folded, r.folded);
  const allFolded = join(t.folded, bodyFolded);
  return {
    title: join(t.folded, t.marked),
    body: join(bodyFolded, s.marked, r.marked),
    proximity: join(t.folded, s.folded),
    foldedWords: allFolded ? allFolded.split(' ') : [],
  };
}
