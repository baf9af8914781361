/**
 * Brings the search index in line with the database. The database is the record: a listing
 * whose `searchDirty` mark is set has a change the index may not hold yet. Indexing reads the
 * listing, puts it in the index (published) or takes it out (anything else), then clears the
 * mark only if the listing still has the revision it read, so a change made meanwhile stays
 * marked and is picked up by the next pass.
 */
import type { ListingKind } from '../api-contract/enums';
import type { SearchEngine } from '../../search';
import {
  LISTING_KINDS_STORED,
  clearSearchMark,
  findListingDoc,
  listingModel,
  roughListingCount,
  toSearchDoc,
  type ListingDoc,
} from '../listings';
import { isObjectId } from '../common/ids';
import { logger } from '../common/logger';
import { bumpSearchGeneration, searchGeneration } from './search-state.store';
import { reindexImportedListings } from '../federation';

export interface SearchSyncContext {
  search: SearchEngine;
}

export interface ListingRef {
  kind: ListingKind;
  id: string;
}

const BATCH = 500;
const GENERATION_META = 'dbGeneration';

/** Indexes the given listings now (the prompt path, after an event). Returns how many it handled. */
export async function syncListings(ctx: SearchSyncContext, refs: ListingRef[]): Promise<number> {
  for (const kind of LISTING_KINDS_STORED) {
    const ids = [...new Set(refs.filter((r) => r.kind === kind && isObjectId(r.id)).map((r) => r.id))];
    if (ids.length === 0) continue;
    const docs = (await Promise.all(ids.map((id) => findListingDoc(kind, id)))).filter(
      (d): d is ListingDoc => !!d,
    );
    const found = new Set(docs.map((d) => String(d._id)));
    const gone = ids.filter((id) => !found.has(id));
    if (gone.length > 0) await ctx.search.remove(gone);
    await indexAndClear(ctx, kind, docs);
  }
  return refs.length;
}

/**
 * Puts one written listing in the index (or takes it out) at once, leaving its dirty mark for
 * the sync worker, which indexes it again and clears the mark: the prompt path may fail or be
 * cut short, the mark may not.
 */
export async function indexListingNow(
  ctx: SearchSyncContext,
  kind: ListingKind,
  doc: ListingDoc | null,
  id: string,
) {
  if (doc?.status === 'published') await ctx.search.upsert([toSearchDoc(kind, doc)]);
  else await ctx.search.remove([id]);
}

/** One pass over every listing marked dirty (catching up after a crash, or changes made elsewhere). */
export async function syncSearchIndex(ctx: SearchSyncContext): Promise<number> {
  let handled = 0;
  for (const kind of LISTING_KINDS_STORED) {
    const cursor = listingModel(kind)
      .find({ searchDirty: true })
      .lean<ListingDoc[]>()
      .cursor({ batchSize: BATCH });
    handled += await inBatches(cursor, (docs) => indexAndClear(ctx, kind, docs));
  }
  return handled;
}

/**
 * Rebuilds the whole index from the database: `npm run reindex`, and at start-up when the index
 * is missing, damaged, of an older layout or of an older database generation.
 */
export async function rebuildSearchIndex(
  ctx: SearchSyncContext,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const generation = await databaseGeneration();
  const counts = await Promise.all(LISTING_KINDS_STORED.map(roughListingCount));
  const total = counts.reduce((a, b) => a + b, 0);
  await ctx.search.clear();
  let done = 0;
  onProgress?.(0, total);
  // Offers and demands are read side by side: the database decodes each collection on its own
  // connection (FerretDB decodes every document it reads, so two cursors use two cores).
  await Promise.all(
    LISTING_KINDS_STORED.map((kind) => {
      // Whole documents: FerretDB reads them whole anyway and projecting only costs it more.
      const cursor = listingModel(kind).find({}).lean<ListingDoc[]>().cursor({ batchSize: BATCH });
      return inBatches(cursor, async (docs) => {
        const refused = await upsertListings(
          ctx,
          kind,
          docs.filter((d) => d.status === 'published'),
        );
        await clearDirtyMarks(
          kind,
          docs.filter((d) => !refused.has(d)),
        );
        done += docs.length;
        onProgress?.(done, Math.max(total, done));
      });
    }),
  );
  // Listings imported from partner exchanges live beside the offers and demands.
  done += await reindexImportedListings(ctx);
  await ctx.search.setMeta(GENERATION_META, String(generation));
  return done;
}

