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
