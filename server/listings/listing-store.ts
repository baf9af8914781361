/**
 * Where offers and demands are stored, and the one rule every writer of a listing follows: the
 * change, the search-dirty mark and the revision bump go in the same single-document update, so
 * the search index can never miss a change that reached the database.
 */
import { recordWritten } from '../common/record-changes';
import mongoose from 'mongoose';
import type { ListingKind, ListingStatus } from '../contract/enums';
import type { EventBus } from '../common/events';
import { OfferModel } from '../offers/offer.model';
import { DemandModel } from '../demands/demand.model';
import { tryLock, unlock, withLock } from '../common/locks';

/** A stored offer or demand, as read with `.lean()`. */
export interface ListingDoc {
  _id: mongoose.Types.ObjectId;
  organizationId: mongoose.Types.ObjectId;
  status: ListingStatus;
  rev?: number;
  searchDirty?: boolean;
  [field: string]: any;
}

export const LISTING_KINDS_STORED: readonly ListingKind[] = ['offer', 'demand'];

export function listingModel(kind: ListingKind): mongoose.Model<any> {
  return kind === 'offer' ? OfferModel : DemandModel;
}

export function listingLabel(kind: ListingKind): 'Offer' | 'Demand' {
  return kind === 'offer' ? 'Offer' : 'Demand';
}

/**
 * The update of a listing change: `$set` (and `$unset`) the given fields, mark the listing dirty
 * for search and bump its revision. Every write to a listing goes through this.
 */
export function listingChangeUpdate(set: Record<string, unknown>, unset: string[] = []) {
  const update: Record<string, unknown> = { $set: { ...set, searchDirty: true }, $inc: { rev: 1 } };
  if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((k) => [k, 1]));
  return update;
}

/** Wakes the search indexer (and anyone else listening) once a listing change is stored. */
export function announceListingChange(bus: EventBus, kind: ListingKind, id: string): void {
  bus.publish('listing.changed', { kind, id });
}

export async function findListingDoc(kind: ListingKind, id: string): Promise<ListingDoc | null> {
  return listingModel(kind).findById(id).lean<ListingDoc>();
}

/**
 * Every write to a listing runs under its lock. FerretDB applies an update as an unisolated
 * read-modify-write of the whole document, so without it the search indexer clearing its mark,
 * an award or a deadline close could silently undo an owner's concurrent edit. Do not nest.
 */
export function withListingLock<T>(kind: ListingKind, id: string, fn: () => Promise<T>): Promise<T> {
  return withLock(listingLockKey(kind, id), fn);
}

/** Runs `fn` only if nobody is writing the listing now; false when it was busy (try again later). */
export async function ifListingFree(
  kind: ListingKind,
  id: string,
  fn: () => Promise<unknown>,
): Promise<boolean> {
  const key = listingLockKey(kind, id);
  const owner = await tryLock(key, 15_000);
  if (!owner) return false;
  try {
    await fn();
    return true;
  } finally {
    await unlock(key, owner);
  }
}

const listingLockKey = (kind: ListingKind, id: string) => `listing:${kind}:${id}`;

/** Applies a change only when the listing (`expected._id`) still matches `expected`; null when it does not. */
export async function updateListingIf(
  kind: ListingKind,
  expected: Record<string, unknown> & { _id: unknown },
  set: Record<string, unknown>,
  unset: string[] = [],
): Promise<ListingDoc | null> {
  const updated = await withListingLock(kind, String(expected._id), () =>
    listingModel(kind)
      .findOneAndUpdate(expected, listingChangeUpdate(set, unset), { returnDocument: 'after' })
      .lean<ListingDoc>(),
  );
  if (updated) await recordWritten({ type: kind, id: String(expected._id), after: updated });
  return updated;
}
