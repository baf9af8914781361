/**
 * What differs between offers and demands, given once per kind; the listing services do the
 * rest (access, life cycle, conditional updates, search marks) the same way for both.
 */
import type { ErrorDetail } from '../common/errors';
import type { ListingKind } from '../api-contract/enums';
import type { SessionUser } from '../common/session-user';
import type { ListingDoc } from './listing.store';
import type { OrganizationSummary } from './listing.view';

export interface ListingSpec<View> {
  kind: ListingKind;
  label: 'Offer' | 'Demand';
  /** The key of the list in list responses: `offers` or `demands`. */
  plural: 'offers' | 'demands';
  view(doc: ListingDoc, org: OrganizationSummary, viewer: SessionUser | undefined): View;
  /** Rules between fields of the listing as it would be stored. */
  violations(listing: Record<string, any>, opts: { now: Date; checkTimes: boolean }): ErrorDetail[];
  /** Top-level fields whose change asks again that dates lie in the future. */
  timedFields: readonly string[];
  submitViolations(listing: Record<string, any>, now: Date): ErrorDetail[];
  approvalConflict(listing: Record<string, any>, now: Date): string | undefined;
}
