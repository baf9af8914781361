import Joi from 'joi';
import {
  CURRENCIES,
  EVENT_PHASES,
  EVENT_REGISTRATION_STATUSES,
  EVENT_ROLES,
  EVENT_STATUSES,
  LISTING_KINDS,
  MEETING_OUTCOMES,
  MEETING_STATUSES,
  type EventPhase,
  type EventRegistrationStatus,
  type EventRole,
  type ListingKind,
  type MeetingOutcome,
} from '../api-contract/enums';
import { FIELD_CODES, type FieldCode } from '../api-contract/taxonomy';
import { objectId } from '../common/ids';
import { pageAnswerKeys } from '../common/page-schema';
import type { ExportFormat } from '../common/table-export';
import type { EventPatch } from './event-edit-rules';
import type { Period } from './event-rules';
import type { RegistrationInput } from './event.service';
import type { MeetingRequest } from './meeting.service';

const text = (max: number) => Joi.string().trim().max(max);
const time = () => Joi.string().isoDate();
const count = () => Joi.number().integer().min(0).required();

const periodBody = Joi.object({
  from: Joi.date().iso().required(),
  to: Joi.date().iso().required(),
});

export interface PageQuery {
  page: number;
  limit: number;
}

const page = {
  page: Joi.number().integer().min(1).max(10_000).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
};

/** A new event, as validated. */
export interface EventBody {
  title: string;
  titleEn?: string;
  description?: string;
  descriptionEn?: string;
  startsAt: Date;
  endsAt: Date;
  venue?: string;
  online: boolean;
  fields: FieldCode[];
  registrationClosesAt: Date;
  capacity?: number;
  slotMinutes: number;
  breaks: Period[];
  tables?: number;
}

export const eventBody = Joi.object<EventBody>({
  title: text(200).min(1).required().description('the title (Vietnamese, or the language of the event)'),
  titleEn: text(200).min(1).description('the title in English'),
  description: text(8000).allow(''),
  descriptionEn: text(8000).allow('').description('the description in English'),
  startsAt: Joi.date().iso().required(),
  endsAt: Joi.date().iso().greater(Joi.ref('startsAt')).required(),
  venue: text(300)
    .min(1)
    .when('online', { is: false, then: Joi.required() })
    .description('where it is held (required for an event on site)'),
  online: Joi.boolean()
    .required()
    .description('meetings are held in online rooms (true) or at on-site tables (false)'),
  fields: Joi.array()
    .items(Joi.string().valid(...FIELD_CODES))
    .min(1)
    .max(FIELD_CODES.length)
    .unique()
    .required()
    .description('the event’s themes'),
  registrationClosesAt: Joi.date().iso().less(Joi.ref('endsAt')).required(),
  capacity: Joi.number().integer().min(1).max(10_000).description('the most organizations approved'),
  slotMinutes: Joi.number().integer().min(5).max(240).default(20).description('length of a meeting slot'),
  breaks: Joi.array().items(periodBody).max(50).default([]),
  tables: Joi.number()
    .integer()
    .min(1)
    .max(1_000)
    .when('online', { is: false, then: Joi.required(), otherwise: Joi.forbidden() })
    .description('on-site tables for one-to-one meetings (events on site only)'),
});

/**
 * An operator's change of an event: any of its fields, at least one; the event as it would read
 * is checked as a new one is, and against its scheduled meetings (409 naming the field).
 */
export const eventPatchBody = Joi.object<EventPatch>({
  title: text(200).min(1),
  titleEn: text(200).min(1),
  description: text(8000).allow(''),
  descriptionEn: text(8000).allow(''),
  startsAt: Joi.date().iso(),
  endsAt: Joi.date().iso(),
  venue: text(300).min(1),
  online: Joi.boolean(),
  fields: Joi.array()
    .items(Joi.string().valid(...FIELD_CODES))
    .min(1)
    .max(FIELD_CODES.length)
    .unique(),
  registrationClosesAt: Joi.date().iso(),
  capacity: Joi.number().integer().min(1).max(10_000),
  slotMinutes: Joi.number().integer().min(5).max(240),
  breaks: Joi.array().items(periodBody).max(50),
  tables: Joi.number().integer().min(1).max(1_000),
}).min(1);

export interface StatedReasonBody {
  reason: string;
}

const requiredReason = () => Joi.object<StatedReasonBody>({ reason: text(1000).min(1).required() });

export const cancelEventBody = requiredReason();
export const revokeBody = requiredReason();

const availabilityList = () =>
  Joi.array()
    .items(periodBody)
    .min(1)
    .max(50)
    .required()
    .description('when the organization is free for meetings, within the event');

export interface AvailabilityBody {
  availability: Period[];
}

