/**
 * How deals begin: from an accepted bid (with the bid as term sheet version 1) or from a party
 * that opens a negotiation on a published listing directly.
 */
import mongoose from 'mongoose';
import { AppError } from '../common/errors';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import {
  EXCLUSIVE_TRANSFER_MODES,
  type Currency,
  type ListingKind,
  type DealRole,
  type TransferMode,
} from '../api-contract/enums';
import { recordAudit } from '../audit';
import { ownsListing, loadVisibleListing, type ListingRef } from '../listings';
import type { DealDoc } from './deal.model';
import { createDealDoc, dealReads, dealStore, findDealOfBid, holdDealOpening } from './deal.store';
import { MAX_TERM_SHEET_VERSIONS } from './term-sheet-rules';
import { dealView, type DealView } from './deal.view';
import { publishDealEvent } from './deal-events';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { allocateDealReference } from './deal-reference.store';

/** The accepted bid a deal begins from (the bids component's record, as deals need it). */
export interface OpeningBid {
  _id: mongoose.Types.ObjectId;
  amount: number;
  currency: Currency;
  transferMode: TransferMode;
  createdBy: mongoose.Types.ObjectId;
}

interface NewDeal {
  listing: ListingRef;
  /** The organization that is not the listing's owner. */
  counterpartOrgId: string;
  createdBy: string;
  actor: { userId?: string; role: DealRole };
  bid?: OpeningBid;
  /** A meeting at an event the negotiation comes from. */
  source?: DealSource;
}

/** A meeting at an event a negotiation comes from. */
type DealSource = { kind: 'event'; eventId: string; meetingId: string };

/**
 * Checks that a meeting of the organization allows opening a deal on the listing and names it as
 * the deal's source (the events component's meetingSourceFor, which app.ts passes in).
 */
export type MeetingSourceFor = (
  meetingId: string,
  orgId: string,
  listing: { kind: ListingKind; id: string; ownerOrgId: string },
) => Promise<DealSource>;

function partiesOf(listing: ListingRef, counterpartOrgId: string) {
  return listing.kind === 'offer'
    ? { sellerOrgId: listing.ownerOrgId, buyerOrgId: counterpartOrgId }
    : { sellerOrgId: counterpartOrgId, buyerOrgId: listing.ownerOrgId };
}

/** The bid, as the first term sheet, proposed by its author on their side of the deal. */
function termSheetFromBid(bid: OpeningBid, listingKind: ListingKind) {
  return {
    version: 1,
    price: bid.amount,
    currency: bid.currency,
    exclusivity: EXCLUSIVE_TRANSFER_MODES.includes(bid.transferMode),
    transferMode: bid.transferMode,
    milestones: [],
    proposedBy: bid.createdBy,
    proposedByRole: listingKind === 'offer' ? 'buyer' : 'seller',
    acceptedBy: [],
    createdAt: new Date(),
  };
}

/** Creates the deal; for a bid that already has one (a retried accept), returns that one. */
export async function createDeal(
  input: NewDeal,
  bus: EventBus,
): Promise<{ deal: DealView; created: boolean }> {
  const { listing, bid } = input;
  const firstSheet = bid && bid.amount > 0 ? termSheetFromBid(bid, listing.kind) : undefined;
  const now = new Date();
  let doc: DealDoc;
  try {
    doc = await createDealDoc({
      reference: await allocateDealReference(now),
      listingKind: listing.kind,
      ...(listing.kind === 'offer' ? { offerId: listing.id } : { demandId: listing.id }),
      listingTitle: listing.title,
      field: listing.field,
      ...(bid ? { bidId: bid._id } : {}),
      ...(input.source ? { source: input.source } : {}),
      ...partiesOf(listing, input.counterpartOrgId),
      status: 'negotiating',
      createdBy: input.createdBy,
      termSheets: firstSheet ? [firstSheet] : [],
      latestVersion: firstSheet ? 1 : 0,
      timeline: [
        {
          at: now,
          actorId: input.actor.userId,
          actorRole: input.actor.role,
          event: 'created',
          to: 'negotiating',
          data: bid
            ? { bidId: String(bid._id), termSheetVersion: firstSheet ? 1 : undefined }
            : input.source
              ? { eventId: input.source.eventId, meetingId: input.source.meetingId }
              : {},
        },
      ],
    });
  } catch (err) {
    if (bid && isDuplicateKeyError(err)) {
      const existing = await findDealOfBid(bid._id);
      if (existing) return { deal: dealView(existing), created: false };
    }
    throw err;
  }
  const deal = dealView(doc);
  publishDealEvent(bus, deal.id, 'deal:created', {});
  if (deal.termSheets[0]) publishDealEvent(bus, deal.id, 'terms:proposed', { termSheet: deal.termSheets[0] });
  await recordAudit({
    actorId: input.actor.userId,
    action: 'deal.create',
    targetType: 'deal',
    targetId: deal.id,
    data: { listingKind: listing.kind, listingId: listing.id, ...(bid ? { bidId: String(bid._id) } : {}) },
  });
  return { deal, created: true };
}

