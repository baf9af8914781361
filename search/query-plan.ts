/**
 * How both engines read a query, before either touches its index:
 * - filler words ("cần", "có … không", "for", "the") are left out (stop-words.ts);
 * - at most MAX_QUERY_WORDS words are kept, like Meilisearch;
 * - a word typed with diacritics is matched with exactly those diacritics ("sửa" is not "sữa");
 *   one typed without is matched folded ("sua" is both);
 * - words that form a term of the vi↔en dictionary become one unit that the term in the other
 *   language also satisfies ("nước thải" or "wastewater").
 * The engines then require all units, dropping the most common ones first while there are fewer
 * results than a page (see dropOrder), and rank the docs holding more of the dropped units first.
 */
import { isGenericWord, withoutStopWords } from './stop-words';
import { SYNONYM_PAIRS } from './synonyms';
import { exactTokens, foldToken, foldVietnamese } from './text';
import { allowedTypos, typoCost } from './typo';
import { MAX_QUERY_WORDS } from './types';

export interface PlannedWord {
  /** Lower-cased, diacritics kept. */
  exact: string;
  folded: string;
  /** Typed with diacritics: matched only with exactly these. */
  strict: boolean;
  /** The word the user is still typing: matched as a prefix. */
  prefix: boolean;
}

export interface QueryUnit {
  words: PlannedWord[];
  /** Folded phrases of the dictionary that satisfy this unit as well. */
  synonyms: string[][];
  /** Made only of generic words ("công nghệ"): dropped before any other unit. */
  generic: boolean;
}

export interface QueryPlan {
  units: QueryUnit[];
  /** Every kept word, in order. */
  words: PlannedWord[];
}

/** Vietnamese and English terms keyed by their words (exact for Vietnamese, folded for both). */
interface DictionaryEntry {
  exact: string[];
  folded: string[];
  other: string[][];
}

/** Longest dictionary term read in a query (Meilisearch reads synonyms of up to three words). */
export const MAX_TERM_WORDS = 3;
let dictionary: Map<string, DictionaryEntry[]> | null = null;

function buildDictionary(): Map<string, DictionaryEntry[]> {
  const byFirstWord = new Map<string, DictionaryEntry[]>();
  const add = (term: string, other: string): void => {
    const exact = exactTokens(term);
    const folded = exact.map(foldToken);
    const otherFolded = foldVietnamese(other).split(/\s+/).filter(Boolean);
    if (folded.join(' ') === otherFolded.join(' ')) return;
    const list = byFirstWord.get(folded[0]) ?? [];
    const existing = list.find((e) => e.exact.join(' ') === exact.join(' '));
    if (existing) existing.other.push(otherFolded);
    else list.push({ exact, folded, other: [otherFolded] });
    byFirstWord.set(folded[0], list);
  };
  for (const [vi, en] of SYNONYM_PAIRS) {
    add(vi, en);
    add(en, vi);
  }
  return byFirstWord;
}

function entriesStartingWith(folded: string): DictionaryEntry[] {
  dictionary ??= buildDictionary();
  return dictionary.get(folded) ?? [];
}

/** Whether dictionary `entry` reads the words from `start`: exactly where the user typed diacritics. */
function entryMatches(entry: DictionaryEntry, words: PlannedWord[], start: number): boolean {
  if (start + entry.folded.length > words.length) return false;
  return entry.folded.every((f, k) => {
    const word = words[start + k];
    return word.strict ? word.exact === entry.exact[k] : word.folded === f;
  });
}

