import Joi from 'joi';
import { LISTING_KINDS } from '../api-contract/enums';
import { objectId } from '../common/ids';
import { MAX_SESSIONS } from './programme-rules';
import type { SessionPatchBody } from './programme.service';

const text = (max: number) => Joi.string().trim().max(max);

export interface SessionParams {
  id: string;
  sid: string;
}

export const sessionParams = Joi.object<SessionParams>({
  id: objectId().required(),
  sid: objectId().required(),
});

/** A new session, as validated (held on site unless `online`). */
export interface NewSessionBody {
  title: string;
  titleEn?: string;
  startsAt: Date;
  endsAt: Date;
  online: boolean;
  room?: string;
  speakerOrganizationId: string;
  listingId?: string;
}

export const sessionBody = Joi.object<NewSessionBody>({
  title: text(200).min(1).required().description('the session’s title (Vietnamese)'),
  titleEn: text(200).min(1).description('the title in English'),
  startsAt: Joi.date().iso().required().description('within the event'),
  endsAt: Joi.date().iso().required().description('after startsAt, within the event'),
  online: Joi.boolean().default(false).description('held online (true) or in a room on site'),
  room: text(100)
    .min(1)
    .when('online', { is: true, then: Joi.forbidden(), otherwise: Joi.required() })
    .description('the room on site (a session not online)'),
  speakerOrganizationId: objectId().required().description('the organization that pitches'),
  listingId: objectId().description('a published offer or demand of the speaker organization, pitched'),
});

/** Any of a session's fields, at least one; `null` clears the English title or the pitched listing. */
export const sessionPatchBody = Joi.object<SessionPatchBody>({
  title: text(200).min(1),
  titleEn: text(200).min(1).allow(null),
  startsAt: Joi.date().iso(),
  endsAt: Joi.date().iso(),
  online: Joi.boolean(),
  room: text(100).min(1).allow(null),
  speakerOrganizationId: objectId(),
  listingId: objectId().allow(null),
}).min(1);

const session = Joi.object({
  id: objectId().required(),
  title: Joi.string().required(),
  titleEn: Joi.string(),
  startsAt: Joi.string().isoDate().required(),
  endsAt: Joi.string().isoDate().required(),
  online: Joi.boolean().required(),
  room: Joi.string(),
  speaker: Joi.object({ id: objectId().required(), name: Joi.string().allow('').required() }).required(),
  listing: Joi.object({
    kind: Joi.string()
      .valid(...LISTING_KINDS)
      .required(),
    id: objectId().required(),
    title: Joi.string().allow('').required(),
  }),
});

export const sessionResponse = Joi.object({ session: session.required() });

export const programmeResponse = Joi.object({
  event: Joi.object({ id: objectId().required(), title: Joi.string().required() }).required(),
  sessions: Joi.array().items(session).max(MAX_SESSIONS).required().description('in time order'),
});
