/**
 * Single listings kept back from partner exchanges, or shared again, by their organization's
 * administrators: the feed sends a kept-back listing as a tombstone while the organization shares
 * the rest (feed-rules). Any member of the organization may read the choices.
 */
import type { SessionUser } from '../common/session-user';
import { isOrganizationAdmin } from '../common/session-user';
import type { ListingKind } from '../api-contract/enums';
import { AppError } from '../common/errors';
import { assertVerifiedOrg } from '../common/access';
import { findListingDoc, PRIVATE_LISTING_STATUSES } from '../listings';
import { getListingShare, listingSharesOf, setListingShare } from './listing-share.store';

interface ChoiceView {
  kind: ListingKind;
  listingId: string;
  shared: boolean;
  changedAt: Date | null;
}

function view(c: ChoiceView) {
  return {
    kind: c.kind,
    listingId: c.listingId,
    shared: c.shared,
    changedAt: c.changedAt ? new Date(c.changedAt).toISOString() : null,
  };
}

/** The organization's listings whose own choice was ever changed (the others follow the organization's). */
export async function listingSharingList(user: SessionUser) {
  assertVerifiedOrg(user);
  return { listings: (await listingSharesOf(user.organization!.id)).map(view) };
}

/** The listing, when the user may choose for it: an administrator of its organization. */
async function choosableListing(user: SessionUser, kind: ListingKind, id: string) {
  assertVerifiedOrg(user);
  const listing = await findListingDoc(kind, id);
  const label = kind === 'offer' ? 'Offer' : 'Demand';
  if (!listing) throw AppError.notFound(label);
  const organizationId = String(listing.organizationId);
  if (organizationId !== user.organization!.id) {
    // Another organization's drafts and withdrawn listings do not exist to others.
    if (PRIVATE_LISTING_STATUSES.includes(listing.status)) throw AppError.notFound(label);
    throw AppError.forbidden('Only the listing’s organization chooses whether it is shared');
  }
  if (!isOrganizationAdmin(user, organizationId))
    throw AppError.forbidden('Only your organization’s administrators choose which listings are shared');
  return { kind, id, organizationId };
}

/** Keeps the listing back from partner exchanges (`shared: false`) or shares it again. */
export async function changeListingSharing(
  user: SessionUser,
  kind: ListingKind,
  id: string,
  shared: boolean,
) {
  const listing = await choosableListing(user, kind, id);
  const current = await getListingShare(kind, id);
  // Shared is where every listing starts: nothing to record until it is kept back once.
  if (!current && shared) return { listing: view({ kind, listingId: id, shared, changedAt: null }) };
  return { listing: view(await setListingShare(listing, shared, user.id)) };
}
