/** Placing bids and proposals, and listing them for whoever may see them. */
import mongoose from 'mongoose';
import { AppError } from '../common/errors';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import type { ListingKind, BidStatus, Currency } from '../api-contract/enums';
import { recordAudit } from '../audit';
import { organizationNames } from '../deals';
import { canPlaceBid, canSeeBid, isSealed, takesSealedBids, type PlaceBidRefusal } from './bid-lifecycle';
import type { BidDoc } from './bid.model';
import { bidReads, createBid } from './bid.store';
import { bidView, type BidView } from './bid.view';
import type { BidBody } from './bid.schemas';
import { ownsListing, loadListing, loadVisibleListing, type ListingRef } from '../listings';
import { toBiddable } from './biddable';
import { hasPaidDeposit } from '../payments';
import { formatMoney } from '../fees';

export async function viewBids(docs: BidDoc[]): Promise<BidView[]> {
  const names = await organizationNames(docs.map((b) => String(b.bidderOrgId)));
  return docs.map((b) => bidView(b, names));
}

function placeRefusal(reason: PlaceBidRefusal, message: string): AppError {
  if (reason === 'unverified_org' || reason === 'own_listing') return AppError.forbidden(message);
  if (reason === 'not_published' || reason === 'deadline_passed') return AppError.conflict(message);
  const field = reason === 'invalid_amount' ? 'amount' : 'currency';
  return AppError.validation([{ field, message }], message);
}

function assertListingTakesBid(listing: ListingRef, input: BidBody): void {
  if (listing.deadlineClosedAt) throw AppError.conflict('The deadline for bids has passed.');
  if (listing.awardedBidId || listing.awardedDealId)
    throw AppError.conflict('This technology has already been awarded.');
  if (listing.transferModes.length > 0 && !listing.transferModes.includes(input.transferMode)) {
    const message = `transferMode must be one of ${listing.transferModes.join(', ')}`;
    throw AppError.validation([{ field: 'transferMode', message }], message);
  }
}

export async function placeBid(
  user: SessionUser,
  kind: ListingKind,
  listingId: string,
  input: BidBody,
  bus: EventBus,
): Promise<BidView> {
  const listing = await loadVisibleListing(kind, listingId, user);
  const bidderOrgId = actingOrganizationId(user);
  const now = new Date();
  const decision = canPlaceBid({
    listing: toBiddable(listing),
    bidderOrgId: bidderOrgId ?? '',
    bidderOrgVerified: !!bidderOrgId && !!user.organization?.verified,
    bid: input,
    now,
  });
  if (!decision.ok) throw placeRefusal(decision.reason, decision.message);
  assertListingTakesBid(listing, input);
  if (listing.deposit && bidderOrgId && !(await hasPaidDeposit(listing.id, bidderOrgId))) {
    const deposit = formatMoney(listing.deposit.amount, listing.deposit.currency as Currency, user.locale);
    throw AppError.conflict(
      kind === 'offer'
        ? `This auction asks each bidder a deposit of ${deposit}: pay it before you bid`
        : `This call for proposals asks each proposer a deposit of ${deposit}: pay it before you send a proposal`,
    );
  }
  const bid = await createBid({
    listingKind: kind,
    listingId: listing.id,
    listingTitle: listing.title,
    listingOwnerOrgId: listing.ownerOrgId,
    bidderOrgId,
    createdBy: user.id,
    ...input,
    sealed: takesSealedBids(toBiddable(listing)),
  });
  bus?.publish('bid.changed', bidEvent(bid));
  await recordAudit({
    actorId: user.id,
    action: 'bid.place',
    targetType: 'bid',
    targetId: String(bid._id),
    data: { kind, listingId },
  });
  const [view] = await viewBids([bid]);
  return view;
}

export function bidEvent(bid: BidDoc) {
  return {
    bidId: String(bid._id),
    listingKind: bid.listingKind as ListingKind,
    listingId: String(bid.listingId),
    status: bid.status as BidStatus,
    bidderOrgId: String(bid.bidderOrgId),
    listingOwnerOrgId: String(bid.listingOwnerOrgId),
    ...(bid.listingTitle ? { listingTitle: bid.listingTitle } : {}),
  };
}

/**
 * The bids of a listing that `user` may see: operators all; the owner all, except sealed ones
 * before the deadline; a bidder their own organization's.
 */
