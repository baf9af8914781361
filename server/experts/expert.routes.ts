import Joi from 'joi';
import type { ApiRouter } from '../common/api-router';
import { idParams, objectId } from '../common/ids';
import { pageAnswerKeys } from '../common/page-schema';
import { FIELD_CODES, SUB_FIELD_CODES } from '../api-contract/taxonomy';
import { LOCALES } from '../api-contract/enums';
import {
  EXPERT_AVAILABILITIES,
  getExpert,
  listExperts,
  myExpertProfile,
  saveMyExpertProfile,
  type ExpertProfileInput,
  type ExpertQuery,
} from './expert.service';

const expert = Joi.object({
  id: objectId().required(),
  name: Joi.string().required(),
  organization: Joi.object({ id: objectId().required(), name: Joi.string().required() })
    .allow(null)
    .required(),
  fields: Joi.array().items(Joi.string()).required(),
  subFields: Joi.array().items(Joi.string()).required(),
  credentials: Joi.string().allow('').required(),
  affiliation: Joi.string().allow('').required(),
  languages: Joi.array().items(Joi.string()).required(),
  bio: Joi.string().allow('').required(),
  availability: Joi.string()
    .valid(...EXPERT_AVAILABILITIES)
    .required(),
});
const ownProfile = expert.keys({
  conflicts: Joi.array().items(objectId()).required().description('organisations declared in conflict'),
});

const profileBody = Joi.object<ExpertProfileInput>({
  fields: Joi.array()
    .items(Joi.string().valid(...FIELD_CODES))
    .min(1)
    .max(6)
    .unique()
    .required(),
  subFields: Joi.array()
    .items(Joi.string().valid(...SUB_FIELD_CODES))
    .max(20)
    .unique(),
  credentials: Joi.string().trim().max(2000).allow(''),
  affiliation: Joi.string().trim().max(200).allow(''),
  languages: Joi.array()
    .items(Joi.string().valid(...LOCALES))
    .min(1)
    .unique(),
  bio: Joi.string().trim().max(4000).allow(''),
  availability: Joi.string().valid(...EXPERT_AVAILABILITIES),
  conflicts: Joi.array()
    .items(objectId())
    .max(100)
    .unique()
    .description(
      'organisations the expert has a conflict of interest with: never assigned to their requests',
    ),
});

export function registerExpertRoutes(api: ApiRouter): void {
  const tag = 'experts';
  api.add({
    method: 'get',
    path: '/experts',
    tag,
    summary:
      'The directory of appraisal experts (users an operator gave the expert role, with a profile): available first; q finds words of name, affiliation, credentials or biography',
    access: 'public',
    query: Joi.object<ExpertQuery>({
      field: Joi.string().valid(...FIELD_CODES),
      q: Joi.string().trim().max(100),
      availability: Joi.string().valid(...EXPERT_AVAILABILITIES),
      page: Joi.number().integer().min(1).max(10_000).default(1),
      limit: Joi.number().integer().min(1).max(100).default(20),
    }),
    response: Joi.object({ experts: Joi.array().items(expert).required(), ...pageAnswerKeys }),
    cacheAnswers: { clearOn: ['expert', 'user', 'organization'] },
    handler: ({ query }) => listExperts(query),
  });
  api.add({
    method: 'get',
    path: '/experts/me',
    tag,
    summary:
      'Your expert profile (experts), with the conflicts of interest you declared; null before the first save',
    access: 'user',
    response: Joi.object({ profile: ownProfile.allow(null).required() }),
    handler: ({ user }) => myExpertProfile(user),
  });
  api.add({
    method: 'put',
    path: '/experts/me',
    tag,
    summary: 'Save your expert profile and declared conflicts of interest (experts)',
    access: 'user',
    body: profileBody,
    response: Joi.object({ profile: ownProfile.required() }),
    handler: ({ user, body }) => saveMyExpertProfile(user, body),
  });
  api.add({
    method: 'get',
    path: '/experts/:id',
    tag,
    summary: 'One expert of the directory',
    access: 'public',
    params: idParams,
    response: Joi.object({ expert: expert.required() }),
    handler: async ({ params }) => ({ expert: await getExpert(params.id) }),
  });
}
