/**
 * One-to-one meetings at an event and each organization's agenda. Asking for a meeting holds the
 * pair (one open meeting between two organizations); accepting holds both organizations' agendas
 * (and the event's tables on site), re-reads their meetings as stored and schedules the meeting in
 * the earliest slot free for both (slot-rules.ts); declining, cancelling and recording an outcome
 * hold the meeting. Each step: load → pure plan (meeting-rules.ts) → the store → notify.
 */
import type { AppContext } from '../context';
import type { Config } from '../config';
import type { ListingKind, MeetingOutcome } from '../api-contract/enums';
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { organizationNames } from '../deals';
import {
  meetingEventListKey,
  meetingListEntries,
  meetingOrgListKey,
  putOwnerListEntries,
  readOwnerList,
  readStoredOwnerList,
  type OwnerListEntry,
} from '../read-models';
import { getEvent, type EventDoc } from './event.store';
import { registrationOf, type EventRegistrationDoc } from './event-registration.store';
import {
  cachedMeetings,
  changeMeeting,
  createMeeting,
  getMeeting,
  holdMeetingAcceptance,
  holdMeetingPair,
  meetingsByIds,
  type MeetingDoc,
} from './meeting.store';
import {
  assertOutcomeAllowed,
  OPEN_MEETING_STATUSES,
  otherOrgOf,
  planAcceptance,
  planCancel,
  planDecline,
  sideOf,
} from './meeting-rules';
import { findSlot, type SlotEvent, type Span } from './slot-rules';
import { meetingView } from './event.view';
import { notifyMeeting, type MeetingStep } from './event-notices';
import { MAX_PER_EVENT, loadEvent } from './event.service';
import { ICS_MEDIA_TYPE, writeCalendar, type CalendarEntry } from './icalendar';
import { scheduleReminderAfterAcceptance } from './meeting-reminders';
import { assertEventActive } from './event-rules';
import { speakingSessionEntries } from './programme-rules';

type Ctx = Pick<AppContext, 'bus' | 'config'>;

export interface MeetingRequest {
  withOrganizationId: string;
  listingId?: string;
  message: string;
}

/** Where an online meeting is held: its room at the event (the client's page). */
export const roomUrlOf = (eventId: string, meetingId: string) =>
  `/events/${eventId}/meetings/${meetingId}/room`;

/** Minutes before each meeting the calendar's alarm goes off. */
export const REMINDER_MINUTES = 15;

async function present(m: MeetingDoc, viewerOrgId: string | undefined) {
  const names = await organizationNames([m.requesterOrgId, m.inviteeOrgId]);
  return meetingView(m, names, viewerOrgId, new Date());
}

function actingOrg(user: SessionUser): string {
  const orgId = actingOrganizationId(user);
  if (!orgId) throw AppError.forbidden('Only an active member of an organization takes part in meetings');
  return orgId;
}

/** The meeting, when the caller's organization is one of its two sides (otherwise 404: nothing is told). */
async function loadOwnMeeting(user: SessionUser, id: string): Promise<{ m: MeetingDoc; orgId: string }> {
  const m = await getMeeting(id);
  const orgId = actingOrganizationId(user);
  if (!m || !sideOf(m, orgId)) throw AppError.notFound('Meeting');
  return { m, orgId: orgId! };
}

async function eventOf(m: MeetingDoc): Promise<EventDoc> {
  const event = await getEvent(m.eventId);
  if (!event) throw AppError.notFound('Event');
  return event;
}

/** Tells the other side; a notice that fails is logged, never the step's failure. */
async function tellOther(ctx: Ctx, step: MeetingStep, event: EventDoc, m: MeetingDoc, toOrgId: string) {
  await notifyMeeting(ctx, step, event, m, toOrgId).catch((err) =>
    logger.warn({ err, meetingId: String(m._id), step }, 'meeting notice not sent'),
  );
}

const ended = (event: EventDoc, now: Date) => now.getTime() >= new Date(event.endsAt).getTime();

