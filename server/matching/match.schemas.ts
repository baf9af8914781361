import Joi from 'joi';
import { langQuery } from '../notifications/viewer-locale';
import { DEFAULT_MATCH_LIMIT, MAX_MATCH_LIMIT } from './match.service';

export const matchesQuery = Joi.object({
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

export const offerMatchesResponse = Joi.object({ matches: Joi.array().items(match('offer')) });
export const demandMatchesResponse = Joi.object({ matches: Joi.array().items(match('demand')) });
