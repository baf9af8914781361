import Joi from 'joi';
import {
  CURRENCIES,
  LISTING_KINDS,
  PROVINCE_CODES,
  TRANSFER_MODES,
  TRL_MAX,
  TRL_MIN,
} from '../api-contract/enums';
import { FIELD_CODES, SUB_FIELD_CODES } from '../api-contract/taxonomy';
import type { ErrorDetail } from '../common/errors';
import { MAX_LIMIT, type SearchQuery, type SearchSort } from '../../search';

const trl = () => Joi.number().integer().min(TRL_MIN).max(TRL_MAX);
const amount = () => Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER);

/** The filters of `GET /api/search`, shared with saved searches (alerts). */
export const SEARCH_FILTER_KEYS = {
  kind: Joi.string().valid(...LISTING_KINDS),
  field: Joi.string().valid(...FIELD_CODES),
  subField: Joi.string().valid(...SUB_FIELD_CODES),
  trlMin: trl(),
  trlMax: trl(),
  transferMode: Joi.string().valid(...TRANSFER_MODES),
  province: Joi.string().valid(...PROVINCE_CODES),
  currency: Joi.string().valid(...CURRENCIES),
  priceMin: amount().description('Minor units of the currency'),
  priceMax: amount().description('Minor units of the currency'),
};

/** The filters' values as validated (SEARCH_FILTER_KEYS). */
export type SearchFilters = Pick<
  SearchQuery,
  | 'kind'
  | 'field'
  | 'subField'
  | 'trlMin'
  | 'trlMax'
  | 'transferMode'
  | 'province'
  | 'currency'
  | 'priceMin'
  | 'priceMax'
>;

/** The query of `GET /api/search` as validated: sort, page and limit always set. */
export interface SearchApiQuery extends SearchQuery {
  sort: SearchSort;
  page: number;
  limit: number;
}

export const searchQuerySchema = Joi.object<SearchApiQuery>({
  q: Joi.string().trim().max(200).allow(''),
  ...SEARCH_FILTER_KEYS,
  origin: Joi.string()
    .pattern(/^[a-z0-9][a-z0-9-]{0,39}$/)
    .description(
      "Whose listings: 'local' this exchange's own, a partner exchange's code the listings imported from it; absent: all",
    ),
  sort: Joi.string().valid('relevance', 'newest', 'price_asc', 'price_desc').default('relevance'),
  page: Joi.number().integer().min(1).max(1000).default(1),
  limit: Joi.number().integer().min(1).max(MAX_LIMIT).default(20),
});

/** Ranges given upside down. Pure. */
export function searchRangeViolations(q: SearchQuery): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (q.trlMin !== undefined && q.trlMax !== undefined && q.trlMin > q.trlMax) {
    details.push({ field: 'trlMax', message: 'trlMax must not be less than trlMin' });
  }
  if (q.priceMin !== undefined && q.priceMax !== undefined && q.priceMin > q.priceMax) {
    details.push({ field: 'priceMax', message: 'priceMax must not be less than priceMin' });
  }
  return details;
}

// '' counts the listings that name no province.
const countMap = Joi.object().pattern(Joi.string().allow(''), Joi.number().integer().min(0));

export const searchResponse = Joi.object({
  hits: Joi.array()
    .items(
      Joi.object({
        id: Joi.string().required(),
        kind: Joi.string()
          .valid(...LISTING_KINDS)
          .required(),
        title: Joi.string().required(),
        summary: Joi.string().allow('').required(),
        field: Joi.string().required(),
        trl: Joi.number().integer().required(),
        province: Joi.string().allow('').required().description("'' when the listing names no province"),
        price: Joi.number().integer().description('Minor units of `currency`: an offer’s asking price'),
        currency: Joi.string().valid(...CURRENCIES),
        thumbUrl: Joi.string().description('The first image’s thumbnail, when the listing has images'),
        origin: Joi.string().description(
          'The partner exchange (its code) a listing imported through federation comes from; absent for this exchange’s own',
        ),
        home: Joi.object({
          name: Joi.string().required(),
          url: Joi.string().required(),
        }).description('An imported listing’s home exchange: its name and the listing’s page there'),
        appraisal: Joi.object({
          trlAssessed: Joi.number().integer().required(),
          at: Joi.string().isoDate().required(),
          type: Joi.string().valid('technology', 'valuation').required(),
        }).description('the "appraised" badge of a listing with a published appraisal'),
        highlight: Joi.object({
          title: Joi.string().allow('').required(),
          summary: Joi.string().allow('').required(),
        })
          .required()
          .description('HTML with <mark> around matches'),
      }),
    )
    .required(),
  total: Joi.number().integer().required(),
  facets: Joi.object({
    field: countMap.required(),
    trl: countMap.required(),
    transferModes: countMap.required(),
    province: countMap.required(),
    origin: countMap
      .required()
      .description("'local': this exchange's own listings; a partner's code: imported from it"),
  }).required(),
  page: Joi.number().integer().required(),
  limit: Joi.number().integer().required(),
});
