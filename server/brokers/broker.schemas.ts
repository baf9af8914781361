import Joi from 'joi';
import { CURRENCIES, DEAL_STATUSES } from '../api-contract/enums';

const namedRef = Joi.object({ id: Joi.string().required(), name: Joi.string().allow('').required() });
const money = Joi.number().integer().min(0).required();

const commission = Joi.object({
  amount: money,
  paid: money.description('the share of the fee lines already paid'),
  due: money.description('the share of the fee lines not yet paid'),
  currency: Joi.string()
    .valid(...CURRENCIES)
    .required(),
});

/** A broker's desk: proposals waiting for the other party, deals brokered, commission paid and due. */
export const brokerSummaryResponse = Joi.object({
  proposals: Joi.array()
    .items(
      Joi.object({
        dealId: Joi.string().required(),
        reference: Joi.string(),
        title: Joi.string().allow('').required(),
        status: Joi.string()
          .valid(...DEAL_STATUSES)
          .required(),
        proposedByRole: Joi.string().valid('seller', 'buyer').required(),
        proposedBy: namedRef.required(),
        otherParty: namedRef.required().description('the party whose agreement seats the broker'),
        proposedAt: Joi.string().isoDate(),
      }),
    )
    .required()
    .description('deals on which a party proposed this broker and the other party has not yet agreed'),
  deals: Joi.array()
    .items(
      Joi.object({
        id: Joi.string().required(),
        reference: Joi.string(),
        title: Joi.string().allow('').required(),
        status: Joi.string()
          .valid(...DEAL_STATUSES)
          .required(),
        seller: namedRef.required(),
        buyer: namedRef.required(),
        updatedAt: Joi.string().isoDate(),
        commission: commission.description('once terms are agreed (none for cancelled or lost deals)'),
      }),
    )
    .required(),
  commissions: Joi.array()
    .items(commission.keys({ deals: Joi.number().integer().min(0).required() }))
    .required()
    .description('totals per currency'),
  brokerShareBps: Joi.number().integer().min(0).max(10_000).required(),
});
