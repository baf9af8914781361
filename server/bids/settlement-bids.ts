/**
 * What the deposit settlement (payments, below bids) asks of the bids: the auction's runner-up,
 * chosen by the bid rules, and a call's proposals as they stand.
 */
import type { AppContext } from '../context';
import { loadListing } from '../listings';
import { paymentDeps, type DepositSettlementDeps, type SettlementBids } from '../payments';
import { bidsOfListing } from './bid.store';
import { pickRunnerUp } from './runner-up-rules';

export const settlementBids: SettlementBids = {
  async auctionRunnerUpOrg(offerId, deposits) {
    const [listing, bids] = await Promise.all([
      loadListing('offer', offerId),
      bidsOfListing('offer', offerId),
    ]);
    if (!listing) return undefined;
    const pick = pickRunnerUp(
      { kind: 'offer', currency: listing.currency, reservePrice: listing.reservePrice },
      bids.map((b) => ({
        ...b,
        id: String(b._id),
        bidderOrgId: String(b.bidderOrgId),
        submittedAt: b.createdAt,
      })),
      deposits,
    );
    return pick.ok ? pick.bid.bidderOrgId : undefined;
  },
  async proposalsOf(demandId) {
    const proposals = await bidsOfListing('demand', demandId);
    return proposals.map((p) => ({
      bidderOrgId: String(p.bidderOrgId),
      status: p.status,
      dealId: p.dealId ? String(p.dealId) : null,
    }));
  },
};

/** The settlement's dependencies from a component's own (payment providers, notices, the bids above). */
export function depositSettlementDeps(deps: Pick<AppContext, 'bus' | 'config'>): DepositSettlementDeps {
  return { ...paymentDeps(deps), ctx: deps, bids: settlementBids };
}
