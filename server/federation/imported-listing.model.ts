/**
 * Listings imported from partner exchanges' feeds: read-only copies, each with the partner it
 * came from (its home exchange) and its id there. Never edited, bid on or negotiated here; a
 * tombstone in the partner's feed deletes the copy. Written only by imported-listing.store.ts.
 */
import mongoose, { Schema } from 'mongoose';
import type { ListingKind } from '../api-contract/enums';

const importedListingSchema = new Schema(
  {
    /** `<partnerId>-<kind>-<remoteId>`: also its id in the search index. */
    _id: { type: String, required: true },
    partnerId: { type: String, required: true },
    /** The partner's `code`, the listing's `origin` in search. */
    origin: { type: String, required: true },
    kind: { type: String, required: true },
    remoteId: { type: String, required: true },
    /** The time the home exchange last changed it (its feed's `changedAt`). */
    changedAt: { type: Date, required: true },
    /** The listing as the home exchange sent it (validated on import). */
    listing: { type: Schema.Types.Mixed, required: true },
    importedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'federation_imported_listings' },
);

export interface ImportedListingFields {
  title: string;
  summary: string;
  body: string;
  keywords: string[];
  field: string;
  subField?: string;
  trl: number;
  transferModes: string[];
  province: string;
  price?: number;
  currency?: 'VND' | 'USD';
  language: 'vi' | 'en';
  publishedAt: string;
  organizationName: string;
}

export interface ImportedListingDoc {
  _id: string;
  partnerId: string;
  origin: string;
  kind: ListingKind;
  remoteId: string;
  changedAt: Date;
  listing: ImportedListingFields;
  importedAt: Date;
}

export const ImportedListingModel = mongoose.model('FederationImportedListing', importedListingSchema);
