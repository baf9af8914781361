/**
 * Lists of record ids by owner ("offers of organisation X", "deals of user Y"), one document
 * each, read by `_id`: the pages that list an owner's records never ask the database to filter,
 * sort or count (FerretDB would read every document of the collection to do it).
 */
import mongoose, { Schema } from 'mongoose';

export interface OwnerListEntry {
  /** The listed record's id. */
  id: string;
  /** The record's status when it was last written, for filtering by status. */
  s: string;
  /** The sort key, newest first (milliseconds): the record's last change or creation. */
  at: number;
}

/**
 * A stored list. Its entries are kept packed in one string (`packOwnerList`): FerretDB decodes,
 * re-encodes and (for its `_id` index) parses a stored document element by element on every
 * write, so a list of 2,000 entry objects cost it 29 ms a write and the same entries in one
 * string 2.9 ms. `entries` is the form lists were stored in before; it is still read.
 */
export interface OwnerListDoc {
  _id: string;
  packed?: string;
  entries?: OwnerListEntry[];
  /**
   * A long list's generation: the list has a head (`headKeyOf`), which counts only while it
   * carries the same generation (a head left from before the base was last rewritten is ignored).
   * A head's document (`OwnerListHeadDoc`) lives in the same collection.
   */
  gen?: number;
}

const ownerListSchema = new Schema(
  {
    _id: String,
    packed: String,
    entries: { type: [Schema.Types.Mixed], default: undefined },
    gen: Number,
    gone: String,
  },
  { versionKey: false, collection: 'owner_lists' },
);

export const OwnerListModel = mongoose.model('OwnerList', ownerListSchema);

/**
 * Each entry's stored form, kept with the entry: a list changed by one entry is written again
 * with the text of every other entry as it was (entries are never changed, only replaced).
 */
const packedEntries = new WeakMap<OwnerListEntry, string>();

function packedEntry(e: OwnerListEntry): string {
  let text = packedEntries.get(e);
  if (text === undefined) {
    text = JSON.stringify([e.id, e.s, e.at]);
    packedEntries.set(e, text);
  }
  return text;
}

/** The stored form of a list's entries: `[[id, status, at], …]` as JSON, in one string. */
export function packOwnerList(entries: readonly OwnerListEntry[]): string {
  return `[${entries.map(packedEntry).join(',')}]`;
}

/** The entries of a stored list, in either stored form; none for a list never stored. */
export function unpackOwnerList(doc: OwnerListDoc | null): OwnerListEntry[] {
  if (!doc) return [];
  if (typeof doc.packed === 'string') {
    return (JSON.parse(doc.packed) as [string, string, number][]).map(([id, s, at]) => ({ id, s, at }));
  }
  return doc.entries ?? [];
}
