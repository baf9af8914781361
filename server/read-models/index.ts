/** Read models: lists of records by owner, kept by the stores' writes, read by `_id`. */
export {
  readOwnerList,
  readStoredOwnerList,
  changeOwnerList as putOwnerListEntries,
  MAX_ENTRIES,
} from './owner-list.store';
export { packOwnerList, type OwnerListEntry } from './owner-list.model';
export { ownerListPage, type OwnerListPage } from './owner-list-page';
export {
  dealBrokerListKey,
  dealOrgListKey,
  dealEventListKey,
  dealProposalListKey,
  DELIVERING_DEALS,
  EVENTS,
  eventRegistrationListKey,
  deliveringDueAt,
  listingListKey,
  LISTING_REVISIONS,
  meetingEventListKey,
  meetingListEntries,
  meetingOrgListKey,
  LISTINGS_AWAITING_REVIEW,
  notificationGroupKey,
  notificationListKey,
  organizationMembersKey,
  paymentAppraisalListKey,
  paymentDepositListKey,
  paymentDealListKey,
  paymentListEntries,
  paymentListingListKey,
  readMarkerListKey,
  UNSETTLED_DEALS,
  unsettledDealEntries,
  userEmailKey,
} from './owner-list-keys';
export {
  ensureOwnerLists,
  followRecordChanges,
  markOwnerListsStale,
  rebuildOwnerLists,
} from './owner-list-sync';
