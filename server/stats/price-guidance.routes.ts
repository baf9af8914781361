import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { CURRENCIES, TRANSFER_MODES } from '../api-contract/enums';
import { FIELD_CODES } from '../api-contract/taxonomy';
import { TRL_BANDS } from './price-guidance-rules';
import { priceGuidanceFor, type PriceGuidanceQuery } from './price-guidance.service';

const guidanceResponse = Joi.object({
  field: Joi.string().required(),
  currency: Joi.string()
    .valid(...CURRENCIES)
    .required(),
  trlBand: Joi.string().valid(...TRL_BANDS),
  transferMode: Joi.string().valid(...TRANSFER_MODES),
  minDeals: Joi.number().integer().required(),
  count: Joi.number().integer().min(0).required(),
  p25: Joi.number().integer(),
  median: Joi.number().integer(),
  p75: Joi.number().integer(),
  appraised: Joi.object({
    count: Joi.number().integer().min(0).required(),
    p25: Joi.number().integer(),
    median: Joi.number().integer(),
    p75: Joi.number().integer(),
  })
    .required()
    .description(
      'the second source, shown apart: experts’ valuations (midpoints of their ranges) of the field, currency and TRL band; quartiles from five',
    ),
});

export function registerPriceGuidanceRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/price-guidance',
    tag: 'statistics',
    summary:
      'What comparable agreed deals were worth: their number, and with five or more the 25th, 50th and 75th percentiles of the agreed value (a TRL of 1–3, 4–6 or 7–9 compares within that band)',
    access: 'user',
    query: Joi.object<PriceGuidanceQuery>({
      field: Joi.string()
        .valid(...FIELD_CODES)
        .required(),
      currency: Joi.string()
        .valid(...CURRENCIES)
        .required(),
      trl: Joi.number().integer().min(1).max(9),
      transferMode: Joi.string().valid(...TRANSFER_MODES),
    }),
    response: guidanceResponse,
    handler: ({ query }) => priceGuidanceFor(query),
  });
}
