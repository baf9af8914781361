/**
 * Single listings' own choice of being shared with partner exchanges, made by their
 * organization's administrators: a listing not shared goes out in the feed as a tombstone while
 * its organization shares the rest. Kept after the listing is shared again (its time orders the
 * feed). Written only by listing-share.store.ts.
 */
import mongoose, { Schema } from 'mongoose';
import { LISTING_KINDS, type ListingKind } from '../api-contract/enums';

const listingShareSchema = new Schema(
  {
    /** `<kind>:<listingId>`. */
    _id: { type: String, required: true },
    organizationId: { type: String, required: true, index: true },
    kind: { type: String, enum: LISTING_KINDS, required: true },
    listingId: { type: String, required: true },
    shared: { type: Boolean, required: true },
    changedAt: { type: Date, required: true },
    changedBy: { type: String, required: true },
  },
  { versionKey: false, collection: 'federation_listing_shares' },
);

export interface ListingShareDoc {
  _id: string;
  organizationId: string;
  kind: ListingKind;
  listingId: string;
  shared: boolean;
  changedAt: Date;
  changedBy: string;
}

export const ListingShareModel = mongoose.model('FederationListingShare', listingShareSchema);