export async function requestMeeting(ctx: Ctx, user: SessionUser, eventId: string, body: MeetingRequest) {
  const orgId = actingOrg(user);
  const event = await getEvent(eventId);
  if (!event) throw AppError.notFound('Event');
  assertEventActive(event);
  if (ended(event, new Date())) throw AppError.conflict('This event has ended.');
  const withOrg = body.withOrganizationId;
  if (withOrg === orgId)
    throw AppError.validation([
      { field: 'withOrganizationId', message: 'a meeting is with another organization' },
    ]);
  const [mine, theirs] = await Promise.all([
    registrationOf(eventId, orgId),
    registrationOf(eventId, withOrg),
  ]);
  if (mine?.status !== 'approved')
    throw AppError.forbidden('Only approved participants of the event may ask for meetings.');
  if (theirs?.status !== 'approved')
    throw AppError.validation([
      {
        field: 'withOrganizationId',
        message: 'is not an approved participant of this event',
        value: withOrg,
      },
    ]);
  const listing = body.listingId
    ? [...mine.listings, ...theirs.listings].find((l) => l.id === body.listingId)
    : undefined;
  if (body.listingId && !listing)
    throw AppError.validation([
      {
        field: 'listingId',
        message: 'is not a listing either organization shows at this event',
        value: body.listingId,
      },
    ]);
  const created = await holdMeetingPair(eventId, orgId, withOrg, async () => {
    const listed = await readStoredOwnerList(meetingOrgListKey(eventId, orgId));
    const open = (await meetingsByIds(listed.map((e) => e.id))).find(
      (m) =>
        m.eventId === eventId &&
        sideOf(m, orgId) &&
        otherOrgOf(m, orgId) === withOrg &&
        OPEN_MEETING_STATUSES.includes(m.status),
    );
    if (open)
      throw new AppError(
        'conflict',
        'A meeting between your organizations is already asked for or scheduled.',
        [{ field: 'meetingId', message: 'the open meeting', value: String(open._id) }],
      );
    if ((await readOwnerList(meetingEventListKey(eventId))).length >= MAX_PER_EVENT)
      throw AppError.conflict('This event takes no more meeting requests.');
    return createMeeting({
      eventId,
      requesterOrgId: orgId,
      inviteeOrgId: withOrg,
      requestedBy: user.id,
      ...(listing ? { listing: { kind: listing.kind, id: listing.id, title: listing.title ?? '' } } : {}),
      message: body.message,
      status: 'requested',
    });
  });
  await recordAudit({
    actorId: user.id,
    action: 'event.meeting_requested',
    targetType: 'meeting',
    targetId: String(created._id),
    data: { eventId, withOrganizationId: withOrg },
  });
  await tellOther(ctx, 'requested', event, created, withOrg);
  return present(created, orgId);
}

const periodsOf = (r: EventRegistrationDoc | null): Span[] =>
  (r?.status === 'approved' ? r.availability : []).map((p) => ({
    from: new Date(p.from).getTime(),
    to: new Date(p.to).getTime(),
  }));

function slotEventOf(event: EventDoc, withTables: boolean): SlotEvent {
  return {
    startsAt: new Date(event.startsAt).getTime(),
    endsAt: new Date(event.endsAt).getTime(),
    slotMinutes: event.slotMinutes,
    breaks: (event.breaks ?? []).map((b) => ({
      from: new Date(b.from).getTime(),
      to: new Date(b.to).getTime(),
    })),
    ...(withTables ? { tables: event.tables } : {}),
  };
}

const spanOf = (m: MeetingDoc): Span => ({
  from: new Date(m.startsAt!).getTime(),
  to: new Date(m.endsAt!).getTime(),
});
const involves = (m: MeetingDoc, orgId: string) => m.requesterOrgId === orgId || m.inviteeOrgId === orgId;

/**
 * Puts the meeting in each of its lists that does not hold it yet, before its acceptance is
 * written: the next acceptance of either organization (or at the event's tables) reads these lists
 * to find the meetings it must not overlap. The record-change hook puts it there too, but a hook's
 * failure is only logged.
 */
