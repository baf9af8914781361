/**
 * The one writer of the statistics' rollups. FerretDB does not isolate updates (an `$inc` from
 * two writers loses one), so each month's document is changed under its own lock by a
 * read-add-replace (one batched writer per month). A rebuild replaces every month at once.
 * The price guidance's buckets (`price:<field>:<currency>`, the agreed deals' entries) live in
 * the same collection, written the same way, and are rebuilt with the months.
 */
import { LRUCache } from 'lru-cache';
import { batchedWriter } from '../common/batched-writer';
import { withLock } from '../common/locks';
import { onCacheClear } from '../common/record-cache';
import { isSoleDatabaseUser } from '../common/sole-user';
import { applyDeltas, type RollupDoc } from './stats-rules';
import { withEntry, type PriceEntry } from './price-guidance-rules';
import { StatsMarkModel, StatsRollupModel } from './stats-rollup.model';

/**
 * Months as last read or written here (a month nobody wrote is cached empty). Writes made here
 * replace their month at once; another process's writes show after at most `ROLLUP_CACHE_MS`,
 * which bounds how stale an operator's figures can be with several processes.
 */
export const ROLLUP_CACHE_MS = 10_000;
const cached = new LRUCache<string, RollupDoc & Partial<LayoutMark>>({ max: 2_000, ttl: ROLLUP_CACHE_MS });
let generation = 0;
onCacheClear(() => {
  cached.clear();
  knownMarks.clear();
  generation++;
});

/**
 * Marks this process made or found made: a mark is never taken back (a rebuild makes it again
 * from the bids), so a listing's later bids cost no failed insert.
 */
const knownMarks = new LRUCache<string, true>({ max: 100_000 });

/** Changes whenever a rollup this process holds changes here: answers computed from them are keyed by it. */
export const rollupGeneration = () => generation;

/** Raise when the rollups' metrics change: rollups of an older layout are rebuilt. */
export const ROLLUP_LAYOUT = 6;
export const LAYOUT_ID = '__layout';

export interface LayoutMark {
  v: number;
  /** The earliest month holding anything when the rollups were built. */
  earliest: string;
}

const collection = () => StatsRollupModel.collection;

/**
 * A month's rollup as stored: every section it holds (the later ones only once something was
 * counted in them), packed as JSON in one string. FerretDB decodes, re-encodes and (for its `_id`
 * index) parses a stored document element by element on every write, and a month's hundreds of
 * counters were a third of a confirmed payment's cost to it at 10,000 listings (`sjson.Marshal`, a
 * sixth of its CPU); one string is written as one element.
 */
function stored(doc: RollupDoc): { packed: string } {
  const sections = {
    c: doc.c ?? {},
    b: doc.b ?? {},
    h: doc.h ?? {},
    ...(doc.o ? { o: doc.o } : {}),
    ...(doc.s ? { s: doc.s } : {}),
    ...(doc.m ? { m: doc.m } : {}),
  };
  return { packed: JSON.stringify(sections) };
}

/** A rollup as read: a month's sections unpacked (the layout mark has none). */
function unpacked<D extends { _id: string; packed?: unknown }>(raw: D): Omit<D, 'packed'> {
  if (typeof raw.packed !== 'string') return raw;
  const { packed, ...rest } = raw;
  return { ...rest, ...(JSON.parse(packed) as object) };
}

/**
 * The rollup as stored: while this process is the database's only user, what it last read or
 * wrote of it is what is stored (this store alone writes rollups), so it is not read again.
 */
async function storedMonth(month: string): Promise<RollupDoc> {
  const kept = isSoleDatabaseUser() ? cached.get(month) : undefined;
  if (kept) return kept;
  const raw = (await collection().findOne({ _id: month } as never)) as
    (RollupDoc & { packed?: string }) | null;
  return raw ? unpacked(raw) : { _id: month };
}

const months = batchedWriter<[string, number][]>((month, changes) =>
  withLock(`statsrollup:${month}`, async () => {
    const current = await storedMonth(month);
    const next = applyDeltas(current, changes.flat());
    await collection().replaceOne({ _id: month } as never, stored(next) as never, { upsert: true });
    cached.set(month, next);
    generation++;
  }),
);

/**
 * Adds `deltas` (all of `month`) to that month's rollup; resolves once stored. Changes to one
 * month that arrive while it is being written are applied together by the next write.
 */
export function addToMonth(month: string, deltas: [string, number][]): Promise<void> {
  return months.write(month, deltas);
}

