/** Technology offers: the listing services applied to the offer kind, returning offer views. */
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

export async function createOffer(
  deps: ListingDeps,
  user: SessionUser,
  input: Record<string, any>,
): Promise<OfferView> {
  return viewListing(OFFER_SPEC, user, await createListing(OFFER_SPEC, deps, user, input));
}

/** The stored offer (lean document) if `viewer` may see it, else 404: for bids, deals and matching. */
export function findOfferForViewer(viewer: SessionUser | undefined, id: string): Promise<ListingDoc> {
  return findVisibleListing(OFFER_SPEC, viewer, id);
}

/** The offer as `viewer` may see it (reserve price for its owner and operators only), else 404. */
export async function getOfferForViewer(viewer: SessionUser | undefined, id: string): Promise<OfferView> {
  return viewListing(OFFER_SPEC, viewer, await findOfferForViewer(viewer, id));
}

export async function updateOffer(
  deps: ListingDeps,
  user: SessionUser,
  id: string,
  patch: Record<string, any>,
): Promise<OfferView> {
  return viewListing(OFFER_SPEC, user, await editListing(OFFER_SPEC, deps, user, id, patch));
}

/** submit, close, withdraw (members of the owning organization); approve, reject (operators). */
export async function changeOfferStatus(
  deps: ListingDeps,
  user: SessionUser,
  id: string,
  transition: ListingTransition,
  input: { reason?: string } = {},
): Promise<OfferView> {
  return viewListing(
    OFFER_SPEC,
    user,
    await transitionListing(OFFER_SPEC, deps, user, id, transition, input),
  );
}

export function listOffers(viewer: SessionUser | undefined, query: ListingListQuery) {
  return listListings(OFFER_SPEC, viewer, query);
}
