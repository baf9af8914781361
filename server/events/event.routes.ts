import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { idParams } from '../common/ids';
import { EXPORT_TYPES, writeTable } from '../common/table-export';
import {
  agendaQuery,
  agendaResponse,
  availabilityBody,
  cancelEventBody,
  eventPatchBody,
  revokeBody,
  catalogueQuery,
  catalogueResponse,
  eventBody,
  eventListQuery,
  eventListResponse,
  eventResponse,
  meetingBody,
  meetingResponse,
  myRegistrationResponse,
  outcomeBody,
  reasonBody,
  registrationBody,
  registrationListQuery,
  registrationListResponse,
  registrationParams,
  registrationResponse,
  rejectBody,
  reportQuery,
  reportResponse,
} from './event.schemas';
import {
  createEventRecord,
  decideRegistration,
  eventCatalogue,
  eventRegistrations,
  listEvents,
  myRegistration,
  readEvent,
  register,
} from './event.service';
import {
  acceptMeeting,
  agendaCalendar,
  cancelMeeting,
  declineMeeting,
  myAgenda,
  recordMeetingOutcome,
  requestMeeting,
} from './meeting.service';
import { eventReportExport, eventReportFor } from './event-report.service';
import { cancelEventRecord, updateEventRecord } from './event-edit.service';
import { changeAvailability, revokeRegistration } from './registration-change.service';
import { ICS_MEDIA_TYPE } from './icalendar';

