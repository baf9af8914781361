/**
 * Sorted rowid lists ("postings") and the set operations a query is evaluated with. FTS5 reads a
 * common word's doclist (positions included) on every MATCH and hands its rowids to JavaScript
 * one row at a time, so a query of two common syllables cost tens of milliseconds however few
 * hits it showed. Here each FTS5 term (a word, a prefix, a phrase, optionally in the title) is
 * read once into a typed array and kept, and a query combines the arrays: intersections start
 * from the rarest list and skip ahead by galloping, so totals and facets stay exact.
 */
import type { Match } from './fts-query';
import { leafKey, matchKey } from './fts-query';

export type Postings = Int32Array;

const EMPTY: Postings = new Int32Array(0);

/** Docs in both sorted lists. Walks the shorter one and gallops through the longer one. */
export function intersect(a: Postings, b: Postings): Postings {
  if (a.length > b.length) [a, b] = [b, a];
  if (a.length === 0) return EMPTY;
  const out = new Int32Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const x = a[i];
    if (b[j] < x) {
      // Gallop: double the step until past x, then binary search the last step.
      let step = 1;
      let hi = j + 1;
      while (hi < b.length && b[hi] < x) {
        j = hi;
        step *= 2;
        hi = j + step;
      }
      hi = Math.min(hi, b.length);
      while (j < hi) {
        const mid = (j + hi) >>> 1;
        if (b[mid] < x) j = mid + 1;
        else hi = mid;
      }
    }
    if (j < b.length && b[j] === x) out[n++] = x;
  }
  return out.subarray(0, n);
}

/** Docs in every list: the shortest first, stopping as soon as nothing is left. */
export function intersectAll(lists: Postings[]): Postings {
  if (lists.length === 0) return EMPTY;
  const bySize = [...lists].sort((x, y) => x.length - y.length);
  let result = bySize[0];
  for (let i = 1; i < bySize.length && result.length > 0; i++) result = intersect(result, bySize[i]);
  return result;
}

/**
 * Docs in any of the lists, sorted and without repeats: marked in a bitmap as long as the largest
 * rowid (a word's typo corrections make dozens of long lists; sorting their concatenation cost
 * more than one pass over every rowid).
 */
export function union(lists: Postings[]): Postings {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0];
  let total = 0;
  let max = 0;
  for (const l of nonEmpty) {
    total += l.length;
    max = Math.max(max, l[l.length - 1]);
  }
  if (total * 8 < max) {
    const all = new Int32Array(total);
    let offset = 0;
    for (const l of nonEmpty) {
      all.set(l, offset);
      offset += l.length;
    }
    return sortedUnique(all);
  }
  const seen = new Uint8Array(max + 1);
  for (const l of nonEmpty) for (let i = 0; i < l.length; i++) seen[l[i]] = 1;
  const out = new Int32Array(Math.min(total, max + 1));
  let n = 0;
  for (let r = 0; r <= max; r++) if (seen[r] === 1) out[n++] = r;
  return out.subarray(0, n);
}

function sortedUnique(list: Int32Array): Postings {
  list.sort();
  let n = 0;
  for (let i = 0; i < list.length; i++) if (n === 0 || list[i] !== list[n - 1]) list[n++] = list[i];
  return list.subarray(0, n);
}

/** A list read from the index, sorted (FTS5 yields rowids in ascending order; this makes sure). */
export function sortedPostings(rowids: ArrayLike<number>): Postings {
  const list = Int32Array.from(rowids);
  for (let i = 1; i < list.length; i++) {
    if (list[i] <= list[i - 1]) return sortedUnique(list);
  }
  return list;
}

/**
 * The postings of FTS5 terms, each read once and kept (least recently used dropped beyond
 * `maxEntries` rowids in all), and the evaluation of a match tree over them. The owner empties it
 * on every write to the index.
 */
export class PostingsCache {
  private readonly lists = new Map<string, Postings>();
  private entries = 0;

  constructor(
    private readonly read: (fts: string) => ArrayLike<number>,
    private readonly maxEntries: number,
  ) {}

  clear(): void {
    this.lists.clear();
    this.entries = 0;
  }

  evaluate(match: Match): Postings {
    switch (match.op) {
      case 'term':
        return this.term(leafKey(match));
      case 'and':
        return intersectAll(match.of.map((m) => this.evaluate(m)));
      case 'or':
        // A word's typo corrections (or a unit's synonyms): kept like a term of its own.
        return this.cached(matchKey(match), () => union(match.of.map((m) => this.evaluate(m))));
    }
  }

  private term(key: string): Postings {
    return this.cached(key, () => sortedPostings(this.read(key)));
  }

  private cached(key: string, compute: () => Postings): Postings {
    const cached = this.lists.get(key);
    if (cached) {
      // Most recently used last.
      this.lists.delete(key);
      this.lists.set(key, cached);
      return cached;
    }
    const list = compute();
    this.lists.set(key, list);
    this.entries += list.length;
    for (const [oldKey, old] of this.lists) {
      if (this.entries <= this.maxEntries || oldKey === key) break;
      this.lists.delete(oldKey);
      this.entries -= old.length;
    }
    return list;
  }
}
