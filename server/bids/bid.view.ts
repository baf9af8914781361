import type { BidDoc } from './bid.model';
import { named, outcomeViewOf } from '../deals';

export function bidView(bid: BidDoc, orgNames: Map<string, string> = new Map()) {
  const listingId = String(bid.listingId);
  return {
    id: String(bid._id),
    listingKind: bid.listingKind,
    listingId,
    ...(bid.listingKind === 'offer' ? { offerId: listingId } : { demandId: listingId }),
    listingTitle: bid.listingTitle,
    listingOwnerOrgId: String(bid.listingOwnerOrgId),
    bidderOrg: named(orgNames, String(bid.bidderOrgId))!,
    createdBy: String(bid.createdBy),
    amount: bid.amount,
    currency: bid.currency,
    transferMode: bid.transferMode,
    terms: bid.terms ?? '',
    sealed: Boolean(bid.sealed),
    status: bid.status,
    dealId: bid.dealId ? String(bid.dealId) : undefined,
    decidedAt: bid.decidedAt?.toISOString(),
    outcome: outcomeViewOf(bid.outcome),
    createdAt: bid.createdAt?.toISOString(),
    updatedAt: bid.updatedAt?.toISOString(),
  };
}

export type BidView = ReturnType<typeof bidView>;
