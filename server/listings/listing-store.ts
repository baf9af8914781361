/** Moved to listing.store.ts; this name is kept for branches still importing it. */
export {
  LISTING_KINDS_STORED,
  announceListingChange,
  findListingDoc,
  listingLabel,
  listingModel,
  type ListingDoc,
} from './listing.store';
