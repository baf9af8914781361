/** Technology demands: the listing services applied to the demand kind, returning demand views. */
import type { SessionUser } from '../common/session-user';
import type { ListingSpec } from '../listings/listing-spec';
import type { ListingDoc } from '../listings/listing-store';
import {
  createListing,
  editListing,
  transitionListing,
  type ListingDeps,
} from '../listings/listing-commands.service';
import {
  findVisibleListing,
  listListings,
  viewListing,
  type ListingListQuery,
} from '../listings/listing-queries.service';
import type { ListingTransition } from '../listings/listing-lifecycle';
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

export async function createDemand(
  deps: ListingDeps,
  user: SessionUser,
  input: Record<string, any>,
): Promise<DemandView> {
  return viewListing(DEMAND_SPEC, user, await createListing(DEMAND_SPEC, deps, user, input));
}

/** The stored demand (lean document) if `viewer` may see it, else 404: for proposals, deals and matching. */
export function findDemandForViewer(viewer: SessionUser | undefined, id: string): Promise<ListingDoc> {
  return findVisibleListing(DEMAND_SPEC, viewer, id);
}

export async function getDemandForViewer(viewer: SessionUser | undefined, id: string): Promise<DemandView> {
  return viewListing(DEMAND_SPEC, viewer, await findDemandForViewer(viewer, id));
}

export async function updateDemand(
  deps: ListingDeps,
  user: SessionUser,
  id: string,
  patch: Record<string, any>,
): Promise<DemandView> {
  return viewListing(DEMAND_SPEC, user, await editListing(DEMAND_SPEC, deps, user, id, patch));
}

/** submit, close, withdraw (members of the owning organization); approve, reject (operators). */
export async function changeDemandStatus(
  deps: ListingDeps,
  user: SessionUser,
  id: string,
  transition: ListingTransition,
  input: { reason?: string } = {},
): Promise<DemandView> {
  return viewListing(
    DEMAND_SPEC,
    user,
    await transitionListing(DEMAND_SPEC, deps, user, id, transition, input),
  );
}

export function listDemands(viewer: SessionUser | undefined, query: ListingListQuery) {
  return listListings(DEMAND_SPEC, viewer, query);
}
