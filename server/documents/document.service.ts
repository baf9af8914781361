/**
 * Documents attached to offers and demands: upload by the owner, listing for whoever sees the
 * listing, download as staged disclosure allows (see document-access.ts).
 */
import mongoose from 'mongoose';
import { appraisersOf } from '../appraisals';
import { AppError } from '../common/errors';
import { isObjectId } from '../common/ids';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import type { ListingKind } from '../api-contract/enums';
import { recordAudit } from '../audit';
import { type DealDoc, dealReads } from '../deals';
import {
  canSeeListing,
  ownsListing,
  kindName,
  loadListing,
  toListingRef,
  type AttachmentRef,
  type ListingRef,
  addAttachment,
  removeAttachment,
} from '../listings';
import {
  canDownloadDocument,
  isDealParticipant,
  type DocumentViewer,
  type ListingDeal,
} from './document-access';
import { cleanFileName, detectDocumentType } from './document-types';
import { deleteFile, openFile, storeFile } from './document-storage';
import { releaseStorage, reserveStorage } from '../organizations';

export const MAX_ATTACHMENTS = 20;

export function storageFull(quotaBytes: number): AppError {
  const mib = Math.floor(quotaBytes / (1024 * 1024));
  return new AppError(
    'payload_too_large',
    `Your organization’s document storage (${mib} MiB) is full: remove documents or ask the exchange for more.`,
  );
}

export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

function viewerOf(user: SessionUser | undefined): DocumentViewer | undefined {
  return user && { userId: user.id, role: user.role, orgId: actingOrganizationId(user) };
}

/** Deals on the listing in which the viewer takes part (as a party's member or as broker). */
async function viewerDeals(listing: ListingRef, viewer: DocumentViewer | undefined): Promise<ListingDeal[]> {
  if (!viewer) return [];
  const or: Record<string, unknown>[] = [{ brokerUserId: new mongoose.Types.ObjectId(viewer.userId) }];
  if (viewer.orgId) {
    const org = new mongoose.Types.ObjectId(viewer.orgId);
    or.push({ sellerOrgId: org }, { buyerOrgId: org });
  }
  const docs = (await dealReads
    .find({
      [listing.kind === 'offer' ? 'offerId' : 'demandId']: new mongoose.Types.ObjectId(listing.id),
      $or: or,
    })
    .lean()) as DealDoc[];
  return docs.map(toListingDeal);
}

export function toListingDeal(deal: DealDoc): ListingDeal {
  return {
    sellerOrgId: String(deal.sellerOrgId),
    buyerOrgId: String(deal.buyerOrgId),
    brokerUserId: deal.brokerUserId ? String(deal.brokerUserId) : undefined,
    status: deal.status,
    ndaOrgIds: (deal.ndaAcceptances ?? []).filter((a) => a.role !== 'broker').map((a) => String(a.orgId)),
    ndaBrokerIds: (deal.ndaAcceptances ?? []).filter((a) => a.role === 'broker').map((a) => String(a.userId)),
    accessApproved: deal.documentAccess?.status === 'approved',
    brokerConsents: (deal.brokerConsents ?? []).map(String),
  };
}

interface Disclosure {
  listing: ListingRef;
  viewer?: DocumentViewer;
  visible: boolean;
  deals: ListingDeal[];
  appraiserIds: string[];
}

/** The listing and what the viewer may see of it; 404 when they may see nothing. */
async function disclosureFor(
  kind: ListingKind,
  listingId: string,
  user: SessionUser | undefined,
): Promise<Disclosure> {
  const listing = await loadListing(kind, listingId);
  if (!listing) throw AppError.notFound(kindName(kind));
  const viewer = viewerOf(user);
  const deals = await viewerDeals(listing, viewer);
  const appraiserIds = user?.role === 'expert' ? await appraisersOf(kind, listingId) : [];
  const visible =
    canSeeListing(listing, user) ||
    deals.some((d) => viewer && isDealParticipant(d, viewer)) ||
    (!!user && appraiserIds.includes(user.id));
  if (!visible) throw AppError.notFound(kindName(kind));
  return { listing, viewer, visible, deals, appraiserIds };
}

function mayDownload(d: Disclosure, attachment: AttachmentRef): boolean {
  return canDownloadDocument({
    confidential: attachment.confidential,
    viewer: d.viewer,
    ownerOrgId: d.listing.ownerOrgId,
    listingVisible: d.visible,
    deals: d.deals,
    policy: d.listing.confidentialAccess,
    appraiserIds: d.appraiserIds,
  });
}

export function documentView(kind: ListingKind, listingId: string, a: AttachmentRef, downloadable: boolean) {
  return {
    id: a.id,
    name: a.name,
    size: a.size,
    contentType: a.contentType,
    confidential: a.confidential,
    uploadedAt: a.uploadedAt?.toISOString(),
    downloadable,
    url: `/api/documents/${kind}/${listingId}/${a.id}`,
  };
}

export type DocumentView = ReturnType<typeof documentView>;

