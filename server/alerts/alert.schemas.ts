import Joi from 'joi';
import {
  CURRENCIES,
  LISTING_KINDS,
  PROVINCE_CODES,
  TRANSFER_MODES,
  TRL_MAX,
  TRL_MIN,
} from '../contract/enums';
import { FIELD_CODES } from '../contract/taxonomy';

const trl = () => Joi.number().integer().min(TRL_MIN).max(TRL_MAX);
const amount = () => Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER);

/** The filters of `GET /api/search`. */
export const alertFiltersSchema = Joi.object({
  kind: Joi.string().valid(...LISTING_KINDS),
  field: Joi.string().valid(...FIELD_CODES),
  trlMin: trl(),
  trlMax: trl().min(Joi.ref('trlMin', { adjust: (v) => v ?? TRL_MIN })),
  transferMode: Joi.string().valid(...TRANSFER_MODES),
  province: Joi.string().valid(...PROVINCE_CODES),
  currency: Joi.string().valid(...CURRENCIES),
  priceMin: amount(),
  priceMax: amount().min(Joi.ref('priceMin', { adjust: (v) => v ?? 0 })),
}).default({});

/** Words, filters or both: an alert with neither would announce every new listing. */
export const createAlertBody = Joi.object({
  q: Joi.string()
    .trim()
    .max(200)
    .when('filters', {
      is: Joi.object().min(1).required(),
      then: Joi.string().allow('').default(''),
      otherwise: Joi.string().required().messages({
        'string.empty': 'give search words (q) or at least one filter',
        'any.required': 'give search words (q) or at least one filter',
      }),
    }),
  filters: alertFiltersSchema,
});

const alert = Joi.object({
  id: Joi.string(),
  q: Joi.string().allow(''),
  filters: Joi.object().unknown(true),
  createdAt: Joi.string().isoDate(),
});
export const alertResponse = Joi.object({ alert });
export const alertListResponse = Joi.object({ alerts: Joi.array().items(alert) });
