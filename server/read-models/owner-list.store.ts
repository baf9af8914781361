/**
 * The one writer of owner lists. Each list is changed under its own lock (FerretDB does not
 * isolate updates, so two writers of one list would lose an entry) and kept in newest-first
 * order; a list keeps at most `MAX_ENTRIES` (a few lists more: `maxEntriesOf`), dropping the oldest.
 */
import { randomInt } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { batchedWriter } from '../common/batched-writer';
import { groupedCommand } from '../common/grouped-command';
import { groupedReplace } from '../common/grouped-replace';
import { withLock } from '../common/locks';
import { onCacheClear, onCacheInvalidation } from '../common/record-cache';
import { isSoleDatabaseUser } from '../common/sole-user';
import { recordWritten } from '../common/record-changes';
import {
  OwnerListModel,
  packOwnerList,
  unpackOwnerList,
  type OwnerListDoc,
  type OwnerListEntry,
} from './owner-list.model';
import {
  EMPTY_HEAD,
  foldIntoHead,
  headKeyOf,
  headSize,
  packOwnerListHead,
  unpackOwnerListHead,
  writesHeadOnly,
  type OwnerListHead,
  type OwnerListHeadDoc,
} from './owner-list-head';
import { newerFirst } from './owner-list-page';
import { OPEN_DEADLINES } from './owner-list-keys';

export const MAX_ENTRIES = 5_000;

/**
 * Lists whose reader needs every entry keep more: the deadline sweep's open auctions and calls
 * (the synthetic 100,000 listings hold 16,000; a full list would send the sweep back to filtering
 * every listing). Stored as a base and a head, a change of one still rewrites the head alone.
 */
const LONGER_LISTS: ReadonlyMap<string, number> = new Map([[OPEN_DEADLINES, 100_000]]);

/** How many entries the list keeps, dropping the oldest past it. */
export const maxEntriesOf = (key: string): number => LONGER_LISTS.get(key) ?? MAX_ENTRIES;

/**
 * Lists as last read or written here. A write drops the list in the other processes through
 * the cache relay (a 'owner-list' change); the time limit bounds a lost message.
 */
const cached = new LRUCache<string, OwnerListEntry[]>({ max: 20_000, ttl: 30_000 });
onCacheInvalidation((change) => {
  if (change.type === 'owner-list') forget(change.id);
});
/**
 * Lists as this process last stored them, kept while it is the database's only user (every list
 * is written here, under its lock): a write then changes the list it knows instead of reading it
 * back first, and a read past the cache is answered from it.
 */
const storedHere = new LRUCache<string, StoredList>({ max: 20_000 });

/**
 * A list as stored: its base, the base's generation when it has a head, that head, and the
 * entries they make together (merged once, when the parts are read or written).
 */
interface StoredList {
  base: OwnerListEntry[];
  gen?: number;
  head: OwnerListHead;
  entries: OwnerListEntry[];
}

function entriesOf(key: string, base: OwnerListEntry[], head: OwnerListHead): OwnerListEntry[] {
  return headSize(head) === 0 ? base : applyOwnerListChange(base, head.put, head.gone, maxEntriesOf(key));
}

onCacheClear(() => {
  cached.clear();
  storedHere.clear();
  for (const reads of readsInFlight.values()) for (const read of reads) read.stale = true;
});

/**
 * Reads of stored lists under way: a list written or dropped meanwhile makes them stale, and a
 * stale read is answered but not kept (a read begun before a write and ended after it would
 * otherwise keep the list as it was before the write).
 */
const readsInFlight = new Map<string, Set<{ stale: boolean }>>();

function forget(key: string): void {
  cached.delete(key);
  for (const read of readsInFlight.get(key) ?? []) read.stale = true;
}

export async function readOwnerList(key: string): Promise<OwnerListEntry[]> {
  const hit = cached.get(key);
  if (hit) return hit;
  // The database's only user knows what it last stored (while a write of the list is under way,
  // the list as it was: what a read of the database could still answer).
  const kept = isSoleDatabaseUser() ? storedHere.get(key) : undefined;
  if (kept) {
    if (!writing.has(key)) cached.set(key, kept.entries);
    return kept.entries;
  }
  const read = { stale: false };
  const reads = readsInFlight.get(key) ?? new Set();
  readsInFlight.set(key, reads.add(read));
  try {
    const parts = await readStoredPartsTogether(key);
    if (!read.stale && !writing.has(key)) {
      cached.set(key, parts.entries);
      // The list as stored, which the next write here then changes without reading it again.
      if (isSoleDatabaseUser()) storedHere.set(key, parts);
    }
    return parts.entries;
  } finally {
    reads.delete(read);
    if (reads.size === 0 && readsInFlight.get(key) === reads) readsInFlight.delete(key);
  }
}

