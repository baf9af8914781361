import Joi from 'joi';
import {
  CURRENCIES,
  type Currency,
  DEAL_ROLES,
  DEAL_STATUSES,
  type DealStatus,
  LOCALES,
  type Locale,
  MILESTONE_STATUSES,
  ROYALTY_CADENCES,
  type RoyaltyCadence,
  TRANSFER_MODES,
  type TransferMode,
} from '../api-contract/enums';
import { objectId } from '../common/ids';
import { NOTE_MAX, outcomeView } from './outcome';

const minorAmount = () => Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER);

export interface DealListQuery {
  status?: DealStatus;
  mine?: boolean;
  page: number;
  limit: number;
}

export const dealListQuery = Joi.object<DealListQuery>({
  status: Joi.string().valid(...DEAL_STATUSES),
  mine: Joi.boolean(),
  page: Joi.number().integer().min(1).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
});

/** Exactly one of `offerId` and `demandId`. */
export interface OpenDealBody {
  offerId?: string;
  demandId?: string;
  meetingId?: string;
}

export const openDealBody = Joi.object<OpenDealBody>({
  offerId: objectId(),
  demandId: objectId(),
  meetingId: objectId().description(
    'the accepted meeting at an event this negotiation comes from (with the listing’s owner): the deal carries the event as its source',
  ),
})
  .xor('offerId', 'demandId')
  .messages({
    'object.xor': 'give either offerId or demandId',
    'object.missing': 'give offerId or demandId',
  });

/** A reason code (OUTCOME_REASONS) with an optional note, or, as the first contract had it, words of one's own. */
export interface CancelBody {
  reason: string;
  note?: string;
}

export const cancelBody = Joi.object<CancelBody>({
  reason: Joi.string().trim().min(1).max(2000).required(),
  note: Joi.string().trim().max(NOTE_MAX).allow(''),
});

export interface BrokerBody {
  userId: string;
}

export const brokerBody = Joi.object<BrokerBody>({ userId: objectId().required() });

export interface TermSheetMilestoneBody {
  title: string;
  dueDate?: Date;
  amount?: number;
  deliverable?: string;
}

export interface TermSheetBody {
  price: number;
  currency: Currency;
  royaltyPct?: number;
  royaltyReporting?: RoyaltyCadence;
  exclusivity: boolean;
  transferMode?: TransferMode;
  territory?: string;
  durationMonths?: number;
  milestones: TermSheetMilestoneBody[];
}

export const termSheetBody = Joi.object<TermSheetBody>({
  price: minorAmount().required(),
  currency: Joi.string()
    .valid(...CURRENCIES)
    .required(),
  royaltyPct: Joi.number().min(0).max(100).precision(2),
  royaltyReporting: Joi.string()
    .valid(...ROYALTY_CADENCES)
    .description('How often the licensee reports its net sales (royalty deals); quarterly when unset'),
  exclusivity: Joi.boolean().required(),
  transferMode: Joi.string().valid(...TRANSFER_MODES),
  territory: Joi.string().trim().max(200).allow(''),
  durationMonths: Joi.number().integer().min(1).max(1200),
  milestones: Joi.array()
    .items(
      Joi.object<TermSheetMilestoneBody>({
        title: Joi.string().trim().min(1).max(200).required(),
        dueDate: Joi.date().iso(),
        amount: minorAmount(),
        deliverable: Joi.string().trim().max(1000).allow('').description('What the seller hands over'),
      }),
    )
    .max(50)
    .default([]),
});

export interface TermVersionParams {
  id: string;
  version: number;
}

export const termVersionParams = Joi.object<TermVersionParams>({
  id: objectId().required(),
  version: Joi.number().integer().min(1).max(100_000).required(),
});

export interface ContractQuery {
  lang?: Locale;
}

export const contractQuery = Joi.object<ContractQuery>({ lang: Joi.string().valid(...LOCALES) });

// Response schemas (documentation and the client's generated types): `.required()` marks what
// the views (deal.view.ts, deal-description.ts) always send.
const namedRef = Joi.object({ id: Joi.string().required(), name: Joi.string().allow('').required() });
const dealParty = Joi.string().valid('seller', 'buyer');

const termSheet = Joi.object({
  version: Joi.number().integer().required(),
  price: Joi.number().integer().required(),
  currency: Joi.string()
    .valid(...CURRENCIES)
    .required(),
  royaltyPct: Joi.number(),
  royaltyReporting: Joi.string().valid(...ROYALTY_CADENCES),
  exclusivity: Joi.boolean().required(),
  transferMode: Joi.string().valid(...TRANSFER_MODES),
  territory: Joi.string().allow(''),
  durationMonths: Joi.number().integer(),
  milestones: Joi.array()
    .items(
      Joi.object({
        title: Joi.string().allow('').required(),
        dueDate: Joi.string(),
        amount: Joi.number(),
        deliverable: Joi.string().allow(''),
      }),
    )
    .required(),
  proposedBy: Joi.string().required(),
  proposedByRole: Joi.string().valid('seller', 'buyer', 'broker', 'admin').required(),
  acceptedBy: Joi.array()
    .items(Joi.object({ role: dealParty.required(), userId: Joi.string(), at: Joi.string() }))
    .required(),
  createdAt: Joi.string(),
});

