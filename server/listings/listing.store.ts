/**
 * The listing store: the only code that writes offers and demands, and the owner of what is
 * decided once about a listing (an offer's award, an auction's or a call's close, as claims).
 * Every write goes through `RecordStore.mutate` under the listing's lock and carries the search
 * mark and the revision bump in the same single-document update, so the search index can never
 * miss a change that reached the database.
 */
import mongoose from 'mongoose';
import type { ListingKind, ListingStatus } from '../api-contract/enums';
import type { EventBus } from '../common/events';
import { OfferModel } from '../offers/offer.model';
import { DemandModel } from '../demands/demand.model';
import { claimOnce, readClaim, readClaims, releaseClaim, updateClaimData } from '../common/claims';
import { RecordStore, holdLocks, type Change, type ModelReads } from '../common/store';
import { AppError } from '../common/errors';
import { commitmentConflict, sameHolder, type CommitmentHolder } from './exclusivity';
import type { StoredRevision } from './listing-revision';

/** A stored offer or demand, as read with `.lean()`. */
export interface ListingDoc {
  _id: mongoose.Types.ObjectId;
  organizationId: mongoose.Types.ObjectId;
  status: ListingStatus;
  rev?: number;
  searchDirty?: boolean;
  [field: string]: any;
}

export const LISTING_KINDS_STORED: readonly ListingKind[] = ['offer', 'demand'];

export function listingLabel(kind: ListingKind): 'Offer' | 'Demand' {
  return kind === 'offer' ? 'Offer' : 'Demand';
}

export const listingLockKey = (kind: ListingKind, id: string) => `listing:${kind}:${id}`;

/** Every change marks the listing dirty for search and bumps its revision. */
function markChanged(change: Change): Change {
  return {
    ...change,
    $set: { ...(change.$set as object), searchDirty: true },
    $inc: { ...(change.$inc as object), rev: 1 },
  };
}

const stores: Record<ListingKind, RecordStore<ListingDoc>> = {
  offer: new RecordStore<ListingDoc>({
    label: 'Offer',
    model: OfferModel,
    lockKey: (id) => listingLockKey('offer', id),
    recordType: 'offer',
    decorate: markChanged,
  }),
  demand: new RecordStore<ListingDoc>({
    label: 'Demand',
    model: DemandModel,
    lockKey: (id) => listingLockKey('demand', id),
    recordType: 'demand',
    decorate: markChanged,
  }),
};

export function listingStore(kind: ListingKind): RecordStore<ListingDoc> {
  return stores[kind];
}

/** Reads of offers or demands for code outside the store (no writes: they go through the store). */
export function listingModel(kind: ListingKind): ModelReads<mongoose.Model<any>> {
  return kind === 'offer' ? OfferModel : DemandModel;
}

/** The number of stored listings of a kind, for progress only: FerretDB counts by reading every document, but keeps statistics. */
export async function roughListingCount(kind: ListingKind): Promise<number> {
  const model = kind === 'offer' ? OfferModel : DemandModel;
  try {
    const stats = await model.db.db!.command({ collStats: model.collection.collectionName });
    if (typeof stats.count === 'number') return stats.count;
  } catch {
    // not offered by this server, or the collection does not exist yet
  }
  return model.estimatedDocumentCount();
}

export async function findListingDoc(kind: ListingKind, id: string): Promise<ListingDoc | null> {
  return stores[kind].get(id);
}

/** Wakes the search indexer (and anyone else listening) once a listing change is stored. */
export function announceListingChange(bus: EventBus, kind: ListingKind, id: string): void {
  bus.publish('listing.changed', { kind, id });
}

export async function createListingDoc(
  kind: ListingKind,
  fields: Record<string, unknown>,
): Promise<ListingDoc> {
  return stores[kind].create({ ...fields, rev: 1, searchDirty: true });
}

/** Holds a listing's lock for a flow that writes it and records after it (see LOCK_ORDER). */
export function holdListing<T>(kind: ListingKind, id: string, fn: () => Promise<T>): Promise<T> {
  return holdLocks([listingLockKey(kind, id)], fn);
}

