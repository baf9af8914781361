import type { SessionUser } from '../common/session-user';
import {
  isListingOwner,
  attachmentViews,
  appraisalBadgeView,
  listingImageViews,
  iso,
  listingDates,
  type ListingDoc,
  type OrganizationSummary,
} from '../listings';
import { depositOf } from '../listings';

export interface OfferViewOptions {
  /** The auction's reserve price is the seller's secret: only the owner and operators see it. */
  showReservePrice: boolean;
}

/** The contract's `offer`. */
export function offerView(doc: ListingDoc, organization: OrganizationSummary, opts: OfferViewOptions) {
  const p = doc.pricing ?? {};
  return {
    id: String(doc._id),
    kind: 'offer' as const,
    status: doc.status as string,
    organization,
    title: doc.title as string,
    summary: (doc.summary ?? '') as string,
    description: (doc.description ?? '') as string,
    language: doc.language as string,
    field: doc.field as string,
    subField: (doc.subField ?? null) as string | null,
    keywords: (doc.keywords ?? []) as string[],
    trl: doc.trl as number,
    ipStatus: (doc.ipStatus ?? 'none') as string,
    ipNumbers: (doc.ipNumbers ?? []) as string[],
    transferModes: (doc.transferModes ?? []) as string[],
    pricing: {
      model: (p.model ?? 'negotiable') as string,
      amount: p.amount ?? undefined,
      currency: (p.currency ?? 'VND') as string,
      reservePrice: opts.showReservePrice ? (p.reservePrice ?? undefined) : undefined,
      closesAt: iso(p.closesAt),
      deposit: depositOf(p)?.amount,
      depositPct: p.depositPct ?? undefined,
    },
    province: (doc.province ?? null) as string | null,
    sectors: (doc.sectors ?? []) as string[],
    attachments: attachmentViews(doc.attachments),
    images: listingImageViews(doc.images),
    ...(doc.appraisal ? { appraisal: appraisalBadgeView(doc.appraisal) } : {}),
    ndaText: doc.ndaText ?? undefined,
    confidentialAccess: (doc.confidentialAccess ?? 'on_request') as string,
    auction: doc.auction?.closedAt
      ? { closedAt: iso(doc.auction.closedAt), outcome: doc.auction.outcome }
      : undefined,
    rejectionReason: doc.rejectionReason ?? undefined,
    ...listingDates(doc),
  };
}

export type OfferView = ReturnType<typeof offerView>;

/** The offer as `viewer` may see it. */
export function offerViewFor(
  doc: ListingDoc,
  organization: OrganizationSummary,
  viewer: SessionUser | undefined,
): OfferView {
  const showReservePrice = viewer?.role === 'admin' || isListingOwner(viewer, doc);
  return offerView(doc, organization, { showReservePrice });
}
