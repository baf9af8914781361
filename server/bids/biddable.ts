/** A listing as the bid rules see it. */
import type { ListingRef } from '../listings';
import type { BiddableListing } from './bid-lifecycle';

export function toBiddable(listing: ListingRef): BiddableListing {
  return {
    kind: listing.kind,
    status: listing.status,
    ownerOrgId: listing.ownerOrgId,
    currency: listing.currency,
    pricingModel: listing.pricingModel ?? null,
    demandMode: listing.demandMode ?? null,
    deadline: listing.deadline,
  };
}