function toUpdate(set: Record<string, unknown>, unset: string[]): Change {
  const change: Change = { $set: set };
  if (unset.length > 0) change.$unset = Object.fromEntries(unset.map((k) => [k, 1]));
  return change;
}

/** Applies a change only when the listing still has the `expected` values; null when it does not. */
export async function updateListingIf(
  kind: ListingKind,
  expected: Record<string, unknown> & { _id: unknown },
  set: Record<string, unknown>,
  unset: string[] = [],
): Promise<ListingDoc | null> {
  const { _id, ...fields } = expected;
  const { doc, written } = await stores[kind].mutate(String(_id), (current) => {
    const same = Object.entries(fields).every(([k, v]) => String(current[k]) === String(v));
    return { change: same ? toUpdate(set, unset) : null, result: null };
  });
  return written ? doc : null;
}

/** Adds an attachment to the owner's listing unless it already holds `max`; null when refused. */
export async function addAttachment(
  kind: ListingKind,
  id: string,
  ownerOrgId: string,
  attachment: Record<string, unknown>,
  max: number,
): Promise<ListingDoc | null> {
  const { doc, written } = await stores[kind].mutate(id, (current) => {
    const fits = String(current.organizationId) === ownerOrgId && (current.attachments ?? []).length < max;
    return { change: fits ? { $push: { attachments: attachment } } : null, result: null };
  });
  return written ? doc : null;
}

/** Rewrites the attachment list without it ($pull by a sub-document's id is not reliable on FerretDB). */
export async function removeAttachment(kind: ListingKind, id: string, attachmentId: string): Promise<void> {
  await stores[kind].mutate(id, (current) => {
    const attachments = (current.attachments ?? []) as { _id: unknown }[];
    if (!attachments.some((a) => String(a._id) === attachmentId)) return { result: null };
    return {
      change: { $set: { attachments: attachments.filter((a) => String(a._id) !== attachmentId) } },
      result: null,
    };
  });
}

/** Adds an image to the owner's listing while it holds fewer than `max` and has not ended; null when refused. */
export async function addListingImage(
  kind: ListingKind,
  id: string,
  ownerOrgId: string,
  image: Record<string, unknown>,
  max: number,
  endedStatuses: readonly string[],
): Promise<ListingDoc | null> {
  const { doc, written } = await stores[kind].mutate(id, (current) => {
    const fits =
      String(current.organizationId) === ownerOrgId &&
      !endedStatuses.includes(String(current.status)) &&
      (current.images ?? []).length < max;
    return { change: fits ? { $push: { images: image } } : null, result: null };
  });
  return written ? doc : null;
}

/** Rewrites the image list without it; false when the listing holds no such image. */
export async function removeListingImage(kind: ListingKind, id: string, imageId: string): Promise<boolean> {
  const { result } = await stores[kind].mutate(id, (current) => {
    const images = (current.images ?? []) as { _id: unknown }[];
    if (!images.some((i) => String(i._id) === imageId)) return { result: false };
    return { change: { $set: { images: images.filter((i) => String(i._id) !== imageId) } }, result: true };
  });
  return result;
}

/** After indexing revision `rev`, clears the search mark, unless the listing changed or is being written. */
export async function clearSearchMark(kind: ListingKind, id: string, rev: number | undefined): Promise<void> {
  await stores[kind].mutateIfFree(
    id,
    (current) => ({
      change: current.searchDirty !== false && current.rev === rev ? { $set: { searchDirty: false } } : null,
      result: null,
    }),
    { bare: true, timestamps: false },
  );
}

// ── Revisions: a published listing's pending change, kept beside it until an operator decides. ──

/**
 * Stores (or replaces) the listing's pending revision. `decide` sees the listing under its lock
 * and throws an AppError to refuse (nothing is written then). The published fields, and the
 * listing's `updatedAt`, stay as they are; the search mark is set as for any write, so the index
 * takes the (unchanged) published text again.
 */
