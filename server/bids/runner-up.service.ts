/**
 * Offering the technology to the runner-up (the rules: runner-up-rules.ts). The listing's owner
 * asks; the forfeit it follows is claimed for one bid (recorded on the forfeited deposit), a bid
 * an auction's close turned down is put back in the running, and the deal is opened as an
 * accepted bid opens one (acceptBidAs: safe to repeat). A stop half way is finished by asking
 * again: the claimed bid is taken up where it was left.
 */
import { depositSettlementDeps } from './settlement-bids';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import type { BidStatus, ListingKind } from '../api-contract/enums';
import type { BidDoc } from './bid.model';
import { recordAudit } from '../audit';
import type { DealView } from '../deals';
import {
  depositsOfListing,
  claimRunnerUpOffer,
  recordRunnerUpDeal,
  releaseRunnerUpClaim,
  settleKeptRunnerUpDeposit,
} from '../payments';
import { acceptBidAs } from './bid-decision.service';
import { bidsOfListing, bidStore, reopenRunnerUpBid } from './bid.store';
import { notifyOrg, type NoticeDeps } from './deadline-notices';
import { ownsListing, loadListing, loadVisibleListing, type ListingRef } from '../listings';
import { forfeitAwaitingRunnerUp, pickRunnerUp, type RunnerUpDeposit } from './runner-up-rules';

/** A deposit on the listing, as the payments component stores it. */
type DepositDoc = Awaited<ReturnType<typeof depositsOfListing>>[number];

const depositFacts = (d: DepositDoc): RunnerUpDeposit => ({
  id: String(d._id),
  payerOrgId: String(d.payerOrgId),
  status: d.status,
  paidAt: d.paidAt,
  outcome: d.deposit?.outcome,
  runnerUp: d.deposit?.runnerUp
    ? {
        bidId: d.deposit.runnerUp.bidId ? String(d.deposit.runnerUp.bidId) : null,
        dealId: d.deposit.runnerUp.dealId ? String(d.deposit.runnerUp.dealId) : null,
      }
    : null,
});

/** Refusals that depend on the listing alone, before anything is read or written. */
function assertOfferable(listing: ListingRef, user: SessionUser): void {
  const noun = listing.kind === 'offer' ? 'offer' : 'demand';
  if (!ownsListing(listing, user))
    throw AppError.forbidden(`Only the ${noun}'s owner may offer the technology to the runner-up`);
  const sealed =
    listing.kind === 'offer'
      ? listing.pricingModel === 'auction'
      : listing.demandMode === 'call_for_proposals';
  if (!sealed)
    throw AppError.conflict(
      'Only an auction or a call for proposals has a runner-up to offer the technology to',
    );
  if (listing.kind === 'demand' && listing.status !== 'published')
    throw AppError.conflict('The call for proposals has ended: none of its proposals can be chosen any more');
}

export async function offerToRunnerUp(
  user: SessionUser,
  kind: ListingKind,
  listingId: string,
  deps: NoticeDeps & { bus: EventBus },
): Promise<DealView> {
  const listing = await loadVisibleListing(kind, listingId, user);
  assertOfferable(listing, user);
  const deposits = (await depositsOfListing(listing.id)).map(depositFacts);
  const forfeit = forfeitAwaitingRunnerUp(deposits);
  if (!forfeit.ok) throw AppError.conflict(forfeit.message);
  // The walked-away winner's deal frees the offer when it ends (a step its flow or the sweeper takes).
  if (listing.kind === 'offer' && (listing.awardedBidId || listing.awardedDealId))
    throw AppError.conflict(
      'The technology is still held by a deal on this offer: it can be offered to the runner-up once that deal has ended',
    );
  const bid = await claimedRunnerUp(user, listing, forfeit, deposits);
  const current = (await loadListing(kind, listing.id)) ?? listing;
  const deal = await acceptBidAs(
    bid,
    current,
    { userId: user.id, role: kind === 'offer' ? 'seller' : 'buyer', requirePublished: false },
    deps.bus,
  );
  await recordRunnerUpDeal(forfeit.depositId, deal.id);
  // An auction's runner-up deposit kept at the close is credited to this deal (its watch job would).
  if (kind === 'offer') await settleKeptRunnerUpDeposit(listing.id, depositSettlementDeps(deps));
  const bidId = String(bid._id);
  await notifyRunnerUp(deps, listing, String(bid.bidderOrgId), bidId, deal.id);
  await recordAudit({
    actorId: user.id,
    action: 'bid.runner_up',
    targetType: kind,
    targetId: listing.id,
    data: { bidId, dealId: deal.id, forfeitedPaymentId: forfeit.depositId },
  });
  return deal;
}