async function ensureListed(listed: Map<string, Set<string>>, m: MeetingDoc): Promise<void> {
  const missing = meetingListEntries(m as unknown as Record<string, unknown>).filter(
    ([key, e]) => listed.has(key) && !listed.get(key)!.has(e.id),
  );
  await Promise.all(missing.map(([key, e]: [string, OwnerListEntry]) => putOwnerListEntries(key, [e])));
}

/**
 * The invited organization accepts: under both agendas' locks (and the tables', on site) the
 * meeting takes the earliest slot within both organizations' availability and the event, outside
 * the breaks, free for both and (on site) at a free table; 409 saying why when there is none.
 */
export async function acceptMeeting(ctx: Ctx, user: SessionUser, id: string) {
  const { m, orgId } = await loadOwnMeeting(user, id);
  if (sideOf(m, orgId) !== 'invitee')
    throw AppError.forbidden('Only the invited organization may accept the meeting.');
  const event = await eventOf(m);
  assertEventActive(event);
  const withTables = !event.online && (event.tables ?? 0) > 0;
  const now = new Date();
  const { doc, written } = await holdMeetingAcceptance(m, withTables, async () => {
    // As stored now: an edit or cancellation of the event waits for this acceptance, or it for them.
    const held = await eventOf(m);
    assertEventActive(held);
    if (!held.online && (held.tables ?? 0) > 0 !== withTables)
      throw AppError.conflict('The event changed meanwhile; accept the meeting again.');
    const keys = [
      meetingOrgListKey(m.eventId, m.requesterOrgId),
      meetingOrgListKey(m.eventId, m.inviteeOrgId),
      ...(withTables ? [meetingEventListKey(m.eventId)] : []),
    ];
    const [regA, regB, ...lists] = await Promise.all([
      registrationOf(m.eventId, m.requesterOrgId),
      registrationOf(m.eventId, m.inviteeOrgId),
      ...keys.map((key) => readStoredOwnerList(key)),
    ]);
    const listed = new Map(
      keys.map((key, i) => [key, new Set((lists[i] as OwnerListEntry[]).map((e) => e.id))]),
    );
    const others = [...new Set(lists.flatMap((l) => (l as OwnerListEntry[]).map((e) => e.id)))].filter(
      (x) => x !== id,
    );
    const accepted = (await meetingsByIds(others)).filter(
      (x) => x.eventId === m.eventId && x.status === 'accepted' && x.startsAt && x.endsAt,
    );
    const slot = () =>
      findSlot({
        event: slotEventOf(held, withTables),
        availability: [
          periodsOf(regA as EventRegistrationDoc | null),
          periodsOf(regB as EventRegistrationDoc | null),
        ],
        busy: [
          accepted.filter((x) => involves(x, m.requesterOrgId)).map(spanOf),
          accepted.filter((x) => involves(x, m.inviteeOrgId)).map(spanOf),
        ],
        tableBookings: withTables
          ? accepted.filter((x) => x.table).map((x) => ({ ...spanOf(x), table: x.table }))
          : [],
        notBefore: now.getTime(),
      });
    return changeMeeting(
      id,
      (current) => ({
        change: planAcceptance(current, orgId, slot, (s) => ({
          $set: {
            status: 'accepted',
            startsAt: new Date(s.from),
            endsAt: new Date(s.to),
            ...(s.table ? { table: s.table } : { roomUrl: roomUrlOf(m.eventId, id) }),
            acceptedBy: user.id,
            acceptedAt: now,
          },
        })),
        result: null,
      }),
      { beforeWrite: (current) => ensureListed(listed, current) },
    );
  });
  if (written) {
    await recordAudit({
      actorId: user.id,
      action: 'event.meeting_accepted',
      targetType: 'meeting',
      targetId: id,
      data: { eventId: m.eventId, startsAt: doc.startsAt, ...(doc.table ? { table: doc.table } : {}) },
    });
    await tellOther(ctx, 'accepted', event, doc, doc.requesterOrgId);
    await scheduleReminderAfterAcceptance(ctx, doc);
  }
  return present(doc, orgId);
}

