/**
 * Who may see and change a listing. Drafts, listings awaiting review and withdrawn ones are the
 * owning organization's business (and the operators'): to everyone else they do not exist (404).
 * Published, closed and expired listings are public (bids and deals refer to how they ended).
 */
import type { ListingStatus } from '../api-contract/enums';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { Actor } from './listing-lifecycle';

export const PRIVATE_LISTING_STATUSES: readonly ListingStatus[] = ['draft', 'pending_review', 'withdrawn'];

interface OwnedListing {
  organizationId: unknown;
  status: string;
}

export function isListingOwner(user: SessionUser | undefined, listing: OwnedListing): boolean {
  const orgId = user ? actingOrganizationId(user) : undefined;
  return !!orgId && orgId === String(listing.organizationId);
}

export function isOperator(user: SessionUser | undefined): boolean {
  return user?.role === 'admin';
}

export function canViewListing(user: SessionUser | undefined, listing: OwnedListing): boolean {
  if (!PRIVATE_LISTING_STATUSES.includes(listing.status as ListingStatus)) return true;
  return isListingOwner(user, listing) || isOperator(user);
}

/** The user as the listing life cycle sees them, for transitions a member starts. */
export function listingActor(user: SessionUser, listing: OwnedListing): Actor {
  if (isListingOwner(user, listing))
    return { kind: 'owner', verifiedOrg: user.organization?.verified === true };
  return { kind: isOperator(user) ? 'admin' : 'other' };
}