export async function storeListingRevision(
  kind: ListingKind,
  id: string,
  decide: (current: ListingDoc) => StoredRevision,
): Promise<ListingDoc> {
  const { doc } = await stores[kind].mutate(
    id,
    (current) => ({ change: { $set: { revision: decide(current) } }, result: null }),
    { timestamps: false },
  );
  return doc;
}

/** Drops the pending revision (withdrawn by the owner, refused by an operator); `decide` may refuse. */
export async function dropListingRevision(
  kind: ListingKind,
  id: string,
  decide: (current: ListingDoc) => StoredRevision,
): Promise<{ doc: ListingDoc; dropped: StoredRevision }> {
  const { doc, result } = await stores[kind].mutate(
    id,
    (current) => ({ change: { $unset: { revision: 1 } }, result: decide(current) }),
    { timestamps: false },
  );
  return { doc, dropped: result };
}

/** Applies the pending revision to the published fields and drops it, in one write; `decide` may refuse. */
export async function applyListingRevision(
  kind: ListingKind,
  id: string,
  decide: (current: ListingDoc) => StoredRevision,
): Promise<{ doc: ListingDoc; applied: StoredRevision }> {
  const { doc, result } = await stores[kind].mutate(id, (current) => {
    const revision = decide(current);
    const unset = Object.fromEntries(['revision', ...revision.unset].map((k) => [k, 1]));
    return { change: { $set: { ...revision.set }, $unset: unset }, result: revision };
  });
  return { doc, applied: result };
}

// ── Closes: an auction's and a call for proposals' close is decided once, by a claim. ──

/** The claim that decides a listing's close: `auction-close:<id>` or `call-close:<id>`. */
export const closeKey = (kind: ListingKind, id: string) =>
  `${kind === 'offer' ? 'auction' : 'call'}-close:${id}`;

export interface AuctionClose {
  outcome: 'sold' | 'reserve_not_met' | 'no_bids';
  winningBidId?: string;
  closedAt: Date;
}

/** Records the close decision once; the stored decision (this one or an earlier one) and whether it is this one. */
export async function decideClose<T extends object>(
  kind: ListingKind,
  id: string,
  decision: T,
): Promise<{ decided: T; now: boolean }> {
  if (await claimOnce(closeKey(kind, id), { ...(decision as Record<string, unknown>) }))
    return { decided: decision, now: true };
  return { decided: (await readClaim<T>(closeKey(kind, id)))!.data, now: false };
}

export async function readClose<T>(kind: ListingKind, id: string): Promise<T | null> {
  return (await readClaim<T>(closeKey(kind, id)))?.data ?? null;
}

/** The first step of an auction's close: the offer stops taking bids and decisions (status closed). */
export async function closeAuctionOffer(offerId: string, closedAt: Date): Promise<void> {
  await stores.offer.mutate(offerId, (offer) => ({
    change: offer.status === 'published' ? { $set: { status: 'closed', closedAt } } : null,
    result: null,
  }));
}

/** The last step: the outcome (`auction.{closedAt,outcome,winningBidId}`), once the winner's deal exists. */
export async function recordAuctionOutcome(offerId: string, close: AuctionClose): Promise<void> {
  await stores.offer.mutate(offerId, (offer) => {
    if (offer.auction?.closedAt) return { result: null };
    const set: Record<string, unknown> = {
      'auction.closedAt': close.closedAt,
      'auction.outcome': close.outcome,
      ...(close.winningBidId ? { 'auction.winningBidId': close.winningBidId } : {}),
    };
    return { change: { $set: set }, result: null };
  });
}

/** Marks the call for proposals closed (its proposals unseal), once. */
export async function markCallClosed(demandId: string, closedAt: Date): Promise<void> {
  await stores.demand.mutate(demandId, (demand) => ({
    change: demand.callClosedAt ? null : { $set: { callClosedAt: closedAt } },
    result: null,
  }));
}