export function registerEventRoutes(api: ApiRouter, ctx: AppContext): void {
  const tag = 'events';
  api.add({
    method: 'post',
    path: '/admin/events',
    tag: 'admin',
    summary:
      'Create a technology fair or brokerage event: dates, venue or online, themes, registration window, capacity, meeting slots, breaks and on-site tables',
    access: ['admin'],
    body: eventBody,
    status: 201,
    response: eventResponse,
    handler: async ({ user, body }) => ({ event: await createEventRecord(user, body) }),
  });
  api.add({
    method: 'patch',
    path: '/admin/events/:id',
    tag: 'admin',
    summary:
      'Change an event (any of its fields); 400 naming the field when the event would not be sound, 409 naming it when a scheduled meeting would fall outside the dates, into a break or off its table, or the capacity below the approvals',
    access: ['admin'],
    params: idParams,
    body: eventPatchBody,
    response: eventResponse,
    handler: async ({ user, params, body }) => ({ event: await updateEventRecord(user, params.id, body) }),
  });
  api.add({
    method: 'post',
    path: '/admin/events/:id/cancel',
    tag: 'admin',
    summary:
      'Cancel an event, saying why: its registrations end, its open meetings are cancelled, every registered organization is told; it takes nothing new (409)',
    access: ['admin'],
    params: idParams,
    body: cancelEventBody,
    response: eventResponse,
    handler: async ({ user, params, body }) => ({
      event: await cancelEventRecord(ctx, user, params.id, body.reason),
    }),
  });
  api.add({
    method: 'get',
    path: '/events',
    tag,
    summary:
      'Technology fairs and brokerage events: upcoming and running ones first (soonest first), then ended ones',
    access: 'public',
    query: eventListQuery,
    response: eventListResponse,
    handler: ({ query }) => listEvents(query),
  });
  api.add({
    method: 'get',
    path: '/events/:id',
    tag,
    summary: 'One event',
    access: 'public',
    params: idParams,
    response: eventResponse,
    handler: async ({ params }) => ({ event: await readEvent(params.id) }),
  });
  api.add({
    method: 'post',
    path: '/events/:id/registrations',
    tag,
    summary:
      'Register your organization (once per event) as an exhibitor, showing some of its published listings, or a visitor, with the times it is free for meetings; pending until an operator approves',
    access: 'verified',
    params: idParams,
    body: registrationBody,
    status: 201,
    response: registrationResponse,
    handler: async ({ user, params, body }) => ({ registration: await register(user, params.id, body) }),
  });
  api.add({
    method: 'get',
    path: '/events/:id/registrations/mine',
    tag,
    summary: "Your organization's registration for the event (null when it has none)",
    access: 'user',
    params: idParams,
    response: myRegistrationResponse,
    handler: async ({ user, params }) => ({ registration: await myRegistration(user, params.id) }),
  });
  api.add({
    method: 'put',
    path: '/events/:id/registrations/mine/availability',
    tag,
    summary:
      'Restate when your organization is free for meetings at the event; 409 naming `availability` when a scheduled meeting would fall outside it',
    access: 'verified',
    params: idParams,
    body: availabilityBody,
    response: registrationResponse,
    handler: async ({ user, params, body }) => ({
      registration: await changeAvailability(user, params.id, body.availability),
    }),
  });
  api.add({
    method: 'get',
    path: '/admin/events/:id/registrations',
    tag: 'admin',
    summary: "An event's registrations, newest first",
    access: ['admin'],
    params: idParams,
    query: registrationListQuery,
    response: registrationListResponse,
    handler: ({ params, query }) => eventRegistrations(params.id, query),
  });
  api.add({
    method: 'post',
    path: '/admin/events/:id/registrations/:rid/approve',
    tag: 'admin',
    summary: 'Approve a registration (409 beyond the event’s capacity); the organization is told',
    access: ['admin'],
    params: registrationParams,
    response: registrationResponse,
    handler: async ({ user, params }) => ({
      registration: await decideRegistration(ctx, user, params.id, params.rid, 'approved'),
    }),
  });
  api.add({
    method: 'post',
    path: '/admin/events/:id/registrations/:rid/reject',
    tag: 'admin',
    summary: 'Reject a registration, saying why; the organization is told',
    access: ['admin'],
    params: registrationParams,
    body: rejectBody,
    response: registrationResponse,
    handler: async ({ user, params, body }) => ({
      registration: await decideRegistration(ctx, user, params.id, params.rid, 'rejected', body.reason),
    }),
  });
  api.add({
    method: 'post',
    path: '/admin/events/:id/registrations/:rid/revoke',
    tag: 'admin',
    summary:
      "Revoke an approval, saying why: the registration is revoked, the organization's open meetings at the event are cancelled and the other sides told",
    access: ['admin'],
    params: registrationParams,
    body: revokeBody,
    response: registrationResponse,
    handler: async ({ user, params, body }) => ({
      registration: await revokeRegistration(ctx, user, params.id, params.rid, body.reason),
    }),
  });
  api.add({
    method: 'get',
    path: '/events/:id/catalogue',
    tag,
    summary:
      "The event's approved exhibitors with their published listings; q searches them (as the exchange's search does), field and kind filter them",
    access: 'public',
    params: idParams,
    query: catalogueQuery,
    response: catalogueResponse,
    handler: ({ params, query }) => eventCatalogue(ctx.search, params.id, query),
  });
  api.add({
    method: 'post',
    path: '/events/:id/meetings',
    tag,
    summary:
      'Ask another approved participant for a one-to-one meeting, about one of the listings shown or in general, with a message',
    access: 'verified',
    params: idParams,
    body: meetingBody,
    status: 201,
    response: meetingResponse,
    handler: async ({ user, params, body }) => ({
      meeting: await requestMeeting(ctx, user, params.id, body),
    }),
  });
  api.add({
    method: 'get',
    path: '/events/:id/my-agenda',
    tag,
    summary:
      "Your organization's meetings at the event in time order (and those awaiting an answer); as an iCalendar file with `Accept: text/calendar` or format=ics, each with a reminder 15 minutes before",
    access: 'user',
    params: idParams,
    query: agendaQuery,
    response: agendaResponse,
    answers: ICS_MEDIA_TYPE,
    handler: async ({ user, params, query, req, res }) => {
      const wantsCalendar =
        query.format === 'ics' ||
        (query.format !== 'json' && /\btext\/calendar\b/i.test(req.get('accept') ?? ''));
      if (!wantsCalendar) return myAgenda(user, params.id);
      const file = await agendaCalendar(ctx.config, user, params.id);
      res.set('Content-Type', file.mediaType);
      res.set('Content-Disposition', `attachment; filename="${file.filename}"`);
      res.set('Cache-Control', 'no-store');
      res.send(file.body);
    },
  });
  api.add({
    method: 'post',
    path: '/meetings/:id/accept',
    tag,
    summary:
      'The invited organization accepts: the meeting is scheduled in the earliest slot free for both (within both availabilities, outside breaks), at a free table on site or in an online room; 409 when there is none',
    access: 'user',
    params: idParams,
    response: meetingResponse,
    handler: async ({ user, params }) => ({ meeting: await acceptMeeting(ctx, user, params.id) }),
  });
  api.add({
    method: 'post',
    path: '/meetings/:id/decline',
    tag,
    summary: 'The invited organization declines the meeting',
    access: 'user',
    params: idParams,
    body: reasonBody,
    response: meetingResponse,
    handler: async ({ user, params, body }) => ({
      meeting: await declineMeeting(ctx, user, params.id, body.reason || undefined),
    }),
  });
  api.add({
    method: 'post',
    path: '/meetings/:id/cancel',
    tag,
    summary: 'Either side cancels a meeting before it starts; its slot and table are free again',
    access: 'user',
    params: idParams,
    body: reasonBody,
    response: meetingResponse,
    handler: async ({ user, params, body }) => ({
      meeting: await cancelMeeting(ctx, user, params.id, body.reason || undefined),
    }),
  });
  api.add({
    method: 'post',
    path: '/meetings/:id/outcome',
    tag,
    summary: 'Either side records what came of an accepted meeting, once it has started (again: replaced)',
    access: 'user',
    params: idParams,
    body: outcomeBody,
    response: meetingResponse,
    handler: async ({ user, params, body }) => ({
      meeting: await recordMeetingOutcome(user, params.id, body),
    }),
  });
  api.add({
    method: 'get',
    path: '/admin/events/:id/report',
    tag: 'admin',
    summary:
      "The event's report: registrations by role and status, meetings requested, accepted, declined, cancelled and held, outcomes, deals opened from its meetings, agreed and their value; format=csv or xlsx for a file",
    access: ['admin'],
    params: idParams,
    query: reportQuery,
    response: reportResponse,
    answers: `${EXPORT_TYPES.csv}, ${EXPORT_TYPES.xlsx}`,
    handler: async ({ params, query, res }) => {
      if (query.format === 'json') return eventReportFor(params.id);
      const table = await eventReportExport(params.id);
      res.set('Content-Type', EXPORT_TYPES[query.format]);
      res.set('Content-Disposition', `attachment; filename="event-report-${params.id}.${query.format}"`);
      res.set('Cache-Control', 'no-store');
      res.send(await writeTable(table, query.format));
    },
  });
}