const timelineEntry = Joi.object({
  at: Joi.string(),
  actorId: Joi.string(),
  actorRole: Joi.string(),
  event: Joi.string().required(),
  from: Joi.string().valid(...DEAL_STATUSES),
  to: Joi.string().valid(...DEAL_STATUSES),
  data: Joi.object().unknown(true),
});

const deal = Joi.object({
  id: Joi.string().required(),
  status: Joi.string()
    .valid(...DEAL_STATUSES)
    .required(),
  listingKind: Joi.string().valid('offer', 'demand').required(),
  listingId: Joi.string().required(),
  reference: Joi.string().description(
    'The human reference number, e.g. GD-2026-000123; older deals may have none until migrated',
  ),
  offerId: Joi.string(),
  demandId: Joi.string(),
  listingTitle: Joi.string().allow('').required(),
  title: Joi.string().allow('').required(),
  field: Joi.string(),
  bidId: Joi.string(),
  sellerOrgId: Joi.string().required(),
  buyerOrgId: Joi.string().required(),
  brokerUserId: Joi.string(),
  termSheets: Joi.array().items(termSheet).required(),
  latestVersion: Joi.number().integer().required(),
  agreedVersion: Joi.number().integer(),
  depositCredit: Joi.object({
    paymentId: Joi.string().required(),
    amount: Joi.number().integer().required(),
    currency: Joi.string().required(),
    payer: Joi.string()
      .valid('buyer', 'seller')
      .required()
      .description(
        "whose fees it is credited against: an auction's buyer, a call's chosen proposer (the seller)",
      ),
  }).description("The winner's deposit, credited against the fees of the party that paid it"),
  delivery: Joi.array()
    .items(
      Joi.object({
        n: Joi.number().integer().required(),
        status: Joi.string()
          .valid(...MILESTONE_STATUSES)
          .required(),
        acceptedAmount: Joi.number().integer(),
      }),
    )
    .description(
      'Once delivering: where each milestone stands (`GET /api/deals/:id/milestones` has the rest)',
    ),
  timeline: Joi.array().items(timelineEntry).required(),
  ndaAcceptances: Joi.array()
    .items(
      Joi.object({
        userId: Joi.string(),
        orgId: Joi.string(),
        role: Joi.string(),
        at: Joi.string(),
        text: Joi.string().allow('').required(),
      }),
    )
    .required(),
  documentAccess: Joi.object({
    status: Joi.string().valid('requested', 'approved', 'refused').required(),
    requestedAt: Joi.string(),
    decidedAt: Joi.string(),
  }),
  brokerConsents: Joi.array().items(Joi.string()).required(),
  brokerProposal: Joi.object({
    userId: Joi.string().required(),
    name: Joi.string().allow('').required(),
    role: Joi.string().valid('seller', 'buyer').required(),
    at: Joi.string(),
  }).description('A broker one party named, waiting for the other party to name them too'),
  source: Joi.object({
    kind: Joi.string().valid('event').required(),
    eventId: objectId().required(),
    meetingId: objectId().required(),
  }).description('where the negotiation began: a meeting at a technology fair or brokerage event'),
  cancelReason: Joi.string(),
  outcome: outcomeView,
  closedAt: Joi.string(),
  createdAt: Joi.string(),
  updatedAt: Joi.string(),
  seller: namedRef.required(),
  buyer: namedRef.required(),
  broker: namedRef.allow(null).required(),
  myRole: Joi.string()
    .valid(...DEAL_ROLES)
    .required(),
});

export const dealResponse = Joi.object({ deal: deal.required() });
export const dealListResponse = Joi.object({
  deals: Joi.array().items(deal).required(),
  total: Joi.number().integer().required(),
  page: Joi.number().integer().required(),
  limit: Joi.number().integer().required(),
});
export const termSheetResponse = Joi.object({ termSheet: termSheet.required() });
export const termSheetListResponse = Joi.object({
  termSheets: Joi.array().items(termSheet).required(),
  latestVersion: Joi.number().integer().required(),
  agreedVersion: Joi.number().integer(),
});
/** A page of the timeline, oldest first: `limit` entries from `cursor` (the previous page's `nextCursor`). */
export interface TimelineQuery {
  limit: number;
  cursor?: string;
}

export const timelineQuery = Joi.object<TimelineQuery>({
  limit: Joi.number().integer().min(1).max(200).default(200),
  cursor: Joi.string()
    .pattern(/^[0-9]{1,6}$/)
    .description('nextCursor of the previous page'),
});
export const timelineResponse = Joi.object({
  timeline: Joi.array().items(timelineEntry).required(),
  nextCursor: Joi.string(),
});
export const brokerCandidatesResponse = Joi.object({
  brokers: Joi.array()
    .items(
      Joi.object({
        id: Joi.string().required(),
        name: Joi.string().allow('').required(),
        organization: namedRef.allow(null).required(),
      }),
    )
    .required(),
});
