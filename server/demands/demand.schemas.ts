import Joi from 'joi';
import { DEMAND_MODES } from '../api-contract/enums';
import {
  commonListingKeys,
  commonViewKeys,
  createAndPatchSchemas,
  currency,
  trl,
} from '../listings/listing-schemas';

const budgetAmount = () => Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER);

const demandKeys = {
  ...commonListingKeys,
  problem: Joi.string().trim().max(20_000).allow(''),
  desiredOutcome: Joi.string().trim().max(20_000).allow(''),
  minTrl: trl(),
  /** Replaced as a whole by a patch. */
  budget: Joi.object({ min: budgetAmount(), max: budgetAmount(), currency: currency().default('VND') }),
  mode: Joi.string().valid(...DEMAND_MODES),
  deadline: Joi.date().iso().allow(null),
};

export const { create: demandCreateSchema, patch: demandPatchSchema } = createAndPatchSchemas(demandKeys, [
  'title',
  'field',
]);

const demandViewSchema = Joi.object({
  ...commonViewKeys,
  kind: Joi.string().valid('demand'),
  problem: Joi.string(),
  desiredOutcome: Joi.string(),
  minTrl: Joi.number(),
  budget: Joi.object({
    min: Joi.number().allow(null),
    max: Joi.number().allow(null),
    currency: Joi.string(),
  }),
  mode: Joi.string(),
  deadline: Joi.date().iso(),
});

export const demandResponse = Joi.object({ demand: demandViewSchema });
export const demandListResponse = Joi.object({
  demands: Joi.array().items(demandViewSchema),
  total: Joi.number(),
  page: Joi.number(),
  limit: Joi.number(),
});
