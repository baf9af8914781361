/**
 * The one writer of owner lists. Each list is changed under its own lock (FerretDB does not
 * isolate updates, so two writers of one list would lose an entry) and kept in newest-first
 * order; a list keeps at most `MAX_ENTRIES`, dropping the oldest.
 */
import { LRUCache } from 'lru-cache';
import { withLock } from '../common/locks';
import { onCacheClear, onCacheInvalidation } from '../common/record-cache';
import { recordWritten } from '../common/record-changes';
import { OwnerListModel, type OwnerListDoc, type OwnerListEntry } from './owner-list.model';

export const MAX_ENTRIES = 5_000;

/**
 * Lists as last read or written here. A write drops the list in the other processes through
 * the cache relay (a 'owner-list' change); the time limit bounds a lost message.
 */
const cached = new LRUCache<string, OwnerListEntry[]>({ max: 20_000, ttl: 30_000 });
onCacheInvalidation((change) => {
  if (change.type === 'owner-list') cached.delete(change.id);
});
onCacheClear(() => cached.clear());

export async function readOwnerList(key: string): Promise<OwnerListEntry[]> {
  const hit = cached.get(key);
  if (hit) return hit;
  const entries = await readStoredOwnerList(key);
  if (!writing.has(key)) cached.set(key, entries);
  return entries;
}

async function readStoredOwnerList(key: string): Promise<OwnerListEntry[]> {
  const doc = await OwnerListModel.collection.findOne({ _id: key } as never);
  return ((doc as unknown as OwnerListDoc | null)?.entries ?? []) as OwnerListEntry[];
}

/** Lists being written by this process now: what a reader reads meanwhile is not kept. */
const writing = new Set<string>();

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
    writing.add(key);
    cached.delete(key);
    try {
      const written = await withLock(`ownerlist:${key}`, async () => {
        const current = await readStoredOwnerList(key);
        let next = current;
        for (const change of batch) next = applyOwnerListChange(next, change.put, change.remove);
        if (sameEntries(current, next)) return current;
        await OwnerListModel.collection.replaceOne({ _id: key } as never, { entries: next } as never, {
          upsert: true,
        });
        await recordWritten({ type: 'owner-list', id: key });
        return next;
      });
      cached.set(key, written);
      for (const change of batch) change.done();
    } catch (err) {
      cached.delete(key);
      for (const change of batch) change.failed(err);
    } finally {
      writing.delete(key);
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
    cached.delete(key);
  }
}

export async function clearOwnerLists(): Promise<void> {
  await OwnerListModel.collection.deleteMany({});
  cached.clear();
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
