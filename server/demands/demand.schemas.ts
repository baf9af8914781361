import Joi from 'joi';
import { DEMAND_MODES, type Currency, type DemandMode } from '../api-contract/enums';
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

export interface DemandBudgetInput {
  min?: number;
  max?: number;
  currency: Currency;
}

/** A demand as validated on create; a patch gives any of its fields. */
export interface DemandInput extends ListingInput {
  problem?: string;
  desiredOutcome?: string;
  minTrl?: number;
  budget?: DemandBudgetInput;
  mode?: DemandMode;
  deadline?: Date | null;
  deposit?: number | null;
  depositPct?: number | null;
}

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
  deposit: money()
    .allow(null)
    .description(
      "A fixed deposit each proposer pays before proposing, in minor units of the budget's currency (calls for proposals only)",
    ),
  depositPct: Joi.number()
    .integer()
    .min(1)
    .max(50)
    .allow(null)
    .description("Or the deposit as a percentage of the budget's maximum (calls for proposals only)"),
};

export const { create: demandCreateSchema, patch: demandPatchSchema } = createAndPatchSchemas<DemandInput>(
  demandKeys,
  ['title', 'field'],
);

const demandViewKeys = {
  ...commonViewKeys,
  kind: Joi.string().valid('demand').required(),
  problem: Joi.string().allow('').required(),
  desiredOutcome: Joi.string().allow('').required(),
  minTrl: Joi.number().integer().required(),
  budget: Joi.object({
    min: Joi.number().integer().allow(null).required(),
    max: Joi.number().integer().allow(null).required(),
    currency: currencyView().required(),
  }).required(),
  mode: Joi.string()
    .valid(...DEMAND_MODES)
    .required(),
  deadline: Joi.string().isoDate(),
  callClosedAt: Joi.string().isoDate(),
  deposit: Joi.number().integer().description('The deposit a proposer pays before proposing, in minor units'),
  depositPct: Joi.number()
    .integer()
    .description("When the deposit was set as a percentage of the budget's maximum"),
};

export const demandViewSchema = Joi.object({
  ...demandViewKeys,
  revision: revisionSchema(Joi.object(demandViewKeys)),
});

export const demandResponse = Joi.object({ demand: demandViewSchema });
export const demandListResponse = Joi.object({
  demands: Joi.array().items(demandViewSchema),
  total: Joi.number(),
  page: Joi.number(),
  limit: Joi.number(),
});
