import Joi from 'joi';
import { IP_STATUSES, PRICING_MODELS } from '../api-contract/enums';
import {
  commonListingKeys,
  commonViewKeys,
  createAndPatchSchemas,
  currency,
  money,
  trl,
} from '../listings/listing-schemas';

const pricing = Joi.object({
  model: Joi.string()
    .valid(...PRICING_MODELS)
    .required(),
  amount: money(),
  currency: currency().default('VND'),
  reservePrice: money(),
  closesAt: Joi.date().iso(),
});

const offerKeys = {
  ...commonListingKeys,
  description: Joi.string().trim().max(20_000).allow(''),
  trl: trl(),
  ipStatus: Joi.string().valid(...IP_STATUSES),
  ipNumbers: Joi.array().items(Joi.string().trim().min(1).max(60)).max(20),
  /** Replaced as a whole by a patch. */
  pricing,
  sectors: Joi.array().items(Joi.string().trim().min(1).max(120)).max(20),
};

export const { create: offerCreateSchema, patch: offerPatchSchema } = createAndPatchSchemas(offerKeys, [
  'title',
  'field',
  'trl',
]);

const offerViewSchema = Joi.object({
  ...commonViewKeys,
  kind: Joi.string().valid('offer'),
  description: Joi.string(),
  trl: Joi.number(),
  ipStatus: Joi.string(),
  ipNumbers: Joi.array().items(Joi.string()),
  pricing: Joi.object({
    model: Joi.string(),
    amount: Joi.number(),
    currency: Joi.string(),
    reservePrice: Joi.number().description('Only for the owner and operators'),
    closesAt: Joi.date().iso(),
  }),
  sectors: Joi.array().items(Joi.string()),
});

export const offerResponse = Joi.object({ offer: offerViewSchema });
export const offerListResponse = Joi.object({
  offers: Joi.array().items(offerViewSchema),
  total: Joi.number(),
  page: Joi.number(),
  limit: Joi.number(),
});
