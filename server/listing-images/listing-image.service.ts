/**
 * Images of offers and demands: the owning organization adds (up to six) and removes them at
 * any status but closed and withdrawn, also on a published listing without review (an image
 * changes none of the listing's terms). Whoever may see the listing may see its images.
 */
import mongoose from 'mongoose';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import type { ListingKind } from '../api-contract/enums';
import { MAX_LISTING_IMAGES, type ListingImageSize } from '../api-contract/listing-images';
import { recordAudit } from '../audit';
import { canSeeListing, ownsListing, kindName, loadListing, type ListingRef } from '../listings';
import {
  addListingImage,
  announceListingChange,
  findListingDoc,
  removeListingImage,
  canViewListing,
  listingImageViews,
  type ListingImageView,
} from '../listings';
import {
  encodeListingImage,
  readImageFile,
  type EncodedImage,
  type ImageOwner,
  readImageOwner,
  removeImageFiles,
  writeImageFiles,
} from './listing-image-files';

/** An image's record in its listing (`images`), as the listing store keeps it. */
export type ListingImageRecord = {
  _id: mongoose.Types.ObjectId;
  width: number;
  height: number;
  alt?: string;
  uploadedAt: Date;
  uploadedBy?: mongoose.Types.ObjectId;
};

/**
 * Writes an encoded image's files for the listing under a new id and gives the record the listing
 * keeps of it. (The caller records it in the listing, or removes the files when it cannot.) The
 * demo loader uses it too, for listings it creates in bulk.
 */
export async function saveListingImageFiles(
  dataDir: string,
  owner: ImageOwner,
  encoded: EncodedImage,
  meta: { alt?: string; uploadedBy?: string; uploadedAt?: Date } = {},
): Promise<ListingImageRecord> {
  const id = new mongoose.Types.ObjectId();
  await writeImageFiles(dataDir, String(id), owner, encoded);
  return {
    _id: id,
    width: encoded.width,
    height: encoded.height,
    ...(meta.alt ? { alt: meta.alt } : {}),
    uploadedAt: meta.uploadedAt ?? new Date(),
    ...(meta.uploadedBy ? { uploadedBy: new mongoose.Types.ObjectId(meta.uploadedBy) } : {}),
  };
}

/** Images are neither added nor removed once a listing has ended this way. */
export const IMAGES_FROZEN_STATUSES = ['closed', 'withdrawn'] as const;

export interface UploadedImage {
  size: number;
  buffer: Buffer;
}

/** The listing if `user` is of its organization: 404 when they may not see it, 403 when they may. */
export async function ownedListing(
  kind: ListingKind,
  listingId: string,
  user: SessionUser,
): Promise<ListingRef> {
  const listing = await loadListing(kind, listingId);
  if (!listing || !canSeeListing(listing, user)) throw AppError.notFound(kindName(kind));
  if (!ownsListing(listing, user))
    throw AppError.forbidden('Only the listing’s organization may change its images.');
  return listing;
}

function frozen(status: string): boolean {
  return (IMAGES_FROZEN_STATUSES as readonly string[]).includes(status);
}

export async function addImage(
  user: SessionUser,
  kind: ListingKind,
  listingId: string,
  file: UploadedImage | undefined,
  alt: string | undefined,
  ctx: { bus: EventBus; dataDir: string },
): Promise<ListingImageView> {
  const listing = await ownedListing(kind, listingId, user);
  if (frozen(listing.status)) throw AppError.conflict('This listing has ended: its images no longer change.');
  if (!file) throw AppError.validation([{ field: 'image', message: 'image is required' }]);
  const doc = await findListingDoc(kind, listing.id);
  if ((doc?.images ?? []).length >= MAX_LISTING_IMAGES) throw tooMany();
  const image = await saveListingImageFiles(
    ctx.dataDir,
    { kind, listingId: listing.id },
    await encodeListingImage(file.buffer),
    { alt, uploadedBy: user.id },
  );
  const imageId = String(image._id);
  let updated;
  try {
    updated = await addListingImage(kind, listing.id, listing.ownerOrgId, image, MAX_LISTING_IMAGES, [
      ...IMAGES_FROZEN_STATUSES,
    ]);
  } catch (err) {
    await removeImageFiles(ctx.dataDir, imageId);
    throw err;
  }
  if (!updated) {
    await removeImageFiles(ctx.dataDir, imageId);
    throw tooMany();
  }
  announceListingChange(ctx.bus, kind, listing.id);
  await recordAudit({
    actorId: user.id,
    action: 'listing.image_add',
    targetType: kind,
    targetId: listing.id,
    data: { imageId },
  });
  return listingImageViews(updated.images).find((i) => i.id === imageId)!;
}

function tooMany(): AppError {
  return new AppError('conflict', `A listing holds at most ${MAX_LISTING_IMAGES} images.`, [
    { field: 'image', message: `at most ${MAX_LISTING_IMAGES} images`, limit: MAX_LISTING_IMAGES },
  ]);
}

export async function removeImage(
  user: SessionUser,
  kind: ListingKind,
  listingId: string,
  imageId: string,
  ctx: { bus: EventBus; dataDir: string },
): Promise<void> {
  const listing = await ownedListing(kind, listingId, user);
  if (frozen(listing.status)) throw AppError.conflict('This listing has ended: its images no longer change.');
  if (!(await removeListingImage(kind, listing.id, imageId))) throw AppError.notFound('Image');
  await removeImageFiles(ctx.dataDir, imageId);
  announceListingChange(ctx.bus, kind, listing.id);
  await recordAudit({
    actorId: user.id,
    action: 'listing.image_remove',
    targetType: kind,
    targetId: listing.id,
    data: { imageId },
  });
}

/** The image's WebP bytes and whether anyone may cache them; 404 when the viewer may not see the listing. */
export async function openImage(
  user: SessionUser | undefined,
  imageId: string,
  size: ListingImageSize,
  dataDir: string,
): Promise<{ content: Buffer; isPublic: boolean }> {
  const owner = await readImageOwner(dataDir, imageId);
  const doc = owner && (await findListingDoc(owner.kind, owner.listingId));
  const listed = doc && ((doc.images ?? []) as { _id: unknown }[]).some((i) => String(i._id) === imageId);
  if (!doc || !listed || !canViewListing(user, doc)) throw AppError.notFound('Image');
  const content = await readImageFile(dataDir, imageId, size);
  if (!content) throw AppError.notFound('Image');
  return { content, isPublic: canViewListing(undefined, doc) };
}
