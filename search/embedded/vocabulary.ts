import { foldToken } from '../text';
import { allowedTypos, closestPrefix, typoCost } from '../typo';

export interface Corrections {
  /** Indexed words within the query word's typo allowance (the word itself excluded). */
  words: string[];
  /** For the last query word: indexed prefixes within its typo allowance (the word itself excluded). */
  prefixes: string[];
}

const NO_CORRECTIONS: Corrections = { words: [], prefixes: [] };
const MAX_CANDIDATES = 24;

/**
 * Typo candidates drawn from the index's own folded vocabulary (read once from fts5vocab, then
 * kept up to date as documents are added). Words of removed documents may linger: they only
 * produce corrections that match nothing.
 */
export class Vocabulary {
  private byFirstLetter: Map<string, string[]> | null = null;
  private known = new Set<string>();
  private memo = new Map<string, Corrections>();

  constructor(private readonly loadTerms: () => Iterable<string>) {}

  /** False until a query first needs corrections; until then there is nothing to keep up to date. */
  get loaded(): boolean {
    return this.byFirstLetter !== null;
  }

  add(foldedTerms: Iterable<string>): void {
    if (!this.byFirstLetter) return;
    for (const term of foldedTerms) this.insert(term);
  }

  reset(): void {
    this.byFirstLetter = null;
    this.known.clear();
    this.memo.clear();
  }

  corrections(word: string, isLast: boolean): Corrections {
    const typos = allowedTypos(word);
    if (typos === 0) return NO_CORRECTIONS;
    const key = `${isLast ? '*' : ''}${word}`;
    let found = this.memo.get(key);
    if (!found) {
      found = this.find(word, typos, isLast);
      if (this.memo.size > 5000) this.memo.clear();
      this.memo.set(key, found);
    }
    return found;
  }

  private find(word: string, typos: number, isLast: boolean): Corrections {
    const scored: { term: string; cost: number }[] = [];
    const prefixes = new Map<string, number>();
    for (const term of this.candidatesFor(word, typos)) {
      if (term === word) continue;
      const cost = typoCost(word, term, typos);
      if (cost !== Infinity) scored.push({ term, cost });
      if (isLast && !term.startsWith(word)) {
        const prefix = closestPrefix(word, term, typos);
        if (prefix && prefix !== word && !prefixes.has(prefix))
          prefixes.set(prefix, typoCost(word, prefix, typos));
      }
    }
    scored.sort((a, b) => a.cost - b.cost || a.term.localeCompare(b.term));
    const prefixList = [...prefixes].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([p]) => p);
    return {
      words: scored.slice(0, MAX_CANDIDATES).map((s) => s.term),
      prefixes: prefixList.filter((p) => !scored.some((s) => s.term === p)).slice(0, MAX_CANDIDATES),
    };
  }

  /** A typo on the first letter costs two, so one-typo words only look at their own first letter. */
  private candidatesFor(word: string, typos: number): Iterable<string> {
    const byFirstLetter = this.load();
    if (typos >= 2) return [...byFirstLetter.values()].flat();
    return byFirstLetter.get(word[0]) ?? [];
  }

  private load(): Map<string, string[]> {
    if (!this.byFirstLetter) {
      this.byFirstLetter = new Map();
      for (const term of this.loadTerms()) if (foldToken(term) === term) this.insert(term);
    }
    return this.byFirstLetter;
  }

  private insert(term: string): void {
    if (this.known.has(term)) return;
    this.known.add(term);
    this.memo.clear();
    const first = term[0];
    const bucket = this.byFirstLetter!.get(first);
    if (bucket) bucket.push(term);
    else this.byFirstLetter!.set(first, [term]);
  }
}
