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
  // One stored list is already in order, one entry per id (applyOwnerListChange): no sort needed.
  if (lists.length === 1) {
    const matching = wanted === undefined ? lists[0] : lists[0].filter((e) => keep(e.s));
    return { ids: matching.slice(start, start + opts.limit).map((e) => e.id), total: matching.length };
  }
  const byId = new Map<string, OwnerListEntry>();
  for (const entries of lists) {
    for (const e of entries) {
      const seen = byId.get(e.id);
      if (!seen || seen.at < e.at) byId.set(e.id, e);
    }
  }
  const matching = [...byId.values()]
    .filter((e) => keep(e.s))
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { ids: matching.slice(start, start + opts.limit).map((e) => e.id), total: matching.length };
}