/** How a side ends a meeting before it takes place: what it plans, records on it, and whom it tells. */
interface MeetingEnding {
  step: Extract<MeetingStep, 'declined' | 'cancelled'>;
  plan: (current: MeetingDoc, orgId: string, now: Date) => MeetingDoc['status'] | null;
  recorded: (by: { userId: string; orgId: string; now: Date; reason?: string }) => Record<string, unknown>;
  toldOrgId: (m: MeetingDoc, orgId: string) => string;
  auditAction?: string;
}

const DECLINE: MeetingEnding = {
  step: 'declined',
  plan: (current, orgId) => planDecline(current, orgId),
  recorded: ({ userId, now, reason }) => ({
    declinedBy: userId,
    declinedAt: now,
    ...(reason ? { declineReason: reason } : {}),
  }),
  toldOrgId: (m) => m.requesterOrgId,
};

const CANCEL: MeetingEnding = {
  step: 'cancelled',
  plan: planCancel,
  recorded: ({ userId, orgId, now, reason }) => ({
    cancelledBy: userId,
    cancelledByOrgId: orgId,
    cancelledAt: now,
    ...(reason ? { cancelReason: reason } : {}),
  }),
  toldOrgId: otherOrgOf,
  auditAction: 'event.meeting_cancelled',
};

async function endMeeting(ctx: Ctx, user: SessionUser, id: string, ending: MeetingEnding, reason?: string) {
  const { m, orgId } = await loadOwnMeeting(user, id);
  const now = new Date();
  const { doc, written } = await changeMeeting(id, (current) => {
    const to = ending.plan(current, orgId, now);
    const recorded = ending.recorded({ userId: user.id, orgId, now, reason });
    return { change: to ? { $set: { status: to, ...recorded } } : null, result: null };
  });
  if (written) {
    if (ending.auditAction)
      await recordAudit({
        actorId: user.id,
        action: ending.auditAction,
        targetType: 'meeting',
        targetId: id,
        data: { eventId: m.eventId },
      });
    await tellOther(ctx, ending.step, await eventOf(m), doc, ending.toldOrgId(doc, orgId));
  }
  return present(doc, orgId);
}

export function declineMeeting(ctx: Ctx, user: SessionUser, id: string, reason?: string) {
  return endMeeting(ctx, user, id, DECLINE, reason);
}

/** Either side cancels before the meeting starts: its slot (and table) is free again. */
export function cancelMeeting(ctx: Ctx, user: SessionUser, id: string, reason?: string) {
  return endMeeting(ctx, user, id, CANCEL, reason);
}

export async function recordMeetingOutcome(
  user: SessionUser,
  id: string,
  body: { outcome: MeetingOutcome; note?: string },
) {
  const { orgId } = await loadOwnMeeting(user, id);
  const now = new Date();
  const { doc } = await changeMeeting(id, (current) => {
    assertOutcomeAllowed(current, orgId, now);
    const others = (current.outcomes ?? []).filter((o) => o.orgId !== orgId);
    const mine = {
      orgId,
      outcome: body.outcome,
      ...(body.note ? { note: body.note } : {}),
      by: user.id,
      at: now,
    };
    return { change: { $set: { outcomes: [...others, mine] } }, result: null };
  });
  await recordAudit({
    actorId: user.id,
    action: 'event.meeting_outcome',
    targetType: 'meeting',
    targetId: id,
    data: { outcome: body.outcome },
  });
  return present(doc, orgId);
}

const startOf = (m: MeetingDoc) => new Date(m.startsAt ?? 0).getTime();
const createdOf = (m: MeetingDoc) => new Date(m.createdAt).getTime();

/** The organization's meetings at the event, from its list (read by `_id`). */
async function agendaMeetings(eventId: string, orgId: string) {
  const ids = (await readOwnerList(meetingOrgListKey(eventId, orgId))).map((e) => e.id);
  const found = [...(await cachedMeetings(ids)).values()].filter(
    (m) => m.eventId === eventId && involves(m, orgId),
  );
  return {
    accepted: found.filter((m) => m.status === 'accepted').sort((a, b) => startOf(a) - startOf(b)),
    pending: found.filter((m) => m.status === 'requested').sort((a, b) => createdOf(b) - createdOf(a)),
  };
}