export const availabilityBody = Joi.object<AvailabilityBody>({ availability: availabilityList() });

export interface EventListQuery extends PageQuery {
  phase?: EventPhase;
}

export const eventListQuery = Joi.object<EventListQuery>({
  phase: Joi.string().valid(...EVENT_PHASES),
  ...page,
});

export interface RegistrationParams {
  id: string;
  rid: string;
}

export const registrationParams = Joi.object<RegistrationParams>({
  id: objectId().required(),
  rid: objectId().required(),
});

export const registrationBody = Joi.object<RegistrationInput>({
  role: Joi.string()
    .valid(...EVENT_ROLES)
    .required(),
  listingIds: Joi.array()
    .items(objectId())
    .min(1)
    .max(20)
    .unique()
    .when('role', { is: 'exhibitor', then: Joi.required(), otherwise: Joi.forbidden() })
    .description('an exhibitor’s own published offers or demands shown at the event'),
  pitch: text(2000).allow('').description('an exhibitor’s short pitch'),
  lookingFor: text(2000).allow('').description('what a visitor (or an exhibitor) looks for'),
  availability: availabilityList(),
});

export interface RegistrationListQuery extends PageQuery {
  status?: EventRegistrationStatus;
  role?: EventRole;
}

export const registrationListQuery = Joi.object<RegistrationListQuery>({
  status: Joi.string().valid(...EVENT_REGISTRATION_STATUSES),
  role: Joi.string().valid(...EVENT_ROLES),
  ...page,
});

export const rejectBody = Joi.object<StatedReasonBody>({ reason: text(1000).min(1).required() });

export interface CatalogueQuery extends PageQuery {
  q?: string;
  field?: FieldCode;
  kind?: ListingKind;
}

export const catalogueQuery = Joi.object<CatalogueQuery>({
  q: text(200)
    .allow('')
    .description('search words, as in the exchange’s search (with or without diacritics)'),
  field: Joi.string().valid(...FIELD_CODES),
  kind: Joi.string().valid(...LISTING_KINDS),
  ...page,
});

export const meetingBody = Joi.object<MeetingRequest>({
  withOrganizationId: objectId().required(),
  listingId: objectId().description('a listing either organization shows at the event'),
  message: text(2000).min(1).required(),
});

export interface ReasonBody {
  reason?: string;
}

export const reasonBody = Joi.object<ReasonBody>({ reason: text(1000).allow('') });

export interface OutcomeBody {
  outcome: MeetingOutcome;
  note?: string;
}

export const outcomeBody = Joi.object<OutcomeBody>({
  outcome: Joi.string()
    .valid(...MEETING_OUTCOMES)
    .required(),
  note: text(2000).allow(''),
});

export interface AgendaQuery {
  format?: 'json' | 'ics';
}

export const agendaQuery = Joi.object<AgendaQuery>({
  format: Joi.string()
    .valid('json', 'ics')
    .description('ics: the agenda as an iCalendar file (also with `Accept: text/calendar`)'),
});

export interface ReportQuery {
  format: 'json' | ExportFormat;
}

export const reportQuery = Joi.object<ReportQuery>({
  format: Joi.string().valid('json', 'csv', 'xlsx').default('json'),
});

// Answers.

const period = Joi.object({ from: time().required(), to: time().required() });
const named = Joi.object({ id: objectId().required(), name: Joi.string().allow('').required() });

const event = Joi.object({
  id: objectId().required(),
  title: Joi.string().required(),
  titleEn: Joi.string(),
  description: Joi.string().allow('').required(),
  descriptionEn: Joi.string().allow(''),
  startsAt: time().required(),
  endsAt: time().required(),
  venue: Joi.string(),
  online: Joi.boolean().required(),
  fields: Joi.array()
    .items(Joi.string().valid(...FIELD_CODES))
    .required(),
  registrationClosesAt: time().required(),
  registrationOpen: Joi.boolean().required(),
  phase: Joi.string()
    .valid(...EVENT_PHASES)
    .required(),
  capacity: Joi.number().integer(),
  slotMinutes: Joi.number().integer().required(),
  breaks: Joi.array().items(period).required(),
  tables: Joi.number().integer(),
  status: Joi.string()
    .valid(...EVENT_STATUSES)
    .required(),
  cancelReason: Joi.string(),
  cancelledAt: time(),
  createdAt: time().required(),
});

export const eventResponse = Joi.object({ event: event.required() });
export const eventListResponse = Joi.object({
  events: Joi.array()
    .items(event)
    .required()
    .description('upcoming and running first (soonest first), then ended ones (latest first)'),
  ...pageAnswerKeys,
});

