/**
 * Keeps the statistics' rollups in step with the records: after each store write
 * (record-changes.ts) the difference the write makes to the record's contribution is added to
 * the months it touches, just after the writer answers (most writes, like the search mark's,
 * change nothing and cost nothing). At start-up, and when a reader finds no rollups of the current
 * layout (a database loaded by hand), they are rebuilt from the records in one pass.
 */
import mongoose from 'mongoose';
import { LRUCache } from 'lru-cache';
import { logger } from '../common/logger';
import { onRecordWritten, type RecordChange } from '../common/record-changes';
import { listingModel } from '../listings';
import { dealReads, findDealDoc } from '../deals';
import { bidReads } from '../bids';
import { paymentReads } from '../payments';
import {
  applyDeltas,
  byMonth,
  changeDeltas,
  contribution,
  monthOf,
  type Counted,
  type Deltas,
  type Place,
  type RollupDoc,
} from './stats-rules';
import {
  addToMonth,
  holdRollupRebuild,
  markOnce,
  readRollups,
  replaceRollups,
  ROLLUP_LAYOUT,
  setPriceEntry,
  type PriceBucket,
} from './stats-rollup.store';
import { priceEvidence } from './price-guidance-rules';

type Doc = Record<string, any>;
type ListingKind = 'offer' | 'demand';

const PLACE_FIELDS = { field: 1, province: 1, publishedAt: 1, trl: 1, minTrl: 1 };

const placeOfListing = (doc: Doc): Place => ({
  field: doc.field,
  province: doc.province,
  publishedAt: doc.publishedAt,
  trl: doc.trl ?? doc.minTrl,
});

/** Listings' field, province and publication, by kind and id (a deal or fee is counted there). */
const places = new LRUCache<string, Place>({ max: 20_000, ttl: 10 * 60_000 });

async function listingPlace(kind: ListingKind, id: unknown): Promise<Place> {
  if (!id) return {};
  const key = `${kind}:${String(id)}`;
  const hit = places.get(key);
  if (hit) return hit;
  const doc = (await (listingModel(kind) as mongoose.Model<any>)
    .findById(id, PLACE_FIELDS)
    .lean()) as Doc | null;
  const place: Place = doc ? placeOfListing(doc) : {};
  places.set(key, place);
  return place;
}

const dealListing = (deal: Doc): [ListingKind, unknown] =>
  deal.listingKind === 'demand' ? ['demand', deal.demandId] : ['offer', deal.offerId];

async function dealPlace(deal: Doc): Promise<Place> {
  const [kind, id] = dealListing(deal);
  return listingPlace(kind, id);
}

async function paymentPlace(payment: Doc): Promise<Place> {
  if (!payment.dealId) return {};
  // Through the deal store: its only writer keeps the deal while the process is the database's only user.
  const deal = (await findDealDoc(String(payment.dealId))) as Doc | null;
  if (!deal) return {};
  const place = await dealPlace(deal);
  return { ...place, field: deal.field ?? place.field };
}

const NOWHERE: Place = {};

/** The rollup change of one store write. */
export async function deltasOfChange(change: RecordChange): Promise<Deltas> {
  const { type, before, after } = change;
  if (type === 'offer' || type === 'demand') {
    return changeDeltas(before ? { type, doc: before } : null, after ? { type, doc: after } : null);
  }
  if (type === 'deal' || type === 'payment') {
    const counted = (doc: Doc | null | undefined, place: Place): Counted | null =>
      doc ? ({ type, doc, place } as Counted) : null;
    // Decided first without the place: most writes (a message, a term sheet) change nothing.
    if (changeDeltas(counted(before, NOWHERE), counted(after, NOWHERE)).size === 0) return new Map();
    const doc = (after ?? before)!;
    const place = type === 'deal' ? await dealPlace(doc) : await paymentPlace(doc);
    return changeDeltas(counted(before, place), counted(after, place));
  }
  if (type === 'bid' && !before && after) {
    const kind: ListingKind = after.listingKind === 'demand' ? 'demand' : 'offer';
    if (!(await markOnce(`bid:${String(after.listingId)}`))) return new Map();
    const listing = await listingPlace(kind, after.listingId);
    return contribution({
      type: 'first-bid',
      listingKind: kind,
      listing,
      at: (after.createdAt as Date) ?? new Date(),
    });
  }
  if (type === 'bid') {
    // A rejection's reason: decided first without the listing, as for deals.
    const counted = (doc: Doc | null | undefined, place: Place): Counted | null =>
      doc ? { type, doc, place } : null;
    if (changeDeltas(counted(before, NOWHERE), counted(after, NOWHERE)).size === 0) return new Map();
    const doc = (after ?? before)!;
    const place = await listingPlace(doc.listingKind === 'demand' ? 'demand' : 'offer', doc.listingId);
    return changeDeltas(counted(before, place), counted(after, place));
  }
  return new Map();
}

export async function followStatsChange(change: RecordChange): Promise<void> {
  if (change.after === undefined && change.before === undefined) return;
  await followPriceEvidence(change);
  const deltas = await deltasOfChange(change);
  if (deltas.size === 0) return;
  await Promise.all([...byMonth(deltas)].map(([month, entries]) => addToMonth(month, entries)));
}

/** A deal's entry in the price guidance follows its agreement: put in, changed, or taken out. */
async function followPriceEvidence(change: RecordChange): Promise<void> {
  if (change.type !== 'deal') return;
  const { before, after } = change;
  // Decided first without the listing: most writes of a deal change nothing here.
  const unplaced = (doc: Doc | null | undefined) => (doc ? priceEvidence(doc, { field: '-' }) : null);
  const [was, is] = [unplaced(before), unplaced(after)];
  if (JSON.stringify(was) === JSON.stringify(is)) return;
  const place = await dealPlace((after ?? before)!);
  const [old, now] = [before && priceEvidence(before, place), after && priceEvidence(after, place)];
  if (old && old.bucket !== now?.bucket) await setPriceEntry(old.bucket, change.id, null);
  if (now) await setPriceEntry(now.bucket, change.id, now.entry);
}

