/**
 * The one writer of owner lists. Each list is changed under its own lock (FerretDB does not
 * isolate updates, so two writers of one list would lose an entry) and kept in newest-first
 * order; a list keeps at most `MAX_ENTRIES`, dropping the oldest.
 */
import { withLock } from '../common/locks';
import { OwnerListModel, type OwnerListDoc, type OwnerListEntry } from './owner-list.model';

export const MAX_ENTRIES = 5_000;

export async function readOwnerList(key: string): Promise<OwnerListEntry[]> {
  const doc = await OwnerListModel.collection.findOne({ _id: key } as never);
  return ((doc as unknown as OwnerListDoc | null)?.entries ?? []) as OwnerListEntry[];
}

/** Puts entries in (replacing those with the same ids) and takes `remove` ids out. */
export async function changeOwnerList(
  key: string,
  put: OwnerListEntry[],
  remove: string[] = [],
): Promise<void> {
  await withLock(`ownerlist:${key}`, async () => {
    const current = await readOwnerList(key);
    const next = applyOwnerListChange(current, put, remove);
    if (sameEntries(current, next)) return;
    await OwnerListModel.collection.replaceOne({ _id: key } as never, { entries: next } as never, {
      upsert: true,
    });
  });
}

/** Replaces whole lists at once (a rebuild from the records themselves). */
export async function replaceOwnerLists(lists: Map<string, OwnerListEntry[]>): Promise<void> {
  for (const [key, entries] of lists) {
    await withLock(`ownerlist:${key}`, () =>
      OwnerListModel.collection.replaceOne(
        { _id: key } as never,
        { entries: applyOwnerListChange([], entries, []) } as never,
        { upsert: true },
      ),
    );
  }
}

export async function clearOwnerLists(): Promise<void> {
  await OwnerListModel.collection.deleteMany({});
}

/** The pure rule: newest first, one entry per id, at most MAX_ENTRIES. */
export function applyOwnerListChange(
  current: OwnerListEntry[],
  put: OwnerListEntry[],
  remove: string[],
): OwnerListEntry[] {
  const gone = new Set([...remove, ...put.map((e) => e.id)]);
  const next = [...current.filter((e) => !gone.has(e.id)), ...put];
  next.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return next.slice(0, MAX_ENTRIES);
}

function sameEntries(a: OwnerListEntry[], b: OwnerListEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.id === b[i].id && e.s === b[i].s && e.at === b[i].at);
}
