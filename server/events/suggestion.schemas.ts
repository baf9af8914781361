import Joi from 'joi';
import { EVENT_ROLES, LISTING_KINDS, MEETING_STATUSES, type Locale } from '../api-contract/enums';
import { objectId } from '../common/ids';
import { langQuery } from '../common/viewer-locale';
import { DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS } from './suggestion.service';

export interface SuggestionsQuery {
  limit: number;
  lang?: Locale;
}

export const suggestionsQuery = Joi.object<SuggestionsQuery>({
  limit: Joi.number().integer().min(1).max(MAX_SUGGESTIONS).default(DEFAULT_SUGGESTIONS),
  lang: langQuery.description('the language of the reasons (default: yours)'),
});

const side = Joi.object({
  listing: Joi.object({
    kind: Joi.string()
      .valid(...LISTING_KINDS)
      .required(),
    id: objectId().required(),
    title: Joi.string().allow('').required(),
    shown: Joi.boolean().required().description('shown at the event: a meeting may be about it'),
  }),
  lookingFor: Joi.string().description('the text of what the participant looks for'),
}).xor('listing', 'lookingFor');

export const suggestionsResponse = Joi.object({
  event: Joi.object({ id: objectId().required(), title: Joi.string().required() }).required(),
  organizationId: objectId().required(),
  suggestions: Joi.array()
    .items(
      Joi.object({
        organization: Joi.object({
          id: objectId().required(),
          name: Joi.string().allow('').required(),
        }).required(),
        role: Joi.string()
          .valid(...EVENT_ROLES)
          .required(),
        score: Joi.number().min(0).max(1).required().description('the best pair’s score'),
        matches: Joi.array()
          .items(
            Joi.object({
              mine: side.required(),
              theirs: side.required(),
              score: Joi.number().min(0).max(1).required(),
              reasons: Joi.array()
                .items(
                  Joi.object({
                    code: Joi.string().required(),
                    effect: Joi.string().valid('positive', 'neutral', 'negative').required(),
                    text: Joi.string().required(),
                  }),
                )
                .required(),
            }),
          )
          .required()
          .description('which listing (or text of what one looks for) matches which, best first'),
        meetingListingId: objectId().description(
          'the listing a meeting request is about (one either side shows at the event)',
        ),
        openMeeting: Joi.object({
          id: objectId().required(),
          status: Joi.string()
            .valid(...MEETING_STATUSES)
            .required(),
        }).description('the meeting already asked for or scheduled between the two'),
      }),
    )
    .required()
    .description('best first'),
});
