import Joi from 'joi';
import { CURRENCIES, TRANSFER_MODES, BID_STATUSES } from '../api-contract/enums';

export const bidBody = Joi.object({
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
const page = {
  limit: Joi.number().integer().min(1).max(100).default(100),
  cursor: Joi.string().hex().length(24).description('nextCursor of the previous page'),
};

export const myBidsQuery = Joi.object({
  mine: Joi.boolean().default(true),
  status: Joi.string().valid(...BID_STATUSES),
  ...page,
});

export const listingBidsQuery = Joi.object(page);

const bid = Joi.object({
  id: Joi.string(),
  listingKind: Joi.string().valid('offer', 'demand'),
  listingId: Joi.string(),
  listingTitle: Joi.string(),
  bidderOrg: Joi.object({ id: Joi.string(), name: Joi.string() }),
  amount: Joi.number().integer(),
  currency: Joi.string(),
  transferMode: Joi.string(),
  terms: Joi.string(),
  sealed: Joi.boolean(),
  status: Joi.string().valid(...BID_STATUSES),
  dealId: Joi.string(),
  createdAt: Joi.string(),
}).unknown(true);

export const bidResponse = Joi.object({ bid });
export const bidListResponse = Joi.object({
  bids: Joi.array().items(bid),
  listing: Joi.object({
    kind: Joi.string(),
    id: Joi.string(),
    title: Joi.string(),
    status: Joi.string(),
    currency: Joi.string(),
    takesSealedBids: Joi.boolean(),
    deadline: Joi.string(),
    closedAt: Joi.string(),
    awarded: Joi.boolean(),
  }).unknown(true),
  sealed: Joi.boolean(),
  deadline: Joi.string(),
  nextCursor: Joi.string(),
});
export const myBidsResponse = Joi.object({ bids: Joi.array(), nextCursor: Joi.string() });
