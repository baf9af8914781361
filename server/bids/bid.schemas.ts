import Joi from 'joi';
import {
  BID_STATUSES,
  type BidStatus,
  CURRENCIES,
  type Currency,
  DEMAND_MODES,
  LISTING_KINDS,
  LISTING_STATUSES,
  PRICING_MODELS,
  TRANSFER_MODES,
  type TransferMode,
} from '../api-contract/enums';
import { outcomeView } from '../deals';

export interface BidBody {
  amount: number;
  currency: Currency;
  transferMode: TransferMode;
  terms: string;
}

export const bidBody = Joi.object<BidBody>({
  amount: Joi.number().integer().min(1).max(Number.MAX_SAFE_INTEGER).required(),
  currency: Joi.string()
    .valid(...CURRENCIES)
    .required(),
  transferMode: Joi.string()
    .valid(...TRANSFER_MODES)
    .required(),
  terms: Joi.string().trim().max(5000).allow('').default(''),
});

/** A page of bids: at most `limit`, after the bid `cursor` (the previous page's `nextCursor`). */
export interface BidPageQuery {
  limit: number;
  cursor?: string;
}

const page = {
  limit: Joi.number().integer().min(1).max(100).default(100),
  cursor: Joi.string().hex().length(24).description('nextCursor of the previous page'),
};

export interface MyBidsQuery extends BidPageQuery {
  mine: boolean;
  status?: BidStatus;
}

export const myBidsQuery = Joi.object<MyBidsQuery>({
  mine: Joi.boolean().default(true),
  status: Joi.string().valid(...BID_STATUSES),
  ...page,
});

export const listingBidsQuery = Joi.object<BidPageQuery>(page);

// Response schemas (documentation and the client's generated types): `.required()` marks what
// bid.view.ts and listingSummary always send.
const bid = Joi.object({
  id: Joi.string().required(),
  listingKind: Joi.string()
    .valid(...LISTING_KINDS)
    .required(),
  listingId: Joi.string().required(),
  offerId: Joi.string(),
  demandId: Joi.string(),
  listingTitle: Joi.string().allow('').required(),
  listingOwnerOrgId: Joi.string().required(),
  bidderOrg: Joi.object({ id: Joi.string().required(), name: Joi.string().allow('').required() }).required(),
  createdBy: Joi.string().required(),
  amount: Joi.number().integer().required(),
  currency: Joi.string()
    .valid(...CURRENCIES)
    .required(),
  transferMode: Joi.string()
    .valid(...TRANSFER_MODES)
    .required(),
  terms: Joi.string().allow('').required(),
  sealed: Joi.boolean().required(),
  status: Joi.string()
    .valid(...BID_STATUSES)
    .required(),
  dealId: Joi.string(),
  decidedAt: Joi.string(),
  outcome: outcomeView,
  createdAt: Joi.string(),
  updatedAt: Joi.string(),
});

export const bidResponse = Joi.object({ bid: bid.required() });
export const bidListResponse = Joi.object({
  bids: Joi.array().items(bid).required(),
  listing: Joi.object({
    kind: Joi.string()
      .valid(...LISTING_KINDS)
      .required(),
    id: Joi.string().required(),
    title: Joi.string().allow('').required(),
    status: Joi.string()
      .valid(...LISTING_STATUSES)
      .required(),
    ownerOrgId: Joi.string().required(),
    currency: Joi.string().valid(...CURRENCIES),
    transferModes: Joi.array()
      .items(Joi.string().valid(...TRANSFER_MODES))
      .required(),
    pricingModel: Joi.string().valid(...PRICING_MODELS),
    demandMode: Joi.string().valid(...DEMAND_MODES),
    takesSealedBids: Joi.boolean().required(),
    deadline: Joi.string(),
    closedAt: Joi.string(),
    awarded: Joi.boolean().required(),
  }).required(),
  sealed: Joi.boolean().required(),
  deadline: Joi.string(),
  nextCursor: Joi.string(),
});
export const myBidsResponse = Joi.object({
  bids: Joi.array().items(bid).required(),
  nextCursor: Joi.string(),
});
