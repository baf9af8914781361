/**
 * Decoding, checking and re-encoding an uploaded image with sharp, and its files under
 * DATA_DIR/listing-images/<imageId>/: large.webp, thumb.webp and owner.json (the listing it
 * belongs to, so a request for the image finds the listing without a database query).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { AppError } from '../common/errors';
import { isObjectId } from '../common/ids';
import type { ListingKind } from '../api-contract/enums';
import { MIN_LISTING_IMAGE_SIDE, type ListingImageSize } from '../api-contract/listing-images';

const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp'];
/** Refuse decompression bombs: more pixels than this is not a photograph of a technology. */
const MAX_INPUT_PIXELS = 50_000_000;
const LARGE_SIDE = 1600;
const THUMB = { width: 400, height: 300 };

export interface EncodedImage {
  large: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

function invalidImage(message: string): AppError {
  return AppError.validation([{ field: 'image', message }], message);
}

/**
 * The image re-encoded as WebP: large (at most 1600 px on the long side) and a 400×300 cover
 * thumbnail, both turned upright by the EXIF orientation and without any metadata (EXIF, GPS,
 * ICC, XMP are dropped: sharp keeps none unless asked). The decoded format decides, not the name.
 */
export async function encodeListingImage(content: Buffer): Promise<EncodedImage> {
  const open = () => sharp(content, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  let meta: sharp.Metadata;
  try {
    meta = await open().metadata();
  } catch {
    throw invalidImage('image must be a JPEG, PNG or WebP picture');
  }
  if (!meta.format || !ACCEPTED_FORMATS.includes(meta.format))
    throw invalidImage('image must be a JPEG, PNG or WebP picture');
  if ((meta.pages ?? 1) > 1) throw invalidImage('image must be a still picture');
  const swapped = (meta.orientation ?? 1) >= 5;
  const width = (swapped ? meta.height : meta.width) ?? 0;
  const height = (swapped ? meta.width : meta.height) ?? 0;
  if (width < MIN_LISTING_IMAGE_SIDE || height < MIN_LISTING_IMAGE_SIDE)
    throw invalidImage(`image must be at least ${MIN_LISTING_IMAGE_SIDE}×${MIN_LISTING_IMAGE_SIDE} pixels`);
  try {
    const large = await open()
      .rotate()
      .resize({ width: LARGE_SIDE, height: LARGE_SIDE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await open()
      .rotate()
      .resize({ ...THUMB, fit: 'cover' })
      .webp({ quality: 78 })
      .toBuffer();
    return { large: large.data, thumb, width: large.info.width, height: large.info.height };
  } catch {
    throw invalidImage('image cannot be decoded');
  }
}

export interface ImageOwner {
  kind: ListingKind;
  listingId: string;
}

function folder(dataDir: string, imageId: string): string {
  if (!isObjectId(imageId)) throw new Error('not an image id');
  return path.join(dataDir, 'listing-images', imageId);
}

export async function writeImageFiles(
  dataDir: string,
  imageId: string,
  owner: ImageOwner,
  image: EncodedImage,
): Promise<void> {
  const dir = folder(dataDir, imageId);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'large.webp'), image.large);
  await writeFile(path.join(dir, 'thumb.webp'), image.thumb);
  await writeFile(path.join(dir, 'owner.json'), JSON.stringify(owner));
}

export async function readImageOwner(dataDir: string, imageId: string): Promise<ImageOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path.join(folder(dataDir, imageId), 'owner.json'), 'utf8'));
    return owner && isObjectId(owner.listingId) && ['offer', 'demand'].includes(owner.kind) ? owner : null;
  } catch {
    return null;
  }
}

export async function readImageFile(
  dataDir: string,
  imageId: string,
  size: ListingImageSize,
): Promise<Buffer | null> {
  try {
    return await readFile(path.join(folder(dataDir, imageId), `${size}.webp`));
  } catch {
    return null;
  }
}

export async function removeImageFiles(dataDir: string, imageId: string): Promise<void> {
  await rm(folder(dataDir, imageId), { recursive: true, force: true });
}