// ── Awards: an offer sold once is held by the first accepted bid to claim it. ──

export interface OfferAward {
  /** Absent when a deal opened directly (not from a bid) holds the offer. */
  bidId?: string;
  dealId?: string;
}

const awardKey = (offerId: string) => `offer-award:${offerId}`;

/** The claims that decide a listing's award and close, read together. */
export async function readListingDecisions(
  kind: ListingKind,
  id: string,
): Promise<{ award?: OfferAward; closedAt?: Date }> {
  const claims = await readClaims<{ bidId?: string; dealId?: string; closedAt?: Date }>([
    awardKey(id),
    closeKey(kind, id),
  ]);
  const award = kind === 'offer' ? claims.get(awardKey(id))?.data : undefined;
  const closed = claims.get(closeKey(kind, id));
  return {
    ...(award?.bidId || award?.dealId
      ? { award: { bidId: award.bidId ?? undefined, dealId: award.dealId ?? undefined } }
      : {}),
    ...(closed ? { closedAt: closed.data.closedAt ?? closed.at } : {}),
  };
}

export async function readOfferAward(offerId: string): Promise<OfferAward | null> {
  return (await readClaim<OfferAward>(awardKey(offerId)))?.data ?? null;
}

/** Claims the offer for `bidId`; true when this call (or an earlier one for the same bid) holds it. */
export async function claimOfferAward(
  offerId: string,
  bidId: string,
  opts: { requirePublished: boolean },
): Promise<boolean> {
  if (opts.requirePublished) {
    const offer = await stores.offer.get(offerId);
    if (offer?.status !== 'published') return false;
  }
  if (await claimOnce(awardKey(offerId), { bidId })) {
    await writeAwardCopy(offerId, { $set: { award: { bidId, at: new Date() } } });
    return true;
  }
  const award = await readOfferAward(offerId);
  if (award?.bidId !== bidId) return false;
  await writeAwardCopy(offerId, { $set: { 'award.bidId': bidId } }, (offer) => !offer.award?.bidId);
  return true;
}

export async function recordAwardDeal(offerId: string, bidId: string, dealId: string): Promise<void> {
  const award = await readOfferAward(offerId);
  if (award?.bidId !== bidId) return;
  if (award.dealId !== dealId) await updateClaimData(awardKey(offerId), { dealId });
  await writeAwardCopy(
    offerId,
    { $set: { 'award.dealId': dealId } },
    (offer) => offer.award?.dealId !== dealId,
  );
}

/** Frees the offer again when the bid holding it could not become a deal, or its deal failed. */
export async function releaseOfferAward(
  offerId: string,
  holder: { bidId?: string; dealId?: string },
): Promise<void> {
  const award = await readOfferAward(offerId);
  if (!award) return;
  const holds = holder.dealId
    ? award.dealId === holder.dealId
    : !!holder.bidId && award.bidId === holder.bidId;
  if (!holds) return;
  await releaseClaim(awardKey(offerId));
  await writeAwardCopy(offerId, { $unset: { award: 1 } }, (offer) => !!offer.award);
}

/**
 * Commits the offer to an agreement, decided under the offer's lock (the caller's flow holds it,
 * or it is taken here): an exclusive one takes the award claim, a non-exclusive one a place among
 * the licensees. A conflict (exclusivity.ts) is a 409 and writes nothing; asking again for the
 * same holder changes nothing.
 */
export function commitOffer(offerId: string, holder: CommitmentHolder, exclusive: boolean): Promise<void> {
  return holdListing('offer', offerId, async () => {
    const offer = await stores.offer.get(offerId);
    if (!offer) throw AppError.notFound('Offer');
    const award = await readOfferAward(offerId);
    const licensees = (offer.licensees ?? []) as string[];
    const conflict = commitmentConflict({ award, licensees }, { ...holder, exclusive });
    if (conflict) throw AppError.conflict(conflict);
    if (exclusive) await takeAward(offerId, holder, award);
    else if (holder.dealId && !licensees.includes(holder.dealId)) {
      const dealId = holder.dealId;
      await stores.offer.mutate(offerId, (current) =>
        ((current.licensees ?? []) as string[]).includes(dealId)
          ? { result: null }
          : { change: { $push: { licensees: dealId } }, result: null },
      );
    }
  });
}

