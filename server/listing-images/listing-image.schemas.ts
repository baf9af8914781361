import Joi from 'joi';
import { objectId } from '../common/ids';
import { LISTING_IMAGE_SIZES, type ListingImageSize } from '../api-contract/listing-images';
import { listingImageSchema } from '../listings';

export interface ImageUploadBody {
  alt?: string;
}

export const imageUploadBody = Joi.object<ImageUploadBody>({
  alt: Joi.string()
    .trim()
    .max(200)
    .description('the image’s text alternative; the listing’s title when absent'),
});

export interface ImageParams {
  id: string;
  imageId: string;
}

export const imageParams = Joi.object<ImageParams>({
  id: objectId().required(),
  imageId: objectId().required(),
});

export interface ImageFileParams {
  imageId: string;
  size: ListingImageSize;
}

export const imageFileParams = Joi.object<ImageFileParams>({
  imageId: objectId().required(),
  size: Joi.string()
    .valid(...LISTING_IMAGE_SIZES)
    .required(),
});

export const imageResponse = Joi.object({ image: listingImageSchema.required() });