/** The caller organization's agenda at the event: its accepted meetings in time order, and those awaiting an answer. */
export async function myAgenda(user: SessionUser, eventId: string) {
  const orgId = actingOrg(user);
  const event = await loadEvent(eventId);
  const { accepted, pending } = await agendaMeetings(eventId, orgId);
  const names = await organizationNames(
    [...accepted, ...pending].flatMap((m) => [m.requesterOrgId, m.inviteeOrgId]),
  );
  const now = new Date();
  return {
    event: { id: eventId, title: event.title },
    organizationId: orgId,
    meetings: accepted.map((m) => meetingView(m, names, orgId, now)),
    pending: pending.map((m) => meetingView(m, names, orgId, now)),
  };
}

/** The agenda as an iCalendar file: one event per accepted meeting, with a reminder before it. */
export async function agendaCalendar(config: Pick<Config, 'publicUrl'>, user: SessionUser, eventId: string) {
  const orgId = actingOrg(user);
  const event = await loadEvent(eventId);
  const { accepted } = await agendaMeetings(eventId, orgId);
  const names = await organizationNames(accepted.map((m) => otherOrgOf(m, orgId)));
  const vi = user.locale !== 'en';
  const title = vi ? event.title : (event.titleEn ?? event.title);
  const host = new URL(config.publicUrl).host;
  const entries: CalendarEntry[] = accepted.map((m) => {
    const other = names.get(otherOrgOf(m, orgId)) ?? '';
    const where = m.table
      ? [event.venue, `${vi ? 'Bàn' : 'Table'} ${m.table}`].filter(Boolean).join(' — ')
      : m.roomUrl
        ? new URL(m.roomUrl, config.publicUrl).toString()
        : (event.venue ?? '');
    const about = m.listing?.title ? `${vi ? 'Về' : 'About'}: ${m.listing.title}` : '';
    return {
      uid: `meeting-${String(m._id)}@${host}`,
      start: new Date(m.startsAt!),
      end: new Date(m.endsAt!),
      stamp: new Date(m.acceptedAt ?? m.updatedAt),
      summary: `${vi ? 'Gặp' : 'Meeting with'} ${other} — ${title}`,
      ...(where ? { location: where } : {}),
      ...([about, m.message].filter(Boolean).length
        ? { description: [about, m.message].filter(Boolean).join('\n') }
        : {}),
      ...(m.roomUrl ? { url: new URL(m.roomUrl, config.publicUrl).toString() } : {}),
      alarmMinutesBefore: REMINDER_MINUTES,
    };
  });
  entries.push(...speakingSessionEntries(event, orgId, { vi, host, alarmMinutesBefore: REMINDER_MINUTES }));
  return {
    mediaType: ICS_MEDIA_TYPE,
    filename: `agenda-${eventId}.ics`,
    body: writeCalendar(entries, { prodId: '-//Technology Exchange//Events//EN', name: title }),
  };
}

/**
 * Where a deal opened from a meeting comes from, for the deals component: the meeting must be an
 * accepted meeting of the caller's organization with the listing's owner (and, when it was about
 * a listing, about this one). A meeting that is not is a bad `meetingId` (400 naming it).
 */
export async function meetingSourceFor(
  meetingId: string,
  orgId: string,
  listing: { kind: ListingKind; id: string; ownerOrgId: string },
): Promise<{ kind: 'event'; eventId: string; meetingId: string }> {
  const refuse = (message: string) =>
    AppError.validation([{ field: 'meetingId', message, value: meetingId }]);
  const m = await getMeeting(meetingId);
  if (!m || !sideOf(m, orgId)) throw refuse('is not a meeting of your organization');
  if (m.status !== 'accepted') throw refuse('the meeting was not accepted');
  if (otherOrgOf(m, orgId) !== listing.ownerOrgId)
    throw refuse('the meeting was not with the organization that owns this listing');
  if (m.listing && m.listing.id !== listing.id) throw refuse('the meeting was about another listing');
  return { kind: 'event', eventId: m.eventId, meetingId };
}
