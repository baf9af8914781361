import Joi from 'joi';
import { objectId } from '../common/ids';
import {
  CURRENCIES,
  DEAL_STATUSES,
  MILESTONE_DISPUTE_OUTCOMES,
  type MilestoneDisputeOutcome,
  MILESTONE_STATUSES,
  PAYMENT_STATUSES,
} from '../api-contract/enums';

export interface MilestoneParams {
  id: string;
  n: number;
}

export const milestoneParams = Joi.object<MilestoneParams>({
  id: objectId().required(),
  n: Joi.number().integer().min(1).max(50).required(),
});

export interface DeliverBody {
  note: string;
  documentIds?: string[];
}

export const deliverBody = Joi.object<DeliverBody>({
  note: Joi.string().trim().min(1).max(4000).required(),
  documentIds: Joi.array().items(Joi.string().trim().max(64)).max(20).unique(),
});

export interface NoteBody {
  note: string;
}

export const noteBody = Joi.object<NoteBody>({ note: Joi.string().trim().min(3).max(4000).required() });

export interface DisputeBody {
  reason: string;
}

export const disputeBody = Joi.object<DisputeBody>({
  reason: Joi.string().trim().min(3).max(4000).required(),
});

export interface ResolveBody {
  outcome: MilestoneDisputeOutcome;
  note?: string;
  amount?: number;
}

export const resolveBody = Joi.object<ResolveBody>({
  outcome: Joi.string()
    .valid(...MILESTONE_DISPUTE_OUTCOMES)
    .required(),
  note: Joi.string().trim().max(4000).allow(''),
  amount: Joi.number()
    .integer()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .description('For a partial outcome: the part of the milestone accepted, in minor units'),
});

/** The buyer's own payment to the seller for an accepted milestone. */
export interface TransferBody {
  reference: string;
  amount?: number;
}

export const transferBody = Joi.object<TransferBody>({
  reference: Joi.string()
    .trim()
    .min(3)
    .max(120)
    .required()
    .description("The transfer's reference on the buyer's bank statement"),
  amount: Joi.number()
    .integer()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .description(
      'What was paid, in minor units; by default (and necessarily) what is owed for the milestone',
    ),
});

export const milestoneView = Joi.object({
  n: Joi.number().integer().required(),
  title: Joi.string().allow('').required(),
  dueDate: Joi.string().isoDate(),
  amount: Joi.number().integer().required(),
  currency: Joi.string().valid(...CURRENCIES),
  deliverable: Joi.string().allow(''),
  status: Joi.string()
    .valid(...MILESTONE_STATUSES)
    .required(),
  overdue: Joi.boolean().required().description('Past its due date and not yet accepted or cancelled'),
  deliveredAt: Joi.string().isoDate(),
  autoAcceptAt: Joi.string()
    .isoDate()
    .description('When a delivered milestone is accepted for a buyer who does not answer'),
  deliveryNote: Joi.string().allow(''),
  documentIds: Joi.array().items(Joi.string()),
  changesNote: Joi.string().allow(''),
  decidedAt: Joi.string().isoDate(),
  autoAccepted: Joi.boolean(),
  acceptedAmount: Joi.number().integer(),
  owed: Joi.number()
    .integer()
    .description(
      'Once accepted: what the buyer owes the seller for it (the part accepted after a partial outcome)',
    ),
  transfer: Joi.object({
    amount: Joi.number().integer().required(),
    reference: Joi.string().allow('').required(),
    recordedAt: Joi.string().isoDate(),
    confirmedAt: Joi.string().isoDate(),
  }).description(
    "The buyer's payment to the seller: recorded by the buyer, confirmed received by the seller",
  ),
  fees: Joi.array()
    .items(
      Joi.object({
        payer: Joi.string().valid('buyer', 'seller').required(),
        amount: Joi.number().integer().required(),
        currency: Joi.string()
          .valid(...CURRENCIES)
          .required(),
        credited: Joi.number().integer(),
        status: Joi.string().valid(...PAYMENT_STATUSES),
        paymentId: Joi.string(),
      }),
    )
    .required()
    .description("The exchange's share of the success fee on this milestone, due once it is accepted"),
  settled: Joi.boolean()
    .required()
    .description('Accepted, paid for and confirmed received, its fees paid (or cancelled)'),
  dispute: Joi.object({
    reason: Joi.string().allow('').required(),
    openedByRole: Joi.string(),
    openedAt: Joi.string().isoDate(),
    outcome: Joi.string().valid(...MILESTONE_DISPUTE_OUTCOMES),
    note: Joi.string().allow(''),
    resolvedAt: Joi.string().isoDate(),
  }),
});

export const milestoneListResponse = Joi.object({
  status: Joi.string()
    .valid(...DEAL_STATUSES)
    .required(),
  acceptAfterDays: Joi.number().integer().required().description('MILESTONE_ACCEPT_DAYS'),
  milestones: Joi.array().items(milestoneView).required(),
});
export const milestoneResponse = Joi.object({
  milestone: milestoneView.required(),
  dealStatus: Joi.string()
    .valid(...DEAL_STATUSES)
    .required(),
});
