import Joi from 'joi';
import {
  IP_STATUSES,
  PRICING_MODELS,
  type Currency,
  type IpStatus,
  type PricingModel,
} from '../api-contract/enums';
import {
  commonListingKeys,
  commonViewKeys,
  createAndPatchSchemas,
  currency,
  currencyView,
  money,
  revisionSchema,
  trl,
  type ListingInput,
} from '../listings';

export interface OfferPricingInput {
  model: PricingModel;
  amount?: number;
  currency: Currency;
  reservePrice?: number;
  closesAt?: Date;
  deposit?: number;
  depositPct?: number;
}

/** An offer as validated on create; a patch gives any of its fields. */
export interface OfferInput extends ListingInput {
  description?: string;
  trl: number;
  ipStatus?: IpStatus;
  ipNumbers?: string[];
  pricing?: OfferPricingInput;
  sectors?: string[];
}

const pricing = Joi.object({
  model: Joi.string()
    .valid(...PRICING_MODELS)
    .required(),
  amount: money(),
  currency: currency().default('VND'),
  reservePrice: money(),
  closesAt: Joi.date().iso(),
  deposit: money().description('A fixed deposit each bidder pays before bidding (auctions only)'),
  depositPct: Joi.number()
    .integer()
    .min(1)
    .max(50)
    .description('Or the deposit as a percentage of the starting price (auctions only)'),
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

export const { create: offerCreateSchema, patch: offerPatchSchema } = createAndPatchSchemas<OfferInput>(
  offerKeys,
  ['title', 'field', 'trl'],
);

const offerViewKeys = {
  ...commonViewKeys,
  kind: Joi.string().valid('offer').required(),
  description: Joi.string().allow('').required(),
  trl: Joi.number().integer(),
  ipStatus: Joi.string()
    .valid(...IP_STATUSES)
    .required(),
  ipNumbers: Joi.array().items(Joi.string()).required(),
  pricing: Joi.object({
    model: Joi.string()
      .valid(...PRICING_MODELS)
      .required(),
    amount: Joi.number().integer(),
    currency: currencyView().required(),
    reservePrice: Joi.number().integer().description('Only for the owner and operators'),
    closesAt: Joi.string().isoDate(),
    deposit: Joi.number().integer().description('The deposit a bidder pays before bidding, in minor units'),
    depositPct: Joi.number()
      .integer()
      .description('When the deposit was set as a percentage of the starting price'),
  }).required(),
  sectors: Joi.array().items(Joi.string()).required(),
  auction: Joi.object({
    closedAt: Joi.string().isoDate(),
    outcome: Joi.string(),
  }).description('once the auction has closed'),
};

export const offerViewSchema = Joi.object({
  ...offerViewKeys,
  revision: revisionSchema(Joi.object(offerViewKeys)),
});

export const offerResponse = Joi.object({ offer: offerViewSchema });
export const offerListResponse = Joi.object({
  offers: Joi.array().items(offerViewSchema),
  total: Joi.number(),
  page: Joi.number(),
  limit: Joi.number(),
});
