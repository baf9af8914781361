import Joi from 'joi';
import type { Locale } from '../api-contract/enums';
import { langQuery } from '../common/viewer-locale';
import { DEFAULT_MATCH_LIMIT, MAX_MATCH_LIMIT } from './match.service';

export interface MatchesQuery {
  limit: number;
  lang?: Locale;
}

export const matchesQuery = Joi.object<MatchesQuery>({
  limit: Joi.number().integer().min(1).max(MAX_MATCH_LIMIT).default(DEFAULT_MATCH_LIMIT),
  lang: langQuery,
});

const match = (kind: 'offer' | 'demand') =>
  Joi.object({
    [kind]: Joi.object().unknown(true),
    score: Joi.number().min(0).max(1),
    reasons: Joi.array().items(Joi.string()),
    reasonDetails: Joi.array().items(
      Joi.object({
        code: Joi.string(),
        effect: Joi.string().valid('positive', 'neutral', 'negative'),
        text: Joi.string(),
      }),
    ),
  });

/** Matches among this exchange's listings, then (`imported`) among those imported from partner exchanges. */
const matchesResponse = (kind: 'offer' | 'demand') =>
  Joi.object({
    matches: Joi.array().items(match(kind)),
    imported: Joi.array()
      .items(match(kind))
      .description(
        `Read-only ${kind}s imported from partner exchanges, each with its origin, partnerName and homeUrl; their page here is /imported/:id`,
      ),
  });

export const offerMatchesResponse = matchesResponse('offer');
export const demandMatchesResponse = matchesResponse('demand');
