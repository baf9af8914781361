import Joi from 'joi';
import { CURRENCIES, LOCALES } from '../contract/enums';
import { objectId } from '../common/ids';
import { DEAL_STATUSES } from './deal.model';

const minorAmount = () => Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER);

export const dealListQuery = Joi.object({
  status: Joi.string().valid(...DEAL_STATUSES),
  mine: Joi.boolean(),
  page: Joi.number().integer().min(1).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
});

export const openDealBody = Joi.object({
  offerId: objectId(),
  demandId: objectId(),
})
  .xor('offerId', 'demandId')
  .messages({
    'object.xor': 'give either offerId or demandId',
    'object.missing': 'give offerId or demandId',
  });

export const cancelBody = Joi.object({ reason: Joi.string().trim().min(1).max(2000).required() });

export const brokerBody = Joi.object({ userId: objectId().required() });

export const termSheetBody = Joi.object({
  price: minorAmount().required(),
  currency: Joi.string()
    .valid(...CURRENCIES)
    .required(),
  royaltyPct: Joi.number().min(0).max(100).precision(2),
  exclusivity: Joi.boolean().required(),
  territory: Joi.string().trim().max(200).allow(''),
  durationMonths: Joi.number().integer().min(1).max(1200),
  milestones: Joi.array()
    .items(
      Joi.object({
        title: Joi.string().trim().min(1).max(200).required(),
        dueDate: Joi.date().iso(),
        amount: minorAmount(),
      }),
    )
    .max(50)
    .default([]),
});

export const termVersionParams = Joi.object({
  id: objectId().required(),
  version: Joi.number().integer().min(1).max(100_000).required(),
});

export const contractQuery = Joi.object({ lang: Joi.string().valid(...LOCALES) });

const termSheet = Joi.object({
  version: Joi.number().integer(),
  price: Joi.number().integer(),
  currency: Joi.string(),
  royaltyPct: Joi.number(),
  exclusivity: Joi.boolean(),
  territory: Joi.string(),
  durationMonths: Joi.number().integer(),
  milestones: Joi.array().items(
    Joi.object({ title: Joi.string(), dueDate: Joi.string(), amount: Joi.number() }),
  ),
  proposedBy: Joi.string(),
  proposedByRole: Joi.string(),
  acceptedBy: Joi.array().items(Joi.object({ role: Joi.string(), userId: Joi.string(), at: Joi.string() })),
  createdAt: Joi.string(),
});

const deal = Joi.object({
  id: Joi.string(),
  status: Joi.string().valid(...DEAL_STATUSES),
  listingKind: Joi.string().valid('offer', 'demand'),
  listingId: Joi.string(),
  reference: Joi.string().description('The human reference number, e.g. GD-2026-000123'),
  listingTitle: Joi.string(),
  sellerOrgId: Joi.string(),
  buyerOrgId: Joi.string(),
  brokerUserId: Joi.string(),
  termSheets: Joi.array().items(termSheet),
  latestVersion: Joi.number().integer(),
  agreedVersion: Joi.number().integer(),
  timeline: Joi.array().items(Joi.object()),
  ndaAcceptances: Joi.array().items(Joi.object()),
  myRole: Joi.string(),
}).unknown(true);

export const dealResponse = Joi.object({ deal });
export const dealListResponse = Joi.object({
  deals: Joi.array().items(deal),
  total: Joi.number().integer(),
  page: Joi.number().integer(),
  limit: Joi.number().integer(),
});
export const termSheetResponse = Joi.object({ termSheet });
export const termSheetListResponse = Joi.object({
  termSheets: Joi.array().items(termSheet),
  latestVersion: Joi.number().integer(),
  agreedVersion: Joi.number().integer(),
});
/** A page of the timeline, oldest first: `limit` entries from `cursor` (the previous page's `nextCursor`). */
export const timelineQuery = Joi.object({
  limit: Joi.number().integer().min(1).max(200).default(200),
  cursor: Joi.string()
    .pattern(/^[0-9]{1,6}$/)
    .description('nextCursor of the previous page'),
});
export const timelineResponse = Joi.object({
  timeline: Joi.array().items(Joi.object()),
  nextCursor: Joi.string(),
});
export const brokerCandidatesResponse = Joi.object({
  brokers: Joi.array().items(
    Joi.object({
      id: Joi.string(),
      name: Joi.string(),
      organization: Joi.object({ id: Joi.string(), name: Joi.string() }).allow(null),
    }),
  ),
});
