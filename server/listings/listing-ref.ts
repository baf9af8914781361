/**
 * Offers and demands as the bid, deal, document and event rules see them: one shape for both
 * kinds, read through the listing store (cached, replaced by its writes).
 */
import { callDepositOf, depositOf } from './listing-deposits';
import type {
  ConfidentialAccessPolicy,
  Currency,
  DemandMode,
  ListingKind,
  ListingStatus,
  PricingModel,
  TransferMode,
} from '../api-contract/enums';
import { AppError } from '../common/errors';
import { isObjectId } from '../common/ids';
import { createRecordCache } from '../common/record-cache';
import { isSoleDatabaseUser } from '../common/sole-user';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import { findListingDoc, readListingDecisions } from './listing.store';
import { canViewListing } from './listing-access';

export interface AttachmentRef {
  id: string;
  fileId: string;
  name: string;
  size: number;
  contentType: string;
  confidential: boolean;
  uploadedAt?: Date;
}

export interface ListingRef {
  kind: ListingKind;
  id: string;
  ownerOrgId: string;
  status: ListingStatus;
  title: string;
  field: string;
  trl?: number;
  ipStatus?: string;
  currency: Currency | null;
  pricingModel?: PricingModel;
  demandMode?: DemandMode;
  /** The auction's closing time or the call's (or demand's) deadline. */
  deadline: Date | null;
  reservePrice?: number | null;
  /** The deposit an auction asks of each bidder, or a call of each proposer, before they bid. */
  deposit?: { amount: number; currency: string } | null;
  transferModes: TransferMode[];
  ndaText?: string;
  confidentialAccess: ConfidentialAccessPolicy;
  attachments: AttachmentRef[];
  /** An offer licensed exclusively (or sold) to one bidder (from its award claim): no other bid may be accepted. */
  awardedBidId?: string;
  awardedDealId?: string;
  /** When the deadline job closed the auction or the call (its claim, or the listing's copy). */
  deadlineClosedAt?: Date;
}

/**
 * The listing with its award and close, as stored. When this process is the database's only
 * user, its cache of listings (which every listing write here replaces) is what is stored.
 */
export async function loadListing(kind: ListingKind, id: string): Promise<ListingRef | null> {
  if (!isObjectId(id)) return null;
  const [ref, { award, closedAt }] = await Promise.all([
    isSoleDatabaseUser()
      ? cachedListingRef(kind, id)
      : findListingDoc(kind, id).then((doc) => (doc ? toListingRef(kind, doc) : null)),
    readListingDecisions(kind, id),
  ]);
  if (!ref) return null;
  return {
    ...ref,
    awardedBidId: award?.bidId,
    awardedDealId: award?.dealId,
    deadlineClosedAt: ref.deadlineClosedAt ?? closedAt,
  };
}

/**
 * The listing as it stands (without its award and close claims), for checks that only word a
 * refusal of bad input (the currency a term sheet must use): cached, replaced by the listing
 * store's writes. Decisions under a lock read the listing with `loadListing`.
 */
const refCache = (kind: ListingKind) =>
  createRecordCache<ListingRef>({
    name: `${kind}-refs`,
    types: [kind],
    max: 20_000,
    ttlMs: 300_000,
    fromRecord: (after) => toListingRef(kind, after),
  });
const listingRefs = { offer: refCache('offer'), demand: refCache('demand') };

export function cachedListingRef(kind: ListingKind, id: string): Promise<ListingRef | null> {
  if (!isObjectId(id)) return Promise.resolve(null);
  return listingRefs[kind].get(id, async () => {
    const doc = await findListingDoc(kind, id);
    return doc ? toListingRef(kind, doc) : null;
  });
}

export function toListingRef(kind: ListingKind, doc: Record<string, any>): ListingRef {
  const common = {
    kind,
    id: String(doc._id),
    ownerOrgId: String(doc.organizationId),
    status: doc.status as ListingStatus,
    title: String(doc.title ?? ''),
    field: String(doc.field ?? ''),
    transferModes: (doc.transferModes ?? []) as TransferMode[],
    ndaText: doc.ndaText ?? undefined,
    confidentialAccess: (doc.confidentialAccess === 'nda' ? 'nda' : 'on_request') as ConfidentialAccessPolicy,
    attachments: ((doc.attachments ?? []) as Record<string, any>[]).map(toAttachmentRef),
  };
  if (kind === 'offer') {
    return {
      ...common,
      trl: doc.trl,
      ipStatus: doc.ipStatus,
      currency: (doc.pricing?.currency ?? null) as Currency | null,
      pricingModel: (doc.pricing?.model ?? 'negotiable') as PricingModel,
      deadline: doc.pricing?.closesAt ?? null,
      reservePrice: doc.pricing?.reservePrice ?? null,
      deposit: depositOf(doc.pricing),
      deadlineClosedAt: doc.auction?.closedAt ?? undefined,
    };
  }
  return {
    ...common,
    trl: doc.minTrl,
    currency: (doc.budget?.currency ?? null) as Currency | null,
    demandMode: (doc.mode ?? 'open') as DemandMode,
    deadline: doc.deadline ?? null,
    deposit: callDepositOf(doc),
    deadlineClosedAt: doc.callClosedAt ?? undefined,
  };
}

function toAttachmentRef(a: Record<string, any>): AttachmentRef {
  return {
    id: String(a._id),
    fileId: String(a.fileId),
    name: String(a.name),
    size: Number(a.size),
    contentType: String(a.contentType),
    confidential: Boolean(a.confidential),
    uploadedAt: a.uploadedAt ?? undefined,
  };
}

export function ownsListing(listing: Pick<ListingRef, 'ownerOrgId'>, user: SessionUser | undefined): boolean {
  return !!user && actingOrganizationId(user) === listing.ownerOrgId;
}

/** The listings component's rule: drafts and listings awaiting review exist only for their organization and operators. */
export function canSeeListing(listing: ListingRef, viewer: SessionUser | undefined): boolean {
  return canViewListing(viewer, { organizationId: listing.ownerOrgId, status: listing.status });
}

/** The listing if `viewer` may see it; 404 otherwise, so a hidden draft is not revealed. */
export async function loadVisibleListing(
  kind: ListingKind,
  id: string,
  viewer: SessionUser | undefined,
): Promise<ListingRef> {
  const listing = await loadListing(kind, id);
  if (!listing || !canSeeListing(listing, viewer)) throw AppError.notFound(kindName(kind));
  return listing;
}

export function kindName(kind: ListingKind): string {
  return kind === 'offer' ? 'Offer' : 'Demand';
}
