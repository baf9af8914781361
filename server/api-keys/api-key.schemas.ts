/** The partner API keys' routes' joi schemas. */
import Joi from 'joi';
import { API_KEY_SCOPES, type ApiKeyScope } from '../common/api-key-access';
import { objectId } from '../common/ids';

export interface ApiKeyBody {
  name: string;
  scopes: ApiKeyScope[];
}

export const apiKeyBody = Joi.object<ApiKeyBody>({
  name: Joi.string().trim().min(1).max(200).required().description('who the key is for'),
  scopes: Joi.array()
    .items(Joi.string().valid(...API_KEY_SCOPES))
    .min(1)
    .unique()
    .required()
    .description(
      'listings: read published offers and demands; search: the public search; federation: read the federation feed (`GET /api/federation/listings`) as a partner exchange would',
    ),
});

const apiKeyView = Joi.object({
  id: Joi.string().required(),
  name: Joi.string().required(),
  scopes: Joi.array()
    .items(Joi.string().valid(...API_KEY_SCOPES))
    .required(),
  prefix: Joi.string().required().description('the key’s first characters, to tell keys apart'),
  createdAt: Joi.string().isoDate().required(),
  lastUsedAt: Joi.string().isoDate().allow(null).required(),
  revokedAt: Joi.string().isoDate().allow(null).required(),
});

export const createdApiKeyResponse = Joi.object({
  apiKey: apiKeyView.required(),
  key: Joi.string()
    .required()
    .description(
      'the key, shown this once (only its hash is kept): send it as `Authorization: Bearer <key>`',
    ),
});
export const apiKeyListResponse = Joi.object({ apiKeys: Joi.array().items(apiKeyView).required() });
export interface ApiKeyIdParams {
  id: string;
}

export const apiKeyIdParams = Joi.object<ApiKeyIdParams>({ id: objectId().required() });