/** Rollup changes under way in this process. */
const following = new Set<Promise<void>>();

/**
 * Registers the hook once per process (again in a new app: it replaces the previous one). The
 * rollups follow off the writer's path: a bid, an agreement or a payment answers without waiting
 * for its month's counters (a first bid's mark, a month's lock and write), and statistics read
 * here wait for what is under way (`statsCaughtUp`), so they still show every write made here.
 */
export function followStatsChanges(): void {
  onRecordWritten((change) => {
    const work: Promise<void> = followStatsChange(change)
      .catch((err) => logger.error({ err, type: change.type, id: change.id }, 'statistics not updated'))
      .finally(() => following.delete(work));
    following.add(work);
  }, 'stats-rollups');
}

/** Resolves once every rollup change begun in this process has been written. */
export async function statsCaughtUp(): Promise<void> {
  while (following.size > 0) await Promise.all([...following]);
}

/** Reads every counted record once (a projection) and writes every month's rollup whole. */
export async function rebuildStatsRollups(): Promise<{ records: number; months: number }> {
  const started = Date.now();
  places.clear();
  const docs = new Map<string, RollupDoc>();
  const add = (deltas: Deltas) => {
    for (const [month, entries] of byMonth(deltas)) {
      docs.set(month, applyDeltas(docs.get(month) ?? { _id: month }, entries));
    }
  };
  const listings = new Map<string, Place & { kind: ListingKind }>();
  let records = 0;
  const listingFields = { ...PLACE_FIELDS, status: 1, createdMonth: 1, createdAt: 1, subField: 1 };
  for (const kind of ['offer', 'demand'] as const) {
    const cursor = (listingModel(kind) as mongoose.Model<any>).find({}, listingFields).lean().cursor();
    for await (const doc of cursor as AsyncIterable<Doc>) {
      records++;
      listings.set(`${kind}:${String(doc._id)}`, { kind, ...placeOfListing(doc) });
      add(contribution({ type: kind, doc }));
    }
  }
  const firstBids = new Map<string, { kind: ListingKind; at: Date }>();
  for await (const bid of bidReads
    .find(
      {},
      { listingKind: 1, listingId: 1, createdAt: 1, status: 1, outcome: 1, decidedAt: 1, updatedAt: 1 },
    )
    .lean()
    .cursor() as AsyncIterable<Doc>) {
    records++;
    const id = String(bid.listingId);
    const kind: ListingKind = bid.listingKind === 'demand' ? 'demand' : 'offer';
    add(contribution({ type: 'bid', doc: bid, place: listings.get(`${kind}:${id}`) ?? {} }));
    const seen = firstBids.get(id);
    if (!seen || new Date(bid.createdAt) < seen.at)
      firstBids.set(id, {
        kind: bid.listingKind === 'demand' ? 'demand' : 'offer',
        at: new Date(bid.createdAt),
      });
  }
  for (const [id, first] of firstBids) {
    const listing = listings.get(`${first.kind}:${id}`) ?? {};
    add(contribution({ type: 'first-bid', listingKind: first.kind, listing, at: first.at }));
  }
  const placeOf = (deal: Doc): Place => {
    const [kind, id] = dealListing(deal);
    return listings.get(`${kind}:${String(id)}`) ?? {};
  };
  const dealPlaces = new Map<string, Place>();
  const buckets = new Map<string, PriceBucket>();
  const dealFields = {
    field: 1,
    status: 1,
    createdMonth: 1,
    createdAt: 1,
    updatedAt: 1,
    closedAt: 1,
    listingKind: 1,
    offerId: 1,
    demandId: 1,
    brokerUserId: 1,
    agreedVersion: 1,
    termSheets: 1,
    timeline: 1,
    outcome: 1,
  };
  for await (const deal of dealReads.find({}, dealFields).lean().cursor() as AsyncIterable<Doc>) {
    records++;
    const place = placeOf(deal);
    dealPlaces.set(String(deal._id), { ...place, field: deal.field ?? place.field });
    add(contribution({ type: 'deal', doc: deal, place }));
    const evidence = priceEvidence(deal, place);
    if (evidence) {
      const bucket = buckets.get(evidence.bucket) ?? { _id: evidence.bucket, e: [] };
      bucket.e.push(evidence.entry);
      buckets.set(evidence.bucket, bucket);
    }
  }
  const paid = paymentReads
    .find({}, { status: 1, paidAt: 1, amount: 1, currency: 1, dealId: 1 })
    .lean()
    .cursor() as AsyncIterable<Doc>;
  for await (const payment of paid) {
    records++;
    add(contribution({ type: 'payment', doc: payment, place: dealPlaces.get(String(payment.dealId)) ?? {} }));
  }
  const months = [...docs.keys()].sort();
  await replaceRollups(
    [...docs.values()],
    [...firstBids.keys()].map((id) => `bid:${id}`),
    months[0] ?? monthOf(new Date()),
    [...buckets.values()],
  );
  logger.info({ records, months: months.length, ms: Date.now() - started }, 'statistics rollups rebuilt');
  return { records, months: months.length };
}

/** Rebuilds the rollups unless they are of the current layout; one process at a time. */
export async function ensureStatsRollups(): Promise<boolean> {
  const current = async () => (await readRollups([])).layout?.v === ROLLUP_LAYOUT;
  if (await current()) return false;
  return holdRollupRebuild(async () => {
    if (await current()) return false;
    await rebuildStatsRollups();
    return true;
  });
}
