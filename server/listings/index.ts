/** Listings, the family offers and demands share: their store, rules, views, routes, review and revisions. */
export { commitmentConflict, isExclusiveAgreement } from './exclusivity';
export { canViewListing, isListingOwner, isOperator, PRIVATE_LISTING_STATUSES } from './listing-access';
export { transitionListing } from './listing-commands.service';
export { findVisibleListing, readListingsById, viewListing, viewListings } from './listing-queries.service';
export { listingQueuePage } from './listing-queue';
export {
  approveRevision,
  refuseRevision,
  revisionQueue,
  type RevisionDecided,
  type RevisionDecision,
} from './listing-revision.service';
export { futureRule, requiredRule, subFieldRule } from './listing-rules';
export { toSearchDoc } from './listing-search-doc';
export type { ListingSpec } from './listing-spec';
export { addListingRoutes, type ListingFeeGate } from './listing.routes';
export {
  commonListingKeys,
  commonViewKeys,
  createAndPatchSchemas,
  currency,
  currencyView,
  listingImageSchema,
  money,
  rejectBody,
  revisionDecisionBody,
  revisionRefusalBody,
  revisionSchema,
  trl,
  type ListingInput,
} from './listing.schemas';
export {
  addAttachment,
  addListingImage,
  announceListingChange,
  claimOfferAward,
  clearSearchMark,
  closeAuctionOffer,
  commitOffer,
  decideClose,
  findListingDoc,
  holdListing,
  LISTING_KINDS_STORED,
  listingLabel,
  listingLockKey,
  listingModel,
  listingStore,
  markCallClosed,
  readClose,
  readListingDecisions,
  readOfferCommitments,
  recordAuctionOutcome,
  recordAwardDeal,
  releaseOfferAward,
  releaseOfferCommitment,
  dealsHoldingTheirOffers,
  removeAttachment,
  removeListingImage,
  roughListingCount,
  setListingAppraisal,
  type AuctionClose,
  type ListingDoc,
} from './listing.store';
export {
  appraisalBadgeView,
  attachmentViews,
  iso,
  listingDates,
  listingImageViews,
  type ListingImageView,
  type OrganizationSummary,
} from './listing.view';
export {
  cachedListingRef,
  canSeeListing,
  kindName,
  loadListing,
  loadVisibleListing,
  ownsListing,
  toListingRef,
  type AttachmentRef,
  type ListingRef,
} from './listing-ref';
export { callDepositOf, depositOf } from './listing-deposits';
