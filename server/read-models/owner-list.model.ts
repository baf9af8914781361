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

export interface OwnerListDoc {
  _id: string;
  entries: OwnerListEntry[];
}

const ownerListSchema = new Schema(
  { _id: String, entries: { type: [Schema.Types.Mixed], default: [] } },
  { versionKey: false, collection: 'owner_lists' },
);

export const OwnerListModel = mongoose.model('OwnerList', ownerListSchema);