/**
 * The list as stored now, past this process's cache (which another process's write reaches only
 * through the cache relay): for a decision taken under a lock that every writer of the listed
 * records holds (a meeting's acceptance reads the agendas so).
 */
export async function readStoredOwnerList(key: string): Promise<OwnerListEntry[]> {
  return (await readStoredParts(key)).entries;
}

/** The base, and for a long list its head, read together by `_id` in one command. */
async function readStoredParts(key: string): Promise<StoredList> {
  return (await readStoredPartsOf([key]))[0];
}

/**
 * The same for a reader, read with the lists asked for at the same moment (a sweep's batch of
 * deals reads 200 payment lists). A writer reads its list alone, never waiting on readers'.
 */
const readStoredPartsTogether = groupedCommand<string, StoredList>(readStoredPartsOf);

async function readStoredPartsOf(keys: string[]): Promise<StoredList[]> {
  const unique = [...new Set(keys)];
  const docs = (await OwnerListModel.collection
    .find({ _id: { $in: unique.flatMap((key) => [key, headKeyOf(key)]) } } as never)
    .toArray()) as unknown as (OwnerListDoc | OwnerListHeadDoc)[];
  const byId = new Map(docs.map((d) => [d._id, d]));
  const parts = new Map(
    unique.map((key) => [
      key,
      storedParts(
        key,
        (byId.get(key) ?? null) as OwnerListDoc | null,
        (byId.get(headKeyOf(key)) ?? null) as OwnerListHeadDoc | null,
      ),
    ]),
  );
  return keys.map((key) => parts.get(key)!);
}

function storedParts(key: string, doc: OwnerListDoc | null, headDoc: OwnerListHeadDoc | null): StoredList {
  const base = unpackOwnerList(doc);
  if (doc?.gen === undefined) return { base, head: EMPTY_HEAD, entries: base };
  const head = unpackOwnerListHead(headDoc, doc.gen);
  return { base, gen: doc.gen, head, entries: entriesOf(key, base, head) };
}

/**
 * A generation no base of this list had before (a head left from any earlier base, even one
 * stored before the list was shortened and grew again, must not count).
 */
function newGeneration(previous: number | undefined): number {
  for (;;) {
    const gen = randomInt(2 ** 47);
    if (gen !== previous) return gen;
  }
}

/**
 * Stores the list after a change: the head alone while the list is long and its head small;
 * otherwise the whole list as the base, of a new generation if long (which leaves any head
 * written before it ignored, so a stop between the two writes loses nothing).
 */
async function storeParts(key: string, stored: StoredList, next: StoredList): Promise<StoredList> {
  if (stored.gen !== undefined && writesHeadOnly(stored.base.length, next.head)) {
    await storeList({ _id: headKeyOf(key), ...packOwnerListHead(next.head, stored.gen) });
    return next;
  }
  const { entries } = next;
  const gen = writesHeadOnly(entries.length, EMPTY_HEAD) ? newGeneration(stored.gen) : undefined;
  await storeList({ _id: key, packed: packOwnerList(entries), ...(gen === undefined ? {} : { gen }) });
  return { base: entries, gen, head: EMPTY_HEAD, entries };
}

/**
 * Stores a list (under its lock). Lists written at the same moment (a bid's notice list beside
 * another bid's) are stored by one command.
 */
const storeList = groupedReplace(() => OwnerListModel.collection as never);

/** Lists being written by this process now: what a reader reads meanwhile is not kept. */
const writing = new Set<string>();

interface OwnerListChange {
  put: OwnerListEntry[];
  remove: string[];
}