export async function listListingBids(
  user: SessionUser,
  kind: ListingKind,
  listingId: string,
  page: BidPage = { limit: 100 },
) {
  const listing = await loadVisibleListing(kind, listingId, user);
  const now = new Date();
  const biddable = toBiddable(listing);
  const sealed = isSealed(biddable, now);
  const orgId = actingOrganizationId(user);
  const filter: Record<string, unknown> = { listingKind: kind, listingId: listing.id };
  const owner = ownsListing(listing, user);
  const seesAll = owner ? !sealed : user.role === 'admin';
  const summary = { listing: listingSummary(listing), sealed, deadline: listing.deadline?.toISOString() };
  if (!seesAll) {
    if (!orgId || owner) return { bids: [], ...summary };
    filter.bidderOrgId = orgId;
  }
  if (page.cursor) filter._id = mongoose.trusted({ $gt: new mongoose.Types.ObjectId(page.cursor) });
  const fetched = (await bidReads
    .find(filter)
    .sort({ _id: 1 })
    .limit(page.limit + 1)
    .lean()) as BidDoc[];
  const { docs, nextCursor } = pageOf(fetched, page.limit);
  const visible = docs.filter((b) =>
    canSeeBid({
      viewer: { role: user.role, organizationId: orgId },
      bid: { bidderOrgId: String(b.bidderOrgId) },
      listing: biddable,
      now,
    }),
  );
  return { bids: await viewBids(visible), ...summary, ...(nextCursor ? { nextCursor } : {}) };
}

export interface BidPage {
  limit: number;
  cursor?: string;
}

/** The page's bids (one more was fetched to tell whether another page follows) and the cursor of the next. */
function pageOf(fetched: BidDoc[], limit: number): { docs: BidDoc[]; nextCursor?: string } {
  if (fetched.length <= limit) return { docs: fetched };
  const docs = fetched.slice(0, limit);
  return { docs, nextCursor: String(docs[docs.length - 1]._id) };
}

/** What a bid form needs to know of the listing. */
export function listingSummary(listing: ListingRef) {
  return {
    kind: listing.kind,
    id: listing.id,
    title: listing.title,
    status: listing.status,
    ownerOrgId: listing.ownerOrgId,
    currency: listing.currency ?? undefined,
    transferModes: listing.transferModes,
    pricingModel: listing.pricingModel,
    demandMode: listing.demandMode,
    takesSealedBids: takesSealedBids(toBiddable(listing)),
    deadline: listing.deadline ? new Date(listing.deadline).toISOString() : undefined,
    closedAt: listing.deadlineClosedAt ? new Date(listing.deadlineClosedAt).toISOString() : undefined,
    awarded: Boolean(listing.awardedBidId || listing.awardedDealId),
  };
}

/** `GET /api/bids?mine=true`: bids and proposals my organization placed (operators: all with mine=false). */
export async function listMyBids(user: SessionUser, query: { mine: boolean; status?: BidStatus } & BidPage) {
  const filter: Record<string, unknown> = {};
  if (query.mine || user.role !== 'admin') {
    const orgId = actingOrganizationId(user);
    if (!orgId) return { bids: [] };
    filter.bidderOrgId = orgId;
  }
  if (query.status) filter.status = query.status;
  if (query.cursor) filter._id = mongoose.trusted({ $lt: new mongoose.Types.ObjectId(query.cursor) });
  const fetched = (await bidReads
    .find(filter)
    .sort({ _id: -1 })
    .limit(query.limit + 1)
    .lean()) as BidDoc[];
  const { docs, nextCursor } = pageOf(fetched, query.limit);
  return {
    bids: await viewBids(await withoutSealedOwnBids(user, docs)),
    ...(nextCursor ? { nextCursor } : {}),
  };
}

/** An operator listing every bid does not see the still-sealed bids on their own organization's listings. */
async function withoutSealedOwnBids(user: SessionUser, docs: BidDoc[]): Promise<BidDoc[]> {
  const orgId = actingOrganizationId(user);
  if (!orgId) return docs;
  const now = new Date();
  const listings = new Map<string, ListingRef | null>();
  const shown: BidDoc[] = [];
  for (const bid of docs) {
    if (String(bid.listingOwnerOrgId) !== orgId || !bid.sealed) {
      shown.push(bid);
      continue;
    }
    const key = `${bid.listingKind}:${String(bid.listingId)}`;
    if (!listings.has(key)) listings.set(key, await loadListing(bid.listingKind, String(bid.listingId)));
    const listing = listings.get(key);
    const viewer = { role: user.role, organizationId: orgId };
    if (
      listing &&
      canSeeBid({ viewer, bid: { bidderOrgId: String(bid.bidderOrgId) }, listing: toBiddable(listing), now })
    )
      shown.push(bid);
  }
  return shown;
}
