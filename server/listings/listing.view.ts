/** View parts shared by offers and demands: the owning organization, attachments, times. */
import mongoose from 'mongoose';
import { createRecordCache } from '../common/record-cache';
import { organizationReads } from '../organizations';
import type { OrganizationKind } from '../api-contract/enums';
import { listingImageUrl } from '../api-contract/listing-images';

export interface OrganizationSummary {
  id: string;
  name: string;
  kind: OrganizationKind;
  verified: boolean;
}

export interface AttachmentView {
  id: string;
  name: string;
  size: number;
  contentType: string;
  confidential: boolean;
}

export function iso(date: Date | string | null | undefined): string | undefined {
  return date ? new Date(date).toISOString() : undefined;
}

/** The moments of a listing's life, as the contract's offer and demand give them. */
export function listingDates(doc: Record<string, any>) {
  return {
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
    submittedAt: iso(doc.submittedAt),
    publishedAt: iso(doc.publishedAt),
    closedAt: iso(doc.closedAt),
    withdrawnAt: iso(doc.withdrawnAt),
    expiredAt: iso(doc.expiredAt),
  };
}

export function attachmentViews(attachments: Record<string, any>[] | undefined): AttachmentView[] {
  return (attachments ?? []).map((a) => ({
    id: String(a._id),
    name: String(a.name),
    size: Number(a.size),
    contentType: String(a.contentType),
    confidential: Boolean(a.confidential),
  }));
}

export interface ListingImageView {
  id: string;
  width: number;
  height: number;
  alt?: string;
  url: string;
  thumbUrl: string;
}

export function listingImageViews(images: Record<string, any>[] | undefined): ListingImageView[] {
  return (images ?? []).map((i) => {
    const id = String(i._id);
    return {
      id,
      width: Number(i.width),
      height: Number(i.height),
      ...(i.alt ? { alt: String(i.alt) } : {}),
      url: listingImageUrl(id, 'large'),
      thumbUrl: listingImageUrl(id, 'thumb'),
    };
  });
}

/** An organization that has since disappeared still shows as something rather than breaking the page. */
export function organizationSummary(
  org: Record<string, any> | null | undefined,
  id: unknown,
): OrganizationSummary {
  if (!org) return { id: String(id), name: '', kind: 'enterprise', verified: false };
  return { id: String(org._id), name: org.name, kind: org.kind, verified: Boolean(org.verified) };
}

const organizationSummaries = createRecordCache<OrganizationSummary>({
  name: 'organization-summaries',
  types: ['organization'],
  max: 50_000,
  ttlMs: 300_000,
});

/** The owning organizations of some listings, by id: from the cache, the missing ones in one query. */
export async function loadOrganizationSummaries(
  listings: { organizationId: unknown }[],
): Promise<Map<string, OrganizationSummary>> {
  const ids = [...new Set(listings.map((l) => String(l.organizationId)))];
  if (ids.length === 0) return new Map();
  return organizationSummaries.getMany(ids, async (missing) => {
    const orgs = await organizationReads
      .find({ _id: mongoose.trusted({ $in: missing }) }, { name: 1, kind: 1, verified: 1 })
      .lean();
    return new Map(orgs.map((o) => [String(o._id), organizationSummary(o, o._id)]));
  });
}

export interface AppraisalBadgeView {
  id: string;
  type: string;
  trlAssessed: number;
  at: string;
  summary: string;
}

/** A published appraisal's badge as the listing shows it. */
export function appraisalBadgeView(
  badge: Record<string, any> | undefined | null,
): AppraisalBadgeView | undefined {
  if (!badge || typeof badge.trlAssessed !== 'number') return undefined;
  return {
    id: String(badge.id),
    type: String(badge.type),
    trlAssessed: badge.trlAssessed,
    at: new Date(badge.at).toISOString(),
    summary: String(badge.summary ?? ''),
  };
}
