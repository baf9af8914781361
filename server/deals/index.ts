/** What other components may take from deals without reaching into its files: its record's type and its view. */
export type { DealDoc } from './deal.model';
export type { DealView } from './deal.view';
export {
  cancellationOutcome,
  outcomeBody,
  outcomeRecord,
  outcomeView,
  outcomeViewOf,
  type OutcomeInput,
} from './outcome';
export { outcomeRecordSchema } from './outcome.record';
export { cachedDealView, cachedDealViews } from './deal-view-cache';
export { DEAL_NOTICE, dealName } from './deal-notice-text';
export { organizationNames } from './names';
export type { DealPaymentFacts, DealPayments } from './deal-payments-port';
export { dealReads } from './deal.store';
export { isAgreed } from './deal-machine';
export { concludeAgreement } from './term-sheet.service';
export {
  scheduleMissingDeliveryJobs,
  scheduleMissingRoyaltyReminders,
  scheduleSurplusRefundJob,
} from './delivery-jobs';
export { royaltyPaymentBody, royaltyReportParams } from './royalty.schemas';
export { loadDealDocForUser } from './deal.service';