const lists = batchedWriter<OwnerListChange>(async (key, changes) => {
  writing.add(key);
  forget(key);
  try {
    const written = await withLock(`ownerlist:${key}`, async () => {
      const sole = isSoleDatabaseUser();
      let stored = (sole && storedHere.get(key)) || (await readStoredParts(key));
      let head = stored.head;
      for (const change of changes) head = foldIntoHead(head, change.put, change.remove);
      const next = entriesOf(key, stored.base, head);
      const changed = !sameEntries(stored.entries, next);
      if (changed) {
        // Until it is stored, readers are answered the list as it was; a write that failed may
        // or may not have landed, so the list is read back next time.
        stored = await storeParts(key, stored, { ...stored, head, entries: next }).catch((err: unknown) => {
          storedHere.delete(key);
          throw err;
        });
      }
      if (sole) storedHere.set(key, stored);
      if (changed) await recordWritten({ type: 'owner-list', id: key });
      return next;
    });
    forget(key);
    cached.set(key, written);
  } catch (err) {
    cached.delete(key);
    throw err;
  } finally {
    writing.delete(key);
  }
});

/**
 * Puts entries in (replacing those with the same ids) and takes `remove` ids out; resolves once
 * the change is stored. Changes to one list that arrive while it is being written are applied
 * together by the next write, under one lock.
 */
export function changeOwnerList(key: string, put: OwnerListEntry[], remove: string[] = []): Promise<void> {
  return lists.write(key, { put, remove });
}

/** Replaces whole lists at once (a rebuild from the records themselves). */
export async function replaceOwnerLists(lists: Map<string, OwnerListEntry[]>): Promise<void> {
  for (const [key, entries] of lists) {
    await withLock(`ownerlist:${key}`, async () => {
      storedHere.delete(key);
      // A whole list is stored without a generation: a head left from before is ignored.
      await OwnerListModel.collection.replaceOne(
        { _id: key } as never,
        { packed: packOwnerList(applyOwnerListChange([], entries, [], maxEntriesOf(key))) } as never,
        { upsert: true },
      );
    });
    forget(key);
  }
}

/** Deletes one list (here and, through the cache relay, in the other processes' caches). */
export async function dropOwnerList(key: string): Promise<void> {
  await withLock(`ownerlist:${key}`, async () => {
    storedHere.delete(key);
    await OwnerListModel.collection.deleteMany({ _id: { $in: [key, headKeyOf(key)] } } as never);
  });
  forget(key);
  await recordWritten({ type: 'owner-list', id: key });
}

export async function clearOwnerLists(): Promise<void> {
  storedHere.clear();
  await OwnerListModel.collection.deleteMany({});
  storedHere.clear();
  cached.clear();
  for (const reads of readsInFlight.values()) for (const read of reads) read.stale = true;
}

/**
 * The pure rule: newest first, one entry per id, at most `max`. A stored list is already
 * in order, so the entries put are sorted among themselves and merged into it in one pass (a
 * list of thousands is not sorted again for each entry that changes).
 */
export function applyOwnerListChange(
  current: OwnerListEntry[],
  put: OwnerListEntry[],
  remove: string[],
  max = MAX_ENTRIES,
): OwnerListEntry[] {
  const gone = new Set(remove);
  for (const e of put) gone.add(e.id);
  const kept: OwnerListEntry[] = [];
  let inOrder = true;
  for (const e of current) {
    if (gone.has(e.id)) continue;
    if (inOrder && kept.length > 0 && newerFirst(kept[kept.length - 1], e) > 0) inOrder = false;
    kept.push(e);
  }
  const added = [...put].sort(newerFirst);
  const next = inOrder ? mergeInOrder(kept, added) : [...kept, ...added].sort(newerFirst);
  return next.length > max ? next.slice(0, max) : next;
}

/** Two lists each newest first, as one; on a tie the first list's entry comes first, as a stable sort's. */
function mergeInOrder(a: OwnerListEntry[], b: OwnerListEntry[]): OwnerListEntry[] {
  if (b.length === 0) return a;
  const merged: OwnerListEntry[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) merged[k++] = newerFirst(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) merged[k++] = a[i++];
  while (j < b.length) merged[k++] = b[j++];
  return merged;
}

function sameEntries(a: OwnerListEntry[], b: OwnerListEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.id === b[i].id && e.s === b[i].s && e.at === b[i].at);
}

/** Runs `fn` as the one process rebuilding the lists (another rebuild is waited for). */
export function holdOwnerListsRebuild<T>(fn: () => Promise<T>): Promise<T> {
  return withLock('ownerlists:rebuild', fn, { ttlMs: 30 * 60_000, waitMs: 30 * 60_000 });
}
