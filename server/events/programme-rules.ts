/**
 * The pure rules of an event's programme of pitch sessions: a session lies within the event and
 * ends after it starts, is held in a room (on site) or online, and the programme is kept in time
 * order. Each plan answers the event's change (the whole programme, written by the event store's
 * mutate under the event's lock) or throws: 400 naming the field, 404 for an unknown session, 409
 * for a cancelled event or a full programme.
 */
import type mongoose from 'mongoose';
import { AppError, type ErrorDetail } from '../common/errors';
import type { Change } from '../common/store';
import { assertEventActive } from './event-rules';
import type { EventDoc, ProgrammeSession } from './event.store';
import type { CalendarEntry } from './icalendar';

/** The most sessions an event's programme holds. */
export const MAX_SESSIONS = 200;

/** A session as an operator states it (the speaker's listing already resolved to its reference). */
export interface SessionInput {
  title: string;
  titleEn?: string | null;
  startsAt: Date;
  endsAt: Date;
  online: boolean;
  room?: string | null;
  speakerOrganizationId: string;
  listing?: ProgrammeSession['listing'] | null;
}

export type SessionPatch = Partial<SessionInput>;

type EventTimes = Pick<EventDoc, 'startsAt' | 'endsAt'>;

const ms = (d: Date | string) => new Date(d).getTime();

/** What is wrong with a session's times and place, each problem naming its field. */
export function sessionProblems(event: EventTimes, s: SessionInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const start = ms(s.startsAt);
  const end = ms(s.endsAt);
  if (start < ms(event.startsAt) || start >= ms(event.endsAt))
    problems.push({ field: 'startsAt', message: 'a session must start within the event' });
  if (end <= start) problems.push({ field: 'endsAt', message: 'a session must end after it starts' });
  else if (end > ms(event.endsAt))
    problems.push({ field: 'endsAt', message: 'a session must end within the event' });
  if (!s.online && !s.room?.trim())
    problems.push({ field: 'room', message: 'a session on site is held in a room' });
  return problems;
}

const byStart = (a: ProgrammeSession, b: ProgrammeSession) =>
  ms(a.startsAt) - ms(b.startsAt) ||
  ms(a.endsAt) - ms(b.endsAt) ||
  String(a._id).localeCompare(String(b._id));

/** The session as stored: absent optional fields left out, none but its own place kept. */
function stored(id: mongoose.Types.ObjectId, s: SessionInput, createdBy: string): ProgrammeSession {
  return {
    _id: id,
    title: s.title,
    ...(s.titleEn ? { titleEn: s.titleEn } : {}),
    startsAt: new Date(s.startsAt),
    endsAt: new Date(s.endsAt),
    online: s.online,
    ...(!s.online && s.room ? { room: s.room } : {}),
    speakerOrganizationId: s.speakerOrganizationId,
    ...(s.listing ? { listing: s.listing } : {}),
    createdBy,
  };
}

const programmeChange = (sessions: ProgrammeSession[]): Change => ({
  $set: { programme: [...sessions].sort(byStart) },
});

function validOrThrow(event: EventTimes, s: SessionInput) {
  const problems = sessionProblems(event, s);
  if (problems.length) throw AppError.validation(problems);
}

/** Adds a session (its id chosen by the caller, so a plan run again adds the same one). */
export function planAddSession(
  event: EventDoc,
  id: mongoose.Types.ObjectId,
  input: SessionInput,
  by: string,
): { change: Change; session: ProgrammeSession } {
  assertEventActive(event);
  validOrThrow(event, input);
  const programme = event.programme ?? [];
  if (programme.length >= MAX_SESSIONS)
    throw AppError.conflict(`An event's programme holds at most ${MAX_SESSIONS} sessions.`);
  const session = stored(id, input, by);
  return { change: programmeChange([...programme, session]), session };
}

const findSession = (event: EventDoc, sessionId: string) => {
  const found = (event.programme ?? []).find((s) => String(s._id) === sessionId);
  if (!found) throw AppError.notFound('Session');
  return found;
};