async function takeAward(offerId: string, holder: CommitmentHolder, award: OfferAward | null): Promise<void> {
  const data = {
    ...(holder.bidId ? { bidId: holder.bidId } : {}),
    ...(holder.dealId ? { dealId: holder.dealId } : {}),
  };
  if (!award) {
    if (!(await claimOnce(awardKey(offerId), data))) {
      const now = await readOfferAward(offerId);
      if (!now || !sameHolder(now, holder))
        throw AppError.conflict('Another buyer was committed this technology first.');
    }
  } else if (holder.dealId && award.dealId !== holder.dealId) {
    await updateClaimData(awardKey(offerId), { dealId: holder.dealId });
  }
  const stored = { ...data, ...(award?.bidId ? { bidId: award.bidId } : {}) };
  await writeAwardCopy(
    offerId,
    { $set: { award: { ...stored, at: new Date() } } },
    (offer) => offer.award?.bidId !== stored.bidId || offer.award?.dealId !== stored.dealId,
  );
}

/** Frees what the deal held of the offer (its award, its licence) once the deal is cancelled or lost. */
export async function releaseOfferCommitment(offerId: string, dealId: string): Promise<void> {
  await releaseOfferAward(offerId, { dealId });
  const seen = await stores.offer.get(offerId);
  if (!((seen?.licensees ?? []) as string[]).includes(dealId)) return;
  await stores.offer.mutate(offerId, (offer) => {
    const licensees = (offer.licensees ?? []) as string[];
    if (!licensees.includes(dealId)) return { result: null };
    return { change: { $set: { licensees: licensees.filter((id) => id !== dealId) } }, result: null };
  });
}

/**
 * Of these ended deals, those still holding their offer (its award claim or a licence): the ones
 * `releaseOfferCommitment` has work for. Read in two commands for the lot, not two a deal.
 */
export async function dealsHoldingTheirOffers(
  deals: readonly { offerId: string; dealId: string }[],
): Promise<Set<string>> {
  if (deals.length === 0) return new Set();
  const offerIds = [...new Set(deals.map((d) => d.offerId))];
  const [claims, offers] = await Promise.all([
    readClaims<OfferAward>(offerIds.map(awardKey)),
    stores.offer.getMany(offerIds),
  ]);
  const holds = ({ offerId, dealId }: { offerId: string; dealId: string }) =>
    claims.get(awardKey(offerId))?.data.dealId === dealId ||
    ((offers.get(offerId)?.licensees ?? []) as string[]).includes(dealId);
  return new Set(deals.filter(holds).map((d) => d.dealId));
}

/** The deals holding a licence of the offer (for the bid path's check under the offer's lock). */
export async function readOfferCommitments(
  offerId: string,
): Promise<{ award: OfferAward | null; licensees: string[] }> {
  const [offer, award] = await Promise.all([stores.offer.get(offerId), readOfferAward(offerId)]);
  return { award, licensees: ((offer?.licensees ?? []) as string[]).slice() };
}

async function writeAwardCopy(
  offerId: string,
  change: Change,
  needed: (offer: ListingDoc) => boolean = () => true,
): Promise<void> {
  await stores.offer.mutate(offerId, (offer) => ({ change: needed(offer) ? change : null, result: null }));
}

/** Shows a published appraisal on the listing (its badge): the assessed TRL, when, and its summary. */
export async function setListingAppraisal(
  kind: ListingKind,
  id: string,
  appraisal: { id: string; type: string; trlAssessed: number; at: Date; summary: string },
): Promise<void> {
  await stores[kind].mutate(id, () => ({ change: { $set: { appraisal } }, result: null }));
}
