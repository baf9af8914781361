/** Listings' pictures: uploads, the stored variants, and encoding them. */
export { registerListingImageRoutes } from './listing-image.routes';
export { encodeListingImage, type EncodedImage } from './listing-image-files';
export { saveListingImageFiles, type ListingImageRecord } from './listing-image.service';