/** Greedy longest dictionary terms, left to right; other words are units of their own. */
export function toUnits(words: PlannedWord[]): QueryUnit[] {
  const units: QueryUnit[] = [];
  let i = 0;
  while (i < words.length) {
    const matches = entriesStartingWith(words[i].folded)
      .filter((e) => e.folded.length <= MAX_TERM_WORDS && entryMatches(e, words, i))
      .sort((a, b) => b.folded.length - a.folded.length);
    const length = matches[0]?.folded.length ?? 1;
    const synonyms = matches.filter((m) => m.folded.length === length).flatMap((m) => m.other);
    const unique = [...new Map(synonyms.map((s) => [s.join(' '), s])).values()];
    const unitWords = words.slice(i, i + length);
    units.push({
      words: unitWords,
      synonyms: unique,
      generic: unitWords.every((w) => isGenericWord(w.exact)),
    });
    i += length;
  }
  return units;
}

let singleWordTerms: string[] | null = null;

/**
 * A word typed with a typo (or unfinished) that reads as one single-word dictionary term within
 * the word's typo allowance is spelled as that term ("hydroponic" → "hydroponics"), so its
 * translation applies on both engines; typo tolerance still finds the typed spelling.
 */
function dictionarySpelling(word: PlannedWord): PlannedWord {
  if (word.strict || allowedTypos(word.folded) === 0) return word;
  dictionary ??= buildDictionary();
  singleWordTerms ??= [...dictionary.values()]
    .flat()
    .flatMap((e) => (e.folded.length === 1 ? [e.folded[0]] : []));
  if (singleWordTerms.includes(word.folded)) return word;
  let best: { term: string; cost: number } | null = null;
  let tie = false;
  for (const term of singleWordTerms) {
    const cost = typoCost(word.folded, term, allowedTypos(word.folded), word.prefix);
    if (cost === Infinity) continue;
    if (!best || cost < best.cost) {
      best = { term, cost };
      tie = false;
    } else if (cost === best.cost && term !== best.term) tie = true;
  }
  return best && !tie ? { ...word, exact: best.term, folded: best.term } : word;
}

/** Whether the query ends inside a word (the user is still typing it). */
function endsInWord(q: string): boolean {
  const tokens = exactTokens(q);
  if (tokens.length === 0) return false;
  return (
    q
      .normalize('NFC')
      .toLowerCase()
      .trimEnd()
      .endsWith(tokens[tokens.length - 1]) && !/\s$/.test(q)
  );
}

export function planQuery(q: string | undefined): QueryPlan {
  if (!q) return { units: [], words: [] };
  const typed = exactTokens(q).map((exact, index) => ({ exact, index }));
  const lastIndex = typed.length - 1;
  const typing = endsInWord(q);
  const words: PlannedWord[] = withoutStopWords(typed)
    .slice(0, MAX_QUERY_WORDS)
    .map(({ exact, index }) => {
      const folded = foldToken(exact);
      return dictionarySpelling({
        exact,
        folded,
        strict: folded !== exact,
        prefix: typing && index === lastIndex,
      });
    });
  return { units: toUnits(words), words };
}

/**
 * Unit indexes in drop order: generic units first, then the most common (by `frequency`), later
 * words first among equals.
 */
export function dropOrder(units: { frequency: number; generic: boolean }[]): number[] {
  return units
    .map((u, i) => ({ g: u.generic ? 1 : 0, f: u.frequency, i }))
    .sort((a, b) => b.g - a.g || b.f - a.f || b.i - a.i)
    .map((x) => x.i);
}

/**
 * Words in no listing are left out, but when most of a query's units are in none, the query is
 * about something the index does not hold: nothing matches (rather than whatever one common
 * word finds).
 */
export function enoughUnitsMatch(matching: number, planned: number): boolean {
  return matching > 0 && matching * 2 >= planned;
}

/** Weight of a unit in the ranking: rare units weigh more (inverse document frequency). */
export function unitWeight(frequency: number, total: number): number {
  return Math.log(1 + total / Math.max(1, frequency));
}

/**
 * The units kept after dropping the first `dropped` of `order`, as indexes in query order.
 * At least one unit is always kept.
 */
export function keptUnits(order: number[], dropped: number): number[] {
  const gone = new Set(order.slice(0, Math.min(dropped, order.length - 1)));
  return order.map((_, i) => i).filter((i) => !gone.has(i));
}