/** The rollups of `months` and the layout mark, by `_id`. */
export async function readRollups(
  months: string[],
): Promise<{ docs: RollupDoc[]; layout: LayoutMark | null }> {
  const ids = [...months, LAYOUT_ID];
  const missing = ids.filter((id) => !cached.has(id));
  // A write that lands while this reads makes what was read stale: it is answered, not kept.
  const readAt = generation;
  const fresh = new Map<string, RollupDoc & Partial<LayoutMark>>();
  if (missing.length > 0) {
    const found = (
      (await collection()
        .find({ _id: { $in: missing } } as never)
        .toArray()) as unknown as (RollupDoc & Partial<LayoutMark> & { packed?: string })[]
    ).map(unpacked);
    const byId = new Map(found.map((d) => [d._id, d]));
    // No layout mark yet: not cached, so that the rebuild's mark is seen at once.
    const read = new Map<string, RollupDoc & Partial<LayoutMark>>();
    for (const id of missing) if (byId.has(id) || id !== LAYOUT_ID) read.set(id, byId.get(id) ?? { _id: id });
    if (generation === readAt) for (const [id, doc] of read) cached.set(id, doc);
    else for (const [id, doc] of read) if (!cached.has(id)) fresh.set(id, doc);
  }
  const docs = ids
    .map((id) => cached.get(id) ?? fresh.get(id))
    .filter((d): d is RollupDoc & Partial<LayoutMark> => !!d);
  const mark = docs.find((d) => d._id === LAYOUT_ID);
  return {
    docs: docs.filter((d) => d._id !== LAYOUT_ID),
    layout: mark && mark.v !== undefined ? { v: mark.v, earliest: mark.earliest ?? '' } : null,
  };
}

/** A price guidance bucket: the entries of the agreed deals of one field and currency. */
export interface PriceBucket {
  _id: string;
  e: PriceEntry[];
}

const priceBuckets = new LRUCache<string, PriceBucket>({ max: 2_000, ttl: ROLLUP_CACHE_MS });
/** Counts the buckets' writes here, so that a read overtaken by one is not kept. */
let pricesWritten = 0;
onCacheClear(() => {
  priceBuckets.clear();
  pricesWritten++;
});

const prices = batchedWriter<[string, PriceEntry | null]>((bucket, changes) =>
  withLock(`statsrollup:${bucket}`, async () => {
    const current =
      (isSoleDatabaseUser() ? priceBuckets.get(bucket) : undefined) ??
      ((await collection().findOne({ _id: bucket } as never)) as PriceBucket | null);
    const entries = changes.reduce((e, [dealId, entry]) => withEntry(e, dealId, entry), current?.e ?? []);
    await collection().replaceOne({ _id: bucket } as never, { e: entries } as never, { upsert: true });
    priceBuckets.set(bucket, { _id: bucket, e: entries });
    pricesWritten++;
  }),
);

/** Puts the deal's entry in the bucket (or takes it out with null); resolves once stored. */
export function setPriceEntry(bucket: string, dealId: string, entry: PriceEntry | null): Promise<void> {
  return prices.write(bucket, [dealId, entry]);
}

/** The bucket's entries, by `_id` (none when no agreed deal is in it). */
export async function readPriceBucket(bucket: string): Promise<PriceEntry[]> {
  const hit = priceBuckets.get(bucket);
  if (hit) return hit.e;
  const readAt = pricesWritten;
  const found = (await collection().findOne({ _id: bucket } as never)) as PriceBucket | null;
  const doc = { _id: bucket, e: found?.e ?? [] };
  // A write that landed while this read is not undone by keeping what was read before it.
  if (pricesWritten === readAt) priceBuckets.set(bucket, doc);
  return doc.e;
}

/** Replaces every rollup, price bucket and mark (a rebuild from the records); the layout mark last. */
export async function replaceRollups(
  docs: RollupDoc[],
  bidMarks: string[],
  earliest: string,
  buckets: PriceBucket[] = [],
): Promise<void> {
  cached.clear();
  priceBuckets.clear();
  pricesWritten++;
  knownMarks.clear();
  generation++;
  await collection().deleteMany({});
  if (docs.length > 0)
    await collection().insertMany(docs.map((d) => ({ _id: d._id, ...stored(d) })) as never[]);
  if (buckets.length > 0) await collection().insertMany(buckets as never[]);
  await StatsMarkModel.collection.deleteMany({});
  for (let i = 0; i < bidMarks.length; i += 1000) {
    const at = new Date();
    await StatsMarkModel.collection.insertMany(
      bidMarks.slice(i, i + 1000).map((id) => ({ _id: id, at })) as never[],
      {
        ordered: false,
      },
    );
  }
  await collection().replaceOne({ _id: LAYOUT_ID } as never, { v: ROLLUP_LAYOUT, earliest } as never, {
    upsert: true,
  });
  cached.clear();
  priceBuckets.clear();
  pricesWritten++;
  generation++;
}

/** Forgets the layout mark: the next `ensureStatsRollups` rebuilds (records were written past the stores). */
export async function markRollupsStale(): Promise<void> {
  await collection().deleteOne({ _id: LAYOUT_ID } as never);
  cached.delete(LAYOUT_ID);
  generation++;
}

/** Marks `key` (a listing's first bid); true when this call made the mark. */
export async function markOnce(key: string): Promise<boolean> {
  if (knownMarks.has(key)) return false;
  try {
    await StatsMarkModel.collection.insertOne({ _id: key, at: new Date() } as never);
    knownMarks.set(key, true);
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) {
      knownMarks.set(key, true);
      return false;
    }
    throw err;
  }
}

/** One rebuild at a time, across processes. */
export function holdRollupRebuild<T>(fn: () => Promise<T>): Promise<T> {
  return withLock('statsrollup:rebuild', fn, { ttlMs: 30 * 60_000, waitMs: 30 * 60_000 });
}
