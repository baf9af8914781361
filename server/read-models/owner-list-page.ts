/** One page of the records of one or several owner lists: the pure rule of the list pages. */
import type { OwnerListEntry } from './owner-list.model';

export interface OwnerListPage {
  ids: string[];
  total: number;
}

export function ownerListPage(
  lists: OwnerListEntry[][],
  opts: { status?: string | ((s: string) => boolean); page: number; limit: number },
): OwnerListPage {
  const wanted = opts.status;
  const keep =
    wanted === undefined ? () => true : typeof wanted === 'function' ? wanted : (s: string) => s === wanted;
  const start = (opts.page - 1) * opts.limit;
  // Stored lists are already in order, one entry per id (applyOwnerListChange): merged, never sorted.
  const merged = mergeNewestFirst(lists.filter((l) => l.length > 0));
  const matching = wanted === undefined ? merged : merged.filter((e) => keep(e.s));
  return { ids: matching.slice(start, start + opts.limit).map((e) => e.id), total: matching.length };
}

/** The order every owner list is kept in: newest first, then by id (descending). */
export const newerFirst = (a: OwnerListEntry, b: OwnerListEntry) =>
  b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Merges lists that are each newest first (as stored) without sorting them again: one pass with
 * a cursor per list. A record in two lists (a deal of my organisation that I also broker) is
 * kept once, at its newest place, as the earlier entry wins.
 */
export function mergeNewestFirst(lists: OwnerListEntry[][]): OwnerListEntry[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0];
  const cursors = lists.map(() => 0);
  const seen = new Set<string>();
  const merged: OwnerListEntry[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const e = lists[i][cursors[i]];
      if (e && (best === -1 || newerFirst(e, lists[best][cursors[best]]) < 0)) best = i;
    }
    if (best === -1) return merged;
    const e = lists[best][cursors[best]++];
    if (!seen.has(e.id)) {
      seen.add(e.id);
      merged.push(e);
    }
  }
}
