import Joi from 'joi';
import { objectId } from '../common/ids';
import {
  CURRENCIES,
  DEAL_STATUSES,
  MILESTONE_DISPUTE_OUTCOMES,
  MILESTONE_STATUSES,
} from '../api-contract/enums';

export const milestoneParams = Joi.object({
  id: objectId().required(),
  n: Joi.number().integer().min(1).max(50).required(),
});

export const deliverBody = Joi.object({
  note: Joi.string().trim().min(1).max(4000).required(),
  documentIds: Joi.array().items(Joi.string().trim().max(64)).max(20).unique(),
});
export const noteBody = Joi.object({ note: Joi.string().trim().min(3).max(4000).required() });
export const disputeBody = Joi.object({ reason: Joi.string().trim().min(3).max(4000).required() });
export const resolveBody = Joi.object({
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