/** Asks every index built from this database to rebuild (after a bulk load that set no dirty marks). */
export async function requestSearchRebuild(): Promise<number> {
  return bumpSearchGeneration();
}

/** False when the database asked for a rebuild since the index was built. */
export async function searchIndexIsCurrent(ctx: SearchSyncContext): Promise<boolean> {
  const [indexed, current] = await Promise.all([ctx.search.getMeta(GENERATION_META), databaseGeneration()]);
  return Number(indexed ?? 0) === current;
}

async function databaseGeneration(): Promise<number> {
  return searchGeneration();
}

async function indexAndClear(ctx: SearchSyncContext, kind: ListingKind, docs: ListingDoc[]): Promise<void> {
  const published = docs.filter((d) => d.status === 'published');
  const unpublished = docs.filter((d) => d.status !== 'published');
  const refused = await upsertListings(ctx, kind, published);
  if (unpublished.length > 0) await ctx.search.remove(unpublished.map((d) => String(d._id)));
  await clearDirtyMarks(
    kind,
    docs.filter((d) => !refused.has(d)),
  );
}

/**
 * Puts published listings in the index. When the engine refuses a batch, each listing is tried
 * alone so that one bad listing cannot hold back the others; it keeps its mark (and is tried
 * again on the next pass). Throws when the engine refuses every listing (it is down).
 */
async function upsertListings(
  ctx: SearchSyncContext,
  kind: ListingKind,
  docs: ListingDoc[],
): Promise<Set<ListingDoc>> {
  const refused = new Set<ListingDoc>();
  if (docs.length === 0) return refused;
  try {
    await ctx.search.upsert(docs.map((d) => toSearchDoc(kind, d)));
    return refused;
  } catch (err) {
    if (docs.length === 1) throw err;
    for (const doc of docs) {
      try {
        await ctx.search.upsert([toSearchDoc(kind, doc)]);
      } catch (oneErr) {
        refused.add(doc);
        logger.error({ err: oneErr, kind, id: String(doc._id) }, 'search engine refused a listing');
      }
    }
    if (refused.size === docs.length) throw err;
    return refused;
  }
}

/** Clears the marks of the revisions just indexed; a listing changed since keeps its mark. */
async function clearDirtyMarks(kind: ListingKind, docs: ListingDoc[]): Promise<void> {
  const dirty = docs.filter((d) => d.searchDirty !== false);
  if (dirty.length === 0) return;
  // A listing being written right now keeps its mark and is indexed again on the next pass.
  for (const d of dirty) {
    await clearSearchMark(kind, String(d._id), d.rev);
  }
}

/**
 * Hands the cursor's documents to `handle` in batches, one batch at a time and in order, while
 * the next batch is read: the database and the engine (on its own thread) work side by side.
 */
async function inBatches(
  cursor: AsyncIterable<ListingDoc>,
  handle: (docs: ListingDoc[]) => Promise<void>,
): Promise<number> {
  let batch: ListingDoc[] = [];
  let count = 0;
  let handling: Promise<void> = Promise.resolve();
  for await (const doc of cursor) {
    batch.push(doc);
    if (batch.length >= BATCH) {
      await handling;
      handling = handle(batch);
      // A failure surfaces at the next await of `handling`, not as an unhandled rejection meanwhile.
      handling.catch(() => undefined);
      count += batch.length;
      batch = [];
    }
  }
  await handling;
  if (batch.length > 0) await handle(batch);
  return count + batch.length;
}
