/**
 * The embedded engine's query plan over rowid lists: a query's terms are read from FTS5 once each
 * and combined in memory, so totals and facets stay exact while common words cost little.
 */
import assert from 'node:assert/strict';
import { allOf, inTitle, matchKey, type Match } from '../../search/embedded/fts-query';
import {
  PostingsCache,
  intersect,
  intersectAll,
  sortedPostings,
  union,
} from '../../search/embedded/postings';
import { topByScore, topK } from '../../search/embedded/top-k';
import { DocColumns, type StoredDoc } from '../../search/embedded/doc-columns';

const list = (...rowids: number[]): Int32Array => Int32Array.from(rowids);
const plain = (p: Int32Array): number[] => Array.from(p);
const term = (fts: string): Match => ({ op: 'term', fts });

/** Reference: the same sets through JavaScript's Set. */
function naiveIntersect(a: number[], b: number[]): number[] {
  const inB = new Set(b);
  return a.filter((x) => inB.has(x));
}

function randomSorted(seed: number, n: number, max: number): number[] {
  let x = seed;
  const out = new Set<number>();
  while (out.size < n) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.add(1 + ((x >>> 8) % max));
  }
  return [...out].sort((a, b) => a - b);
}

describe('embedded search: rowid lists and the query plan over them', () => {
  it('when two lists are intersected, then exactly the rowids in both remain, in order', () => {
    assert.deepEqual(plain(intersect(list(1, 3, 5, 7, 9), list(2, 3, 4, 9, 10))), [3, 9]);
    assert.deepEqual(plain(intersect(list(), list(1, 2))), []);
    assert.deepEqual(plain(intersect(list(5), list(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13))), [5]);
    // A rare list against a common one (galloping) and lists of equal size agree with a plain Set.
    for (const [n, m] of [
      [10, 5000],
      [3000, 3000],
      [1, 9000],
    ]) {
      const a = randomSorted(n, n, 10_000);
      const b = randomSorted(m + 7, m, 10_000);
      assert.deepEqual(plain(intersect(list(...a), list(...b))), naiveIntersect(a, b), `${n} × ${m}`);
    }
  });

  it('when several lists are intersected, then the rarest is the start and an empty one ends it', () => {
    assert.deepEqual(plain(intersectAll([list(1, 2, 3, 4), list(2, 4), list(2, 3, 4)])), [2, 4]);
    assert.deepEqual(plain(intersectAll([list(1, 2), list(), list(1, 2)])), []);
    assert.deepEqual(plain(intersectAll([])), []);
  });

  it('when lists are united, then every rowid appears once, in order, short or long lists alike', () => {
    assert.deepEqual(plain(union([list(1, 5), list(2, 5, 9), list()])), [1, 2, 5, 9]);
    assert.deepEqual(plain(union([list(100_000), list(3)])), [3, 100_000]);
    const a = randomSorted(1, 4000, 6000);
    const b = randomSorted(2, 4000, 6000);
    assert.deepEqual(
      plain(union([list(...a), list(...b)])),
      [...new Set([...a, ...b])].sort((x, y) => x - y),
    );
    assert.deepEqual(plain(union([])), []);
  });

  it('when the index hands rowids out of order or repeated, then the list is sorted without repeats', () => {
    assert.deepEqual(plain(sortedPostings([4, 2, 2, 9])), [2, 4, 9]);
    assert.deepEqual(plain(sortedPostings([1, 2, 3])), [1, 2, 3]);
  });

  it('when a query is evaluated, then each FTS5 term is read once, titles apart, and AND/OR combine them', () => {
    const index: Record<string, number[]> = {
      '"da"': [1, 2, 3, 5, 8],
      '"nang"': [2, 3, 5, 13],
      '"danang"': [21],
      '{title} : "da"': [2, 8],
      '{title} : "nang"': [2, 13],
    };
    const reads: string[] = [];
    const cache = new PostingsCache((fts) => {
      reads.push(fts);
      return index[fts] ?? [];
    }, 1000);
    const both = allOf([term('"da"'), term('"nang"')], [0, 1]);
    const query: Match = { op: 'or', of: [both, term('"danang"')] };
    assert.deepEqual(plain(cache.evaluate(query)), [2, 3, 5, 21]);
    assert.deepEqual(plain(cache.evaluate(inTitle(both))), [2]);
    assert.deepEqual(plain(cache.evaluate(query)), [2, 3, 5, 21]);
    assert.deepEqual(reads, ['"da"', '"nang"', '"danang"', '{title} : "da"', '{title} : "nang"']);
    assert.equal(matchKey(inTitle(both)), '({title} : "da" AND {title} : "nang")');
    // Emptied (as on every write to the index), the terms are read again.
    cache.clear();
    cache.evaluate(both);
    assert.equal(reads.length, 7);
  });

  it('when the kept rowids would exceed the bound, then the least recently used terms are let go', () => {
    const reads: string[] = [];
    const cache = new PostingsCache((fts) => {
      reads.push(fts);
      return [1, 2, 3];
    }, 6);
    cache.evaluate(term('"a"'));
    cache.evaluate(term('"b"'));
    cache.evaluate(term('"a"'));
    cache.evaluate(term('"c"')); // 9 rowids: "b", the least recently used, goes
    cache.evaluate(term('"a"'));
    cache.evaluate(term('"b"'));
    assert.deepEqual(reads, ['"a"', '"b"', '"c"', '"b"']);
  });

  it('when the best k are taken by score, then they come highest first, as a full sort would give', () => {
    const score = new Float64Array(200);
    const items: number[] = [];
    for (let r = 1; r < 200; r++) {
      score[r] = ((r * 37) % 101) * 1000 - r;
      items.push(r);
    }
    const bySort = topK(items, 15, (a, b) => score[b] - score[a]);
    assert.deepEqual(topByScore(items, 15, score), bySort);
    assert.deepEqual(
      topByScore(Int32Array.from(items), 500, score),
      topK(items, 500, (a, b) => score[b] - score[a]),
    );
    assert.deepEqual(topByScore(items, 0, score), []);
  });

  it('when docs are written after the newest-first order was read, then it is kept as a full rebuild gives it', () => {
    const doc = (rowid: number, day: number): StoredDoc => ({
      rowid,
      kind: 'offer',
      field: 'f',
      sub_field: null,
      trl: 5,
      province: 'ha_noi',
      modes: '',
      price: null,
      currency: null,
      published_at: new Date(Date.UTC(2026, 0, day)).toISOString(),
    });
    const kept = new DocColumns();
    for (let r = 1; r <= 20; r++) kept.set(doc(r, (r * 7) % 11));
    const all = Int32Array.from({ length: 40 }, (_, i) => i + 1);
    assert.equal(kept.firstNewest(all, 40).length, 20);
    // New docs, a doc published again later, a doc removed, a tie on the date.
    kept.set(doc(21, 30));
    kept.set(doc(22, 3));
    kept.set(doc(5, 31));
    kept.delete(8);
    kept.set(doc(23, 3));
    const rebuilt = new DocColumns();
    for (let r = 1; r <= 20; r++) rebuilt.set(doc(r, (r * 7) % 11));
    rebuilt.set(doc(21, 30));
    rebuilt.set(doc(22, 3));
    rebuilt.set(doc(5, 31));
    rebuilt.delete(8);
    rebuilt.set(doc(23, 3));
    assert.deepEqual(kept.firstNewest(all, 40), rebuilt.firstNewest(all, 40));
    assert.deepEqual(kept.firstNewest(all, 2), [5, 21]);
    assert.equal(kept.firstNewest(all, 40).includes(8), false);
    assert.ok(kept.compareNewest(21, 22) < 0);
  });
});