/**
 * `POST /api/deals {offerId | demandId, meetingId?}`: a verified organization opens a negotiation
 * on someone else's listing, maybe following an accepted meeting at an event with its owner (the
 * deal then carries the event as its source).
 */
export async function openDealDirect(
  user: SessionUser,
  input: { offerId?: string; demandId?: string; meetingId?: string },
  bus: EventBus,
  meetingSourceFor: MeetingSourceFor,
): Promise<DealView> {
  const kind: ListingKind = input.offerId ? 'offer' : 'demand';
  const listing = await loadVisibleListing(kind, (input.offerId ?? input.demandId)!, user);
  const orgId = actingOrganizationId(user)!;
  if (ownsListing(listing, user)) throw AppError.forbidden('You cannot open a deal on your own listing.');
  if (listing.status !== 'published') throw AppError.conflict('This listing is not open for negotiation.');
  if (listing.awardedBidId || listing.awardedDealId)
    throw AppError.conflict('This technology has already been awarded to another buyer.');
  if (listing.kind === 'offer' && listing.pricingModel === 'auction')
    throw AppError.conflict('An auction is decided by its close alone: place a bid instead.');
  const source = input.meetingId ? await meetingSourceFor(input.meetingId, orgId, listing) : undefined;
  return holdDealOpening(listing.id, orgId, () => openOnce(user, listing, orgId, bus, source));
}

/** One open deal per organization and listing: checked and created under the lock above. */
async function openOnce(
  user: SessionUser,
  listing: ListingRef,
  orgId: string,
  bus: EventBus,
  source?: DealSource,
): Promise<DealView> {
  const kind = listing.kind;
  const open = await findOpenDealOn(listing, orgId);
  if (open) {
    const name = open.reference ?? String(open._id);
    throw new AppError('conflict', `Your organization already has an open deal on this listing: ${name}.`, [
      {
        field: 'dealId',
        message: `The open deal ${name}`,
        type: 'deal.open_exists',
        value: String(open._id),
      },
    ]);
  }
  const role: DealRole = kind === 'offer' ? 'buyer' : 'seller';
  const { deal } = await createDeal(
    { listing, counterpartOrgId: orgId, createdBy: user.id, actor: { userId: user.id, role }, source },
    bus,
  );
  return deal;
}

const OPEN_DEAL_STATUSES = ['negotiating', 'agreed', 'awaiting_payment', 'delivering'];

/** The open (not ended) deal the organization has on the listing, as either party, if any. */
export async function findOpenDealOn(listing: ListingRef, orgId: string): Promise<DealDoc | null> {
  const org = new mongoose.Types.ObjectId(orgId);
  const filter: Record<string, unknown> = {
    [listing.kind === 'offer' ? 'offerId' : 'demandId']: new mongoose.Types.ObjectId(listing.id),
    $or: [{ sellerOrgId: org }, { buyerOrgId: org }],
    status: mongoose.trusted({ $in: OPEN_DEAL_STATUSES }),
  };
  return (await dealReads.findOne(filter).lean()) as DealDoc | null;
}

/**
 * An accepted bid from an organization that already negotiates this listing continues that deal
 * instead of opening a twin: the bid joins it as the next term-sheet version while it is still
 * negotiating, and its acceptance is recorded in the timeline (once, however often it is retried).
 */
export async function continueDealWithBid(
  open: DealDoc,
  bid: OpeningBid,
  listingKind: ListingKind,
  actor: { userId?: string; role: DealRole },
  bus: EventBus,
): Promise<DealView> {
  const bidId = String(bid._id);
  const { doc, result: version } = await dealStore.mutate(open._id, (current) => {
    const done = (current.timeline ?? []).some(
      (e) => e.event === 'bid_accepted' && (e.data as { bidId?: string } | undefined)?.bidId === bidId,
    );
    if (done) return { change: null, result: 0 };
    const next = (current.latestVersion ?? 0) + 1;
    const addsTerms = current.status === 'negotiating' && bid.amount > 0 && next <= MAX_TERM_SHEET_VERSIONS;
    const now = new Date();
    const entry = {
      at: now,
      actorId: actor.userId,
      actorRole: actor.role,
      event: 'bid_accepted',
      data: { bidId, ...(addsTerms ? { termSheetVersion: next } : {}) },
    };
    const sheet = { ...termSheetFromBid(bid, listingKind), version: next, createdAt: now };
    return {
      change: {
        $push: addsTerms ? { termSheets: sheet, timeline: entry } : { timeline: entry },
        ...(addsTerms || !current.bidId
          ? { $set: { ...(addsTerms ? { latestVersion: next } : {}), ...(current.bidId ? {} : { bidId }) } }
          : {}),
      },
      result: addsTerms ? next : 0,
    };
  });
  const deal = dealView(doc);
  if (version > 0)
    publishDealEvent(bus, deal.id, 'terms:proposed', { termSheet: deal.termSheets[version - 1] });
  return deal;
}