export async function listDocuments(user: SessionUser | undefined, kind: ListingKind, listingId: string) {
  const d = await disclosureFor(kind, listingId, user);
  return d.listing.attachments.map((a) => documentView(kind, d.listing.id, a, mayDownload(d, a)));
}

export async function uploadDocument(
  user: SessionUser,
  kind: ListingKind,
  listingId: string,
  file: UploadedFile | undefined,
  confidential: boolean,
  bus: EventBus,
  quotaBytes = Number.MAX_SAFE_INTEGER,
): Promise<DocumentView> {
  const listing = await loadListing(kind, listingId);
  if (!listing || !canSeeListing(listing, user)) throw AppError.notFound(kindName(kind));
  if (!ownsListing(listing, user))
    throw AppError.forbidden('Only the listing’s organization may attach documents.');
  if (['closed', 'withdrawn', 'expired'].includes(listing.status))
    throw AppError.conflict('This listing has ended.');
  if (!file) throw AppError.validation([{ field: 'file', message: 'file is required' }]);
  const name = cleanFileName(file.originalname);
  const contentType = detectDocumentType(name, file.buffer.subarray(0, 4096));
  if (!contentType) {
    throw new AppError(
      'unsupported_media_type',
      'Attach a PDF, Word (.docx), Excel (.xlsx), PNG, JPEG or text file.',
    );
  }
  if (!(await reserveStorage(listing.ownerOrgId, file.size, quotaBytes))) throw storageFull(quotaBytes);
  let fileId;
  try {
    fileId = await storeFile(file.buffer, {
      fileName: name,
      contentType,
      metadata: { listingKind: kind, listingId },
    });
  } catch (err) {
    await releaseStorage(listing.ownerOrgId, file.size);
    throw err;
  }
  const attachment = {
    _id: new mongoose.Types.ObjectId(),
    fileId,
    name,
    size: file.size,
    contentType,
    confidential,
    uploadedAt: new Date(),
    uploadedBy: user.id,
  };
  const updated = await addAttachment(kind, listing.id, listing.ownerOrgId, attachment, MAX_ATTACHMENTS);
  if (!updated) {
    await deleteFile(fileId);
    await releaseStorage(listing.ownerOrgId, file.size);
    throw AppError.conflict(`A listing holds at most ${MAX_ATTACHMENTS} documents.`);
  }
  bus?.publish('listing.changed', { kind, id: listing.id });
  await recordAudit({
    actorId: user.id,
    action: 'document.upload',
    targetType: kind,
    targetId: listing.id,
    data: { attachmentId: String(attachment._id), name, confidential },
  });
  const stored = toListingRef(kind, updated).attachments.find((a) => a.id === String(attachment._id))!;
  return documentView(kind, listing.id, stored, true);
}

export async function removeDocument(
  user: SessionUser,
  kind: ListingKind,
  listingId: string,
  attachmentId: string,
  bus: EventBus,
): Promise<void> {
  const listing = await loadListing(kind, listingId);
  if (!listing || !canSeeListing(listing, user)) throw AppError.notFound(kindName(kind));
  if (!ownsListing(listing, user))
    throw AppError.forbidden('Only the listing’s organization may remove documents.');
  const attachment = listing.attachments.find((a) => a.id === attachmentId);
  if (!attachment) throw AppError.notFound('Document');
  await removeAttachment(kind, listing.id, attachmentId);
  await deleteFile(attachment.fileId);
  await releaseStorage(listing.ownerOrgId, attachment.size);
  bus?.publish('listing.changed', { kind, id: listing.id });
  await recordAudit({
    actorId: user.id,
    action: 'document.remove',
    targetType: kind,
    targetId: listing.id,
    data: { attachmentId },
  });
}

/** The document's bytes, if staged disclosure lets the viewer have them. */
export async function openDocument(
  user: SessionUser | undefined,
  kind: ListingKind,
  listingId: string,
  attachmentId: string,
) {
  const d = await disclosureFor(kind, listingId, user);
  const attachment = isObjectId(attachmentId)
    ? d.listing.attachments.find((a) => a.id === attachmentId)
    : undefined;
  if (!attachment) throw AppError.notFound('Document');
  if (!mayDownload(d, attachment)) {
    if (!user) throw AppError.unauthenticated('Sign in to download confidential documents.');
    throw AppError.forbidden(
      d.listing.confidentialAccess === 'nda'
        ? 'This document is confidential: accept the NDA in your deal first.'
        : 'This document is confidential: the owner must approve your access and you must accept the NDA in your deal first.',
    );
  }
  if (attachment.confidential && user) {
    await recordAudit({
      actorId: user.id,
      action: 'document.download',
      targetType: kind,
      targetId: d.listing.id,
      data: { attachmentId },
    });
  }
  const stream = await openFile(attachment.fileId, { listingKind: kind, listingId: d.listing.id });
  if (!stream) throw AppError.notFound('Document');
  return { attachment, stream };
}
