/** Technology demands: the demand kind's spec for the listing services and routes. */
import type { SessionUser } from '../common/session-user';
import { findVisibleListing, type ListingSpec, type ListingDoc } from '../listings';
import { demandApprovalConflict, demandSubmitViolations, demandViolations } from './demand-rules';
import { demandView, type DemandView } from './demand.view';

export const DEMAND_SPEC: ListingSpec<DemandView> = {
  kind: 'demand',
  label: 'Demand',
  plural: 'demands',
  view: (doc, org) => demandView(doc, org),
  violations: demandViolations,
  timedFields: ['deadline', 'mode'],
  submitViolations: demandSubmitViolations,
  approvalConflict: demandApprovalConflict,
};

/** The stored demand (lean document) if `viewer` may see it, else 404: for proposals, deals and matching. */
export function findDemandForViewer(viewer: SessionUser | undefined, id: string): Promise<ListingDoc> {
  return findVisibleListing(DEMAND_SPEC, viewer, id);
}
