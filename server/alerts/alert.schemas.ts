import Joi from 'joi';
import { TRL_MAX, TRL_MIN } from '../api-contract/enums';
import { SEARCH_FILTER_KEYS, type SearchFilters } from '../search-api';

/** The filters of `GET /api/search`, with ranges checked in order. */
export const alertFiltersSchema = Joi.object({
  ...SEARCH_FILTER_KEYS,
  trlMax: SEARCH_FILTER_KEYS.trlMax.min(Joi.ref('trlMin', { adjust: (v) => v ?? TRL_MIN })).max(TRL_MAX),
  priceMax: SEARCH_FILTER_KEYS.priceMax.min(Joi.ref('priceMin', { adjust: (v) => v ?? 0 })),
}).default({});

/** Words, filters or both: an alert with neither would announce every new listing. */
export interface CreateAlertInput {
  /** '' when filters are given without words. */
  q: string;
  filters: SearchFilters;
}

export const createAlertBody = Joi.object<CreateAlertInput>({
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
