/** Technology offers: the offer kind's spec for the listing services and routes. */
import type { SessionUser } from '../common/session-user';
import { findVisibleListing, type ListingSpec, type ListingDoc } from '../listings';
import { offerApprovalConflict, offerSubmitViolations, offerViolations } from './offer-rules';
import { offerViewFor, type OfferView } from './offer.view';

export const OFFER_SPEC: ListingSpec<OfferView> = {
  kind: 'offer',
  label: 'Offer',
  plural: 'offers',
  view: offerViewFor,
  violations: offerViolations,
  timedFields: ['pricing'],
  submitViolations: offerSubmitViolations,
  approvalConflict: offerApprovalConflict,
};

/** The stored offer (lean document) if `viewer` may see it, else 404: for bids, deals and matching. */
export function findOfferForViewer(viewer: SessionUser | undefined, id: string): Promise<ListingDoc> {
  return findVisibleListing(OFFER_SPEC, viewer, id);
}
