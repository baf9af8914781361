/**
 * Caches of hot read views, kept per process and dropped by the stores' writes
 * (record-changes.ts) — across processes too, through the invalidation relay when Redis is
 * configured. A time limit bounds what a missed invalidation could cost. Write paths never read
 * through a cache: they load the record from the database under its lock.
 */
import { LRUCache } from 'lru-cache';
import { onRecordWritten, type RecordChange, type RecordType } from './record-changes';

export interface RecordCacheOptions<V extends object = object> {
  name: string;
  /** Writes of these record types drop the entry with the written record's id. */
  types: RecordType[];
  max: number;
  ttlMs: number;
  /** Drop everything on any write of these types (views that depend on many records). */
  clearOn?: RecordType[];
  /**
   * The entry a written record becomes: a write in this process that tells the whole record
   * after it (the stores' `mutate` and `create` do) replaces the entry instead of only dropping
   * it, so the next reader of a busy record does not go to the database. Writes relayed from
   * other processes still only drop it; an undefined entry only drops it too.
   */
  fromRecord?: (after: Record<string, unknown>) => V | undefined;
}

export interface RecordCache<V extends object> {
  readonly name: string;
  /** The cached value, or `load(id)` stored for the next reader; a null answer is not cached. */
  get(id: string, load: (id: string) => Promise<V | null>): Promise<V | null>;
  /** Several ids at once: the missing ones loaded together by `loadMany`. */
  getMany(ids: string[], loadMany: (ids: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>>;
  /** The value held for `id`, without loading it. */
  peek(id: string): V | undefined;
  /** A mark taken before reading a record, for `setIfUnchanged`. */
  mark(): number;
  /** Stores what was read after `mark`, unless the record was written (or the cache emptied) since. */
  setIfUnchanged(id: string, value: V, mark: number): void;
  drop(id: string): void;
  clear(): void;
}

const caches = new Set<RecordCache<object>>();

export function createRecordCache<V extends object>(opts: RecordCacheOptions<V>): RecordCache<V> {
  // Each entry remembers when it was stored: emptying the cache only moves `lastClear` on (a
  // cache emptied by every write of a busy record type must not walk its whole table each time).
  const lru = new LRUCache<string, { value: V; at: number }>({ max: opts.max, ttl: opts.ttlMs });
  // A load that started before a write must not store what it read before that write.
  let generation = 0;
  let lastClear = 0;
  const dropped = new Map<string, number>();
  const current = (id: string): V | undefined => {
    const entry = lru.get(id);
    return entry && entry.at >= lastClear ? entry.value : undefined;
  };
  const store = (id: string, value: V) => lru.set(id, { value, at: generation });

  const cache: RecordCache<V> = {
    name: opts.name,
    async get(id, load) {
      const hit = current(id);
      if (hit) return hit;
      const started = generation;
      const value = await load(id);
      if (value) cache.setIfUnchanged(id, value, started);
      return value;
    },
    async getMany(ids, loadMany) {
      const found = new Map<string, V>();
      const missing: string[] = [];
      for (const id of new Set(ids)) {
        const hit = current(id);
        if (hit) found.set(id, hit);
        else missing.push(id);
      }
      if (missing.length > 0) {
        const started = generation;
        const loaded = await loadMany(missing);
        for (const [id, value] of loaded) {
          found.set(id, value);
          cache.setIfUnchanged(id, value, started);
        }
      }
      return found;
    },
    peek: (id) => current(id),
    mark: () => generation,
    setIfUnchanged(id, value, mark) {
      if (lastClear > mark || (dropped.get(id) ?? 0) > mark) return;
      store(id, value);
    },
    drop(id) {
      generation++;
      dropped.set(id, generation);
      // Forgetting the drops makes reads from before now unjudgeable: they count as changed.
      if (dropped.size > 10_000) {
        dropped.clear();
        lastClear = generation;
      }
      lru.delete(id);
    },
    clear() {
      generation++;
      lastClear = generation;
      dropped.clear();
    },
  };

  invalidators.add((change) => {
    if (opts.clearOn?.includes(change.type)) cache.clear();
    else if (opts.types.includes(change.type)) {
      cache.drop(change.id);
      // Set after the drop: a load that began before this write still finds it changed and stores nothing.
      const value = opts.fromRecord && change.after ? opts.fromRecord(change.after) : undefined;
      if (value) store(change.id, value);
    }
  });
  caches.add(cache as RecordCache<object>);
  return cache;
}

type Invalidator = (change: Pick<RecordChange, 'type' | 'id' | 'after'>) => void;
const invalidators = new Set<Invalidator>();

/** For caches of other shapes (the session store's): told of every local and relayed write. */
export function onCacheInvalidation(invalidate: Invalidator): () => void {
  invalidators.add(invalidate);
  return () => invalidators.delete(invalidate);
}

/** Drops what a write made stale, in this process: the stores' writes here, or the relay's from elsewhere. */
export function invalidateRecordCaches(change: Pick<RecordChange, 'type' | 'id' | 'after'>): void {
  for (const invalidate of invalidators) invalidate(change);
}

onRecordWritten((change) => invalidateRecordCaches(change));

/** Every cache of the process: for the invalidation relay, and for tests that write the database directly. */
export function allRecordCaches(): RecordCache<object>[] {
  return [...caches];
}

const clearers = new Set<() => void>();

/** For caches of other shapes: emptied with the rest (a relay reconnect, a test's fresh database). */
export function onCacheClear(clear: () => void): () => void {
  clearers.add(clear);
  return () => clearers.delete(clear);
}

export function clearRecordCaches(): void {
  for (const clear of clearers) clear();
  for (const cache of caches) cache.clear();
}

/**
 * One value read or derived from whole (small) collections — every assessment, every expert —
 * kept until a record of `clearOn` is written here or, through the relay, elsewhere; `ttlMs`
 * bounds a lost invalidation. Readers share the one load under way.
 */
export function cachedWhole<V>(opts: {
  name: string;
  clearOn: RecordType[];
  load: () => Promise<V>;
  ttlMs?: number;
}): () => Promise<V> {
  const cache = createRecordCache<{ value: V }>({
    name: opts.name,
    types: [],
    clearOn: opts.clearOn,
    max: 1,
    ttlMs: opts.ttlMs ?? 60_000,
  });
  return async () => (await cache.get('whole', async () => ({ value: await opts.load() })))!.value;
}