/** What a runner-up's bid may stand at to be offered the deal (an accepted one: its deal is being opened). */
const OFFERABLE: Record<ListingKind, readonly BidStatus[]> = {
  offer: ['rejected', 'submitted', 'shortlisted', 'accepted'],
  demand: ['submitted', 'shortlisted', 'accepted'],
};

/**
 * The runner-up's bid, claimed on the forfeit (the one an unfinished offer claimed, if any) and,
 * for an auction, put back in the running. A claimed bid withdrawn meanwhile frees the claim and
 * the next-best is taken.
 */
async function claimedRunnerUp(
  user: SessionUser,
  listing: ListingRef,
  forfeit: { depositId: string; bidId?: string },
  deposits: readonly RunnerUpDeposit[],
): Promise<BidDoc> {
  let claimedId = forfeit.bidId;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!claimedId) {
      const bids = (await bidsOfListing(listing.kind, listing.id)).map((b) => ({
        ...b,
        id: String(b._id),
        bidderOrgId: String(b.bidderOrgId),
        submittedAt: b.createdAt,
      }));
      const pick = pickRunnerUp(
        { kind: listing.kind, currency: listing.currency, reservePrice: listing.reservePrice },
        bids,
        deposits,
      );
      if (!pick.ok) throw AppError.conflict(pick.message);
      claimedId = await claimRunnerUpOffer(forfeit.depositId, pick.bid.id, user.id);
    }
    const claimed = await bidStore.get(claimedId);
    if (claimed && OFFERABLE[listing.kind].includes(claimed.status)) {
      return listing.kind === 'offer' ? reopenRunnerUpBid(claimedId, user.id) : claimed;
    }
    await releaseRunnerUpClaim(forfeit.depositId, claimedId);
    claimedId = undefined;
  }
  throw AppError.conflict('The bids changed meanwhile: ask again');
}

/** The runner-up's members learn that the technology is offered to them, and where its deal is. */
async function notifyRunnerUp(
  deps: NoticeDeps,
  listing: ListingRef,
  orgId: string,
  bidId: string,
  dealId: string,
): Promise<void> {
  const auction = listing.kind === 'offer';
  await notifyOrg(deps, orgId, 'bid.runner_up', bidId, {
    title: {
      vi: `${auction ? 'Công nghệ được chào lại cho bạn (giá cao thứ hai)' : 'Đề xuất của bạn được chọn thay thế'}: ${listing.title}`,
      en: `${auction ? 'The technology is offered to you as the runner-up' : 'Your proposal is chosen as the runner-up'}: ${listing.title}`,
    },
    body: {
      vi: auction
        ? 'Bên thắng đã rút lui. Một giao dịch theo giá bạn đã đặt đã được mở; tiền đặt cọc được giữ lại của bạn được trừ vào phí giao dịch. Hãy đàm phán, hoặc hủy nếu bạn không còn muốn mua.'
        : 'Bên được chọn trước đã rút lui. Một giao dịch theo đề xuất của bạn đã được mở; tiền đặt cọc của bạn được trừ vào phí giao dịch.',
      en: auction
        ? 'The winner walked away. A deal at your bid has been opened; the deposit kept since the close is credited to its fees. Negotiate it, or cancel it if you no longer wish to buy.'
        : 'The proposer chosen first walked away. A deal on your proposal has been opened; your deposit is credited to its fees.',
    },
    link: `/deals/${dealId}`,
    data: { bidId, dealId, listingKind: listing.kind, listingId: listing.id },
  });
}
