/**
 * The first `k` items of `items` in `compare` order, without sorting everything: a sorted
 * buffer of the best k seen so far, which later items rarely enter.
 */
export function topK<T>(items: ArrayLike<T>, k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k * 4 >= items.length) return Array.from(items).sort(compare).slice(0, k);
  const best: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (best.length === k && compare(item, best[k - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(best[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * The `k` of `items` with the highest `score` (indexed by item), highest first; scores must
 * differ. The same as topK with a numeric comparison, without a comparator call per item.
 */
export function topByScore(items: ArrayLike<number>, k: number, score: Float64Array): number[] {
  const best: number[] = [];
  if (k <= 0) return best;
  let floor = -Infinity;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const s = score[item];
    if (best.length === k && s <= floor) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (score[best[mid]] >= s) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    if (best.length > k) best.pop();
    if (best.length === k) floor = score[best[k - 1]];
  }
  return best;
}