const listingRef = Joi.object({
  kind: Joi.string()
    .valid(...LISTING_KINDS)
    .required(),
  id: objectId().required(),
  title: Joi.string().allow('').required(),
});

const registration = Joi.object({
  id: objectId().required(),
  eventId: objectId().required(),
  organization: named.required(),
  role: Joi.string()
    .valid(...EVENT_ROLES)
    .required(),
  status: Joi.string()
    .valid(...EVENT_REGISTRATION_STATUSES)
    .required(),
  listings: Joi.array().items(listingRef).required(),
  pitch: Joi.string().allow('').required(),
  lookingFor: Joi.string().allow('').required(),
  availability: Joi.array().items(period).required(),
  decidedAt: time(),
  rejectionReason: Joi.string(),
  revokeReason: Joi.string(),
  revokedAt: time(),
  createdAt: time().required(),
});

export const registrationResponse = Joi.object({ registration: registration.required() });
export const myRegistrationResponse = Joi.object({
  registration: registration.allow(null).required().description('null: your organization has not registered'),
});
export const registrationListResponse = Joi.object({
  registrations: Joi.array().items(registration).required(),
  ...pageAnswerKeys,
});

const catalogueListing = Joi.object({
  kind: Joi.string()
    .valid(...LISTING_KINDS)
    .required(),
  id: objectId().required(),
  title: Joi.string().allow('').required(),
  field: Joi.string().allow('').required(),
  trl: Joi.number().integer(),
});

export const catalogueResponse = Joi.object({
  event: Joi.object({ id: objectId().required(), title: Joi.string().required() }).required(),
  exhibitors: Joi.array()
    .items(
      Joi.object({
        organization: named.required(),
        pitch: Joi.string().allow('').required(),
        listings: Joi.array().items(catalogueListing).required(),
      }),
    )
    .required()
    .description(
      'approved exhibitors with their published listings (with q: the listings that match, best first)',
    ),
  ...pageAnswerKeys,
});

const meeting = Joi.object({
  id: objectId().required(),
  eventId: objectId().required(),
  requester: named.required(),
  invitee: named.required(),
  myRole: Joi.string().valid('requester', 'invitee'),
  listing: listingRef,
  message: Joi.string().allow('').required(),
  status: Joi.string()
    .valid(...MEETING_STATUSES)
    .required(),
  startsAt: time(),
  endsAt: time(),
  table: Joi.number().integer().description('the on-site table (events on site)'),
  roomUrl: Joi.string().description('the online room (online events)'),
  declineReason: Joi.string(),
  cancelledByOrgId: objectId(),
  cancelReason: Joi.string(),
  outcomes: Joi.array()
    .items(
      Joi.object({
        organizationId: objectId().required(),
        outcome: Joi.string()
          .valid(...MEETING_OUTCOMES)
          .required(),
        note: Joi.string(),
        at: time().required(),
      }),
    )
    .required(),
  held: Joi.boolean().required().description('accepted, and an outcome recorded or its end passed'),
  createdAt: time().required(),
  updatedAt: time().required(),
});

export const meetingResponse = Joi.object({ meeting: meeting.required() });

export const agendaResponse = Joi.object({
  event: Joi.object({ id: objectId().required(), title: Joi.string().required() }).required(),
  organizationId: objectId().required(),
  meetings: Joi.array().items(meeting).required().description('accepted meetings, in time order'),
  pending: Joi.array()
    .items(meeting)
    .required()
    .description('meetings asked for by or of the organization, awaiting an answer (newest first)'),
});

const statusCounts = Joi.object({
  ...Object.fromEntries(EVENT_REGISTRATION_STATUSES.map((s) => [s, count()])),
  total: count(),
});

export const reportResponse = Joi.object({
  event: Joi.object({ id: objectId().required(), title: Joi.string().required() }).required(),
  registrations: Joi.object({
    total: count(),
    exhibitor: statusCounts.required(),
    visitor: statusCounts.required(),
  }).required(),
  meetings: Joi.object({
    requested: count().description('every meeting asked for'),
    pending: count().description('still awaiting an answer'),
    accepted: count(),
    declined: count(),
    cancelled: count(),
    held: count().description('accepted, and an outcome recorded or its end passed'),
  }).required(),
  outcomes: Joi.object(Object.fromEntries(MEETING_OUTCOMES.map((o) => [o, count()])))
    .required()
    .description('outcomes recorded (each side’s counts)'),
  deals: Joi.object({
    opened: count().description('deals opened from the event’s meetings'),
    agreed: count().description('of those, agreed (an agreed term sheet)'),
    value: Joi.object()
      .pattern(Joi.string().valid(...CURRENCIES), Joi.number().integer().min(0))
      .required()
      .description('the agreed deals’ value by currency (minor units)'),
  }).required(),
});
