import { toUnits } from './query-plan';
import type { PlannedWord } from './query-plan';
import { withoutStopWords } from './stop-words';
import { exactTokens, foldToken } from './text';

/**
 * What relevance() looks for from a listing's text: its distinct words without filler, each with
 * its diacritics when it has some ("sữa chua" does not share "sửa"), and the dictionary's terms in
 * the other language (single words in `words`, longer ones as phrases).
 */
export function relevanceTerms(text: string, maxWords: number): { words: string[]; phrases: string[] } {
  const typed = exactTokens(text).map((exact) => ({ exact }));
  const planned: PlannedWord[] = withoutStopWords(typed).map(({ exact }) => {
    const folded = foldToken(exact);
    return { exact, folded, strict: folded !== exact, prefix: false };
  });
  const words = new Set<string>();
  const phrases = new Set<string>();
  for (const unit of toUnits(planned)) {
    for (const w of unit.words) if (w.folded.length > 1) words.add(w.strict ? w.exact : w.folded);
    for (const synonym of unit.synonyms) (synonym.length === 1 ? words : phrases).add(synonym.join(' '));
  }
  return { words: [...words].slice(0, maxWords), phrases: [...phrases].slice(0, maxWords) };
}
