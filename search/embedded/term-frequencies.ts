/**
 * How many docs hold each indexed token (folded words and diacritic-keeping words), read once
 * from fts5vocab (a lookup there scans the whole vocabulary) and then counted up as documents are
 * added. Removals are not counted down: the figures only order and weigh query words.
 */
export class TermFrequencies {
  private counts: Map<string, number> | null = null;

  constructor(private readonly loadCounts: () => Iterable<{ term: string; doc: number }>) {}

  get loaded(): boolean {
    return this.counts !== null;
  }

  /** Counts one new document's distinct tokens. */
  addDocument(tokens: Iterable<string>): void {
    if (!this.counts) return;
    for (const token of new Set(tokens)) this.counts.set(token, (this.counts.get(token) ?? 0) + 1);
  }

  reset(): void {
    this.counts = null;
  }

  of(term: string): number {
    if (!this.counts) {
      this.counts = new Map();
      for (const { term: t, doc } of this.loadCounts()) this.counts.set(t, doc);
    }
    return this.counts.get(term) ?? 0;
  }
}