/** The session as `patch` would leave it: `null` clears an optional field; going online drops the room. */
export function patchedSession(current: ProgrammeSession, patch: SessionPatch): SessionInput {
  const merged: SessionInput = {
    title: current.title,
    titleEn: current.titleEn,
    startsAt: current.startsAt,
    endsAt: current.endsAt,
    online: current.online,
    room: current.room,
    speakerOrganizationId: current.speakerOrganizationId,
    listing: current.listing,
  };
  for (const [key, value] of Object.entries(patch))
    if (value !== undefined) Object.assign(merged, { [key]: value });
  // A new speaker's pitch is not the old speaker's listing.
  if (
    patch.speakerOrganizationId &&
    patch.speakerOrganizationId !== current.speakerOrganizationId &&
    patch.listing === undefined
  )
    merged.listing = null;
  return merged;
}

/** Changes a session; nothing is written when the patch changes nothing. */
export function planEditSession(
  event: EventDoc,
  sessionId: string,
  patch: SessionPatch,
): { change: Change | null; session: ProgrammeSession } {
  assertEventActive(event);
  const current = findSession(event, sessionId);
  const next = patchedSession(current, patch);
  validOrThrow(event, next);
  const session = stored(current._id, next, current.createdBy);
  const same =
    JSON.stringify(stored(current._id, patchedSession(current, {}), current.createdBy)) ===
    JSON.stringify(session);
  if (same) return { change: null, session: current };
  const programme = (event.programme ?? []).map((s) => (String(s._id) === sessionId ? session : s));
  return { change: programmeChange(programme), session };
}

/** Removes a session. */
export function planRemoveSession(event: EventDoc, sessionId: string): { change: Change } {
  assertEventActive(event);
  findSession(event, sessionId);
  return {
    change: programmeChange((event.programme ?? []).filter((s) => String(s._id) !== sessionId)),
  };
}

/** The programme in time order (as stored; sorted again for programmes written by hand). */
export function programmeInOrder(event: Pick<EventDoc, 'programme'>): ProgrammeSession[] {
  return [...(event.programme ?? [])].sort(byStart);
}

/**
 * The conflicts an edit of the event's dates has with its programme: a session the new dates
 * would leave outside the event (409 naming `startsAt` or `endsAt`).
 */
export function programmeConflicts(
  current: { programme?: Pick<ProgrammeSession, 'startsAt' | 'endsAt' | 'title'>[] },
  next: EventTimes,
): ErrorDetail[] {
  const conflicts: ErrorDetail[] = [];
  for (const s of current.programme ?? []) {
    if (ms(s.startsAt) < ms(next.startsAt))
      conflicts.push({ field: 'startsAt', message: `the session "${s.title}" would start before the event` });
    else if (ms(s.endsAt) > ms(next.endsAt))
      conflicts.push({ field: 'endsAt', message: `the session "${s.title}" would end after the event` });
  }
  return conflicts;
}

/**
 * The sessions in which the organization speaks, as entries of its iCalendar agenda (with the
 * same reminder as its meetings).
 */
export function speakingSessionEntries(
  event: Pick<EventDoc, 'programme' | 'venue' | 'updatedAt'>,
  orgId: string,
  opts: { vi: boolean; host: string; alarmMinutesBefore: number },
): CalendarEntry[] {
  return programmeInOrder(event)
    .filter((s) => s.speakerOrganizationId === orgId)
    .map((s) => {
      const where = s.online
        ? opts.vi
          ? 'Trực tuyến'
          : 'Online'
        : [event.venue, `${opts.vi ? 'Phòng' : 'Room'} ${s.room}`].filter(Boolean).join(' — ');
      return {
        uid: `session-${String(s._id)}@${opts.host}`,
        start: new Date(s.startsAt),
        end: new Date(s.endsAt),
        stamp: new Date(event.updatedAt),
        summary: `${opts.vi ? 'Trình bày' : 'Pitch'}: ${opts.vi ? s.title : (s.titleEn ?? s.title)}`,
        location: where,
        ...(s.listing?.title ? { description: `${opts.vi ? 'Về' : 'About'}: ${s.listing.title}` } : {}),
        alarmMinutesBefore: opts.alarmMinutesBefore,
      };
    });
}
