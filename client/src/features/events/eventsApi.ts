/** The technology fair endpoints: events, registrations, the catalogue, meetings and reports. */
import type { ListingKind } from '@contract/enums';
import { api } from '../../api';
import type { Deal } from '../deals';
import type {
  Agenda,
  Catalogue,
  EventList,
  EventReport,
  FairEvent,
  Meeting,
  MeetingOutcome,
  MeetingRoom,
  NewEvent,
  NewMeeting,
  NewRegistration,
  EventPatch,
  Period,
  Registration,
  RegistrationList,
} from './eventTypes';

const eventPath = (id: string, rest = '') => `/api/events/${encodeURIComponent(id)}${rest}`;
const adminPath = (id: string, rest = '') => `/api/admin/events/${encodeURIComponent(id)}${rest}`;
const meetingPath = (id: string, action: string) => `/api/meetings/${encodeURIComponent(id)}/${action}`;

/** Lists are read a page of this many at a time; "load more" asks for the next page. */
export const PAGE_SIZE = 50;

export function listEvents(page: number, signal?: AbortSignal): Promise<EventList> {
  return api<EventList>('/api/events', { query: { limit: PAGE_SIZE, page }, signal });
}

export async function updateEvent(id: string, body: EventPatch): Promise<FairEvent> {
  return (await api<{ event: FairEvent }>(adminPath(id), { method: 'PATCH', body })).event;
}

export async function cancelEvent(id: string, reason: string): Promise<FairEvent> {
  return (await api<{ event: FairEvent }>(adminPath(id, '/cancel'), { method: 'POST', body: { reason } }))
    .event;
}

export async function changeAvailability(id: string, availability: Period[]): Promise<Registration> {
  return (
    await api<{ registration: Registration }>(eventPath(id, '/registrations/mine/availability'), {
      method: 'PUT',
      body: { availability },
    })
  ).registration;
}

export async function revokeRegistration(id: string, rid: string, reason: string): Promise<void> {
  await api(adminPath(id, `/registrations/${encodeURIComponent(rid)}/revoke`), {
    method: 'POST',
    body: { reason },
  });
}

export async function getEvent(id: string, signal?: AbortSignal): Promise<FairEvent> {
  return (await api<{ event: FairEvent }>(eventPath(id), { signal })).event;
}

export async function createEvent(body: NewEvent): Promise<FairEvent> {
  return (await api<{ event: FairEvent }>('/api/admin/events', { method: 'POST', body })).event;
}

export async function myRegistration(id: string, signal?: AbortSignal): Promise<Registration | null> {
  return (await api<{ registration: Registration | null }>(eventPath(id, '/registrations/mine'), { signal }))
    .registration;
}

export async function registerForEvent(id: string, body: NewRegistration): Promise<Registration> {
  return (
    await api<{ registration: Registration }>(eventPath(id, '/registrations'), { method: 'POST', body })
  ).registration;
}

export function eventRegistrations(
  id: string,
  page: number,
  signal?: AbortSignal,
): Promise<RegistrationList> {
  return api<RegistrationList>(adminPath(id, '/registrations'), {
    query: { limit: PAGE_SIZE, page },
    signal,
  });
}

export async function approveRegistration(id: string, rid: string): Promise<void> {
  await api(adminPath(id, `/registrations/${encodeURIComponent(rid)}/approve`), { method: 'POST' });
}

export async function rejectRegistration(id: string, rid: string, reason: string): Promise<void> {
  await api(adminPath(id, `/registrations/${encodeURIComponent(rid)}/reject`), {
    method: 'POST',
    body: { reason },
  });
}

export function eventCatalogue(
  id: string,
  q: string,
  page: number,
  signal?: AbortSignal,
): Promise<Catalogue> {
  return api<Catalogue>(eventPath(id, '/catalogue'), { query: { q, limit: PAGE_SIZE, page }, signal });
}

export async function requestMeeting(id: string, body: NewMeeting): Promise<Meeting> {
  return (await api<{ meeting: Meeting }>(eventPath(id, '/meetings'), { method: 'POST', body })).meeting;
}

export function myAgenda(id: string, signal?: AbortSignal): Promise<Agenda> {
  return api<Agenda>(eventPath(id, '/my-agenda'), { query: { format: 'json' }, signal });
}

export function agendaCalendarHref(id: string): string {
  return eventPath(id, '/my-agenda?format=ics');
}

export async function answerMeeting(id: string, action: 'accept' | 'decline' | 'cancel'): Promise<void> {
  await api(meetingPath(id, action), { method: 'POST', body: action === 'accept' ? undefined : {} });
}

export async function recordOutcome(id: string, outcome: MeetingOutcome, note: string): Promise<void> {
  await api(meetingPath(id, 'outcome'), { method: 'POST', body: note ? { outcome, note } : { outcome } });
}

export async function openDealFromMeeting(kind: ListingKind, listingId: string, meetingId: string) {
  const listing = kind === 'offer' ? { offerId: listingId } : { demandId: listingId };
  return (await api<{ deal: Deal }>('/api/deals', { method: 'POST', body: { ...listing, meetingId } })).deal;
}

export function eventReport(id: string, signal?: AbortSignal): Promise<EventReport> {
  return api<EventReport>(adminPath(id, '/report'), { signal });
}

export function reportCsvHref(id: string): string {
  return adminPath(id, '/report?format=csv');
}

/** An accepted online meeting's room: the meeting, its event and the caller's role (404 for others, 409 while not open). */
export function meetingRoom(meetingId: string, signal?: AbortSignal): Promise<MeetingRoom> {
  return api<MeetingRoom>(meetingPath(meetingId, 'room'), { signal });
}
