/** The one writer of listings imported from partner exchanges. */
import mongoose from 'mongoose';
import { holdLocks } from '../common/store';
import { ImportedListingModel, type ImportedListingDoc } from './imported-listing.model';

export type { ImportedListingDoc, ImportedListingFields } from './imported-listing.model';

const lockKey = (id: string) => `federation-import:${id}`;

export async function getImportedListing(id: string): Promise<ImportedListingDoc | null> {
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(id)) return null;
  return (await ImportedListingModel.findById(id).lean()) as ImportedListingDoc | null;
}

/** The copies with these ids (by `_id` alone), in no particular order; unknown ids are left out. */
export async function importedListingsByIds(ids: string[]): Promise<ImportedListingDoc[]> {
  const valid = ids.filter((id) => /^[A-Za-z0-9_-]{1,120}$/.test(id));
  if (valid.length === 0) return [];
  return (await ImportedListingModel.find({
    _id: mongoose.trusted({ $in: valid }),
  }).lean()) as ImportedListingDoc[];
}

/**
 * Stores the copy unless the one held is as new or newer (a page read twice changes nothing).
 * True when it was written.
 */
export function putImportedListing(doc: ImportedListingDoc): Promise<boolean> {
  return holdLocks([lockKey(doc._id)], async () => {
    const held = await getImportedListing(doc._id);
    if (held && +held.changedAt >= +doc.changedAt) return false;
    if (held) await ImportedListingModel.replaceOne({ _id: doc._id }, doc);
    else await ImportedListingModel.create(doc);
    return true;
  });
}

/** Deletes the copy (a tombstone); true when one was held. */
export function removeImportedListing(id: string): Promise<boolean> {
  return holdLocks([lockKey(id)], async () => {
    const result = await ImportedListingModel.deleteOne({ _id: id });
    return result.deletedCount === 1;
  });
}

/** Every copy from one partner (its removal, a rebuild of the index). */
export async function importedListingsOf(partnerId: string): Promise<ImportedListingDoc[]> {
  return (await ImportedListingModel.find({ partnerId }).lean()) as ImportedListingDoc[];
}

/** How many copies from one partner are held (statistics). */
export function countImportedListings(partnerId: string): Promise<number> {
  return ImportedListingModel.countDocuments({ partnerId });
}

/** Every copy held (the search index's rebuild). */
export async function allImportedListings(): Promise<ImportedListingDoc[]> {
  return (await ImportedListingModel.find({}).lean()) as ImportedListingDoc[];
}

export async function removeImportedListingsOf(partnerId: string): Promise<string[]> {
  const ids = (await importedListingsOf(partnerId)).map((d) => d._id);
  if (ids.length) await ImportedListingModel.deleteMany({ _id: mongoose.trusted({ $in: ids }) });
  return ids;
}
