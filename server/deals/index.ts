/** Deals: negotiations from opening to close (term sheets, milestones, royalties, notices), entered here by the other components. */
export { describeDeal } from './deal-description';
export { publishDealEvent } from './deal-events';
export { DEAL_TERMINAL_STATES, dealRoleOf, isAgreed } from './deal-machine';
export { DEAL_NOTICE, dealName } from './deal-notice-text';
export { startDealNotices } from './deal-notices.starter';
export { continueDealWithBid, createDeal, findOpenDealOn } from './deal-opening.service';
export type { DealPaymentFacts, DealPayments } from './deal-payments-port';
export { allocateDealReference, formatDealReference, referenceYear } from './deal-reference.store';
export { cachedDealView, cachedDealViews } from './deal-view-cache';
export type { DealDoc } from './deal.model';
export { registerDealRoutes } from './deal.routes';
export { dealResponse } from './deal.schemas';
export {
  dealParticipants,
  loadDealDocForUser,
  loadDealForUser,
  transitionDeal,
  viewDealForUser,
} from './deal.service';
export { dealReads, dealStore, findDealDoc, holdDealOpening } from './deal.store';
export { type DealView, dealView } from './deal.view';
export {
  scheduleMissingDeliveryJobs,
  scheduleMissingRoyaltyReminders,
  scheduleSurplusRefundJob,
} from './delivery-jobs';
export { milestoneJobHandlers } from './milestone-jobs';
export { afterFeesSettled } from './milestone-machine';
export { milestoneOverdueJobHandlers } from './milestone-overdue-jobs';
export { deliverySettled } from './milestone-settlement';
export { registerMilestoneRoutes } from './milestone.routes';
export { named, organizationNames, userNames } from './names';
export { ndaTextOf, viewerAcceptedNda } from './nda.service';
export {
  cancellationOutcome,
  outcomeBody,
  type OutcomeInput,
  outcomeRecord,
  outcomeView,
  outcomeViewOf,
} from './outcome';
export { outcomeRecordSchema } from './outcome.record';
export { listOverdueMilestones, type OverdueQuery } from './overdue-milestones.service';
export { royaltyReminderJobHandlers } from './royalty-reminder-jobs';
export { registerRoyaltyRoutes } from './royalty.routes';
export { royaltyPaymentBody, royaltyReportParams } from './royalty.schemas';
export { registerTermSheetRoutes } from './term-sheet.routes';
export { concludeAgreement } from './term-sheet.service';
