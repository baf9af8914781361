import Joi from 'joi';
import { objectId } from '../common/ids';
import { LISTING_IMAGE_SIZES } from '../api-contract/listing-images';
import { listingImageSchema } from '../listings';

export const imageUploadBody = Joi.object({
  alt: Joi.string()
    .trim()
    .max(200)
    .description('the image’s text alternative; the listing’s title when absent'),
});

export const imageParams = Joi.object({
  id: objectId().required(),
  imageId: objectId().required(),
});

export const imageFileParams = Joi.object({
  imageId: objectId().required(),
  size: Joi.string()
    .valid(...LISTING_IMAGE_SIZES)
    .required(),
});

export const imageResponse = Joi.object({ image: listingImageSchema.required() });
