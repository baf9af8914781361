/** Listing images: the limits the server enforces and the client shows, and where an image is served. */

export const LISTING_IMAGE_SIZES = ['large', 'thumb'] as const;
export type ListingImageSize = (typeof LISTING_IMAGE_SIZES)[number];

/** At most this many images a listing. */
export const MAX_LISTING_IMAGES = 6;
/** An uploaded image may be at most this large (bytes). */
export const MAX_LISTING_IMAGE_BYTES = 8 * 1024 * 1024;
/** Neither side of an uploaded image may be shorter than this (pixels). */
export const MIN_LISTING_IMAGE_SIDE = 200;
/** The types accepted, as a file input's `accept`. */
export const LISTING_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export function listingImageUrl(imageId: string, size: ListingImageSize): string {
  return `/api/listing-images/${imageId}/${size}`;
}
