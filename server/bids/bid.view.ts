import type { BidDoc } from './bid.model';
import type { OutcomeReason } from '../api-contract/enums';
import { named } from '../deals/names';

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
    outcome: bid.outcome?.reason
      ? {
          reason: bid.outcome.reason as OutcomeReason,
          ...(bid.outcome.note ? { note: bid.outcome.note } : {}),
          at: bid.outcome.at?.toISOString(),
        }
      : undefined,
    createdAt: bid.createdAt?.toISOString(),
    updatedAt: bid.updatedAt?.toISOString(),
  };
}

export type BidView = ReturnType<typeof bidView>;
