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

interface PendingChange {
  put: OwnerListEntry[];
  remove: string[];
  done: () => void;
  failed: (err: unknown) => void;
}

/** Changes waiting for a list's writer in this process, by list key. */
const pending = new Map<string, PendingChange[]>();

/**
 * Puts entries in (replacing those with the same ids) and takes `remove` ids out; resolves once
 * the change is stored. Changes to one list that arrive while it is being written are applied
 * together by the next write, under one lock: many writers of one list (an organisation's deals
 * changing at once) wait for one or two writes, not for each other's locks in turn.
 */
export function changeOwnerList(key: string, put: OwnerListEntry[], remove: string[] = []): Promise<void> {
  return new Promise((done, failed) => {
    const queue = pending.get(key);
    if (queue) return void queue.push({ put, remove, done, failed });
    pending.set(key, [{ put, remove, done, failed }]);
    void writeOwnerList(key);
  });
}

async function writeOwnerList(key: string): Promise<void> {
  for (;;) {
    const batch = pending.get(key) ?? [];
    if (batch.length === 0) {
      pending.delete(key);
      return;
    }
    pending.set(key, []);
    try {
      await withLock(`ownerlist:${key}`, async () => {
        const current = await readOwnerList(key);
        let next = current;
        for (const change of batch) next = applyOwnerListChange(next, change.put, change.remove);
        if (sameEntries(current, next)) return;
        await OwnerListModel.collection.replaceOne({ _id: key } as never, { entries: next } as never, {
          upsert: true,
        });
      });
      for (const change of batch) change.done();
    } catch (err) {
      for (const change of batch) change.failed(err);
    }
  }
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
