/**
 * The pure rules of an operator changing an event after it was announced: the event as the patch
 * would leave it must still be sound (400 naming the field, as when it was created), and must keep
 * every scheduled meeting where it was put: within the dates, outside the breaks, at a table that
 * still exists, online or on site as before, and the approved organizations within the capacity
 * (409 naming the field). Cancelling an event is refused once it has ended.
 */
import { AppError, type ErrorDetail } from '../common/errors';
import type { EventStatus } from '../api-contract/enums';
import { eventCancelled, eventTimeProblems, type Period } from './event-rules';
import { overlaps } from './slot-rules';
import { programmeConflicts } from './programme-rules';

/** The fields an operator may change; absent ones are kept. */
export interface EventPatch {
  title?: string;
  titleEn?: string;
  description?: string;
  descriptionEn?: string;
  startsAt?: Date;
  endsAt?: Date;
  venue?: string;
  online?: boolean;
  fields?: string[];
  registrationClosesAt?: Date;
  capacity?: number;
  slotMinutes?: number;
  breaks?: Period[];
  tables?: number;
}

export interface EditableEvent extends EventPatch {
  startsAt: Date;
  endsAt: Date;
  online: boolean;
  registrationClosesAt: Date;
  slotMinutes: number;
  breaks: Period[];
  /** Its pitch sessions (they must stay within the event's dates). */
  programme?: { startsAt: Date; endsAt: Date; title: string }[];
  status?: EventStatus;
}

export interface ScheduledMeeting {
  startsAt: Date;
  endsAt: Date;
  table?: number;
}

const ms = (d: Date) => new Date(d).getTime();
const byStart = (a: Period, b: Period) => ms(a.from) - ms(b.from);

/** The event as the patch would leave it (an event moved online loses its tables). */
export function patchedEvent<E extends EditableEvent>(current: E, patch: EventPatch): E {
  const next = { ...current, ...patch };
  if (next.online) delete next.tables;
  if (patch.breaks) next.breaks = [...patch.breaks].sort(byStart);
  return next;
}

/** What is wrong with the patched event itself, as its creation would have said (400). */
export function eventEditProblems(next: EditableEvent): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (ms(next.endsAt) <= ms(next.startsAt))
    problems.push({ field: 'endsAt', message: 'the event must end after it starts' });
  if (ms(next.registrationClosesAt) >= ms(next.endsAt))
    problems.push({
      field: 'registrationClosesAt',
      message: 'registration must close before the event ends',
    });
  if (!next.online && !next.venue)
    problems.push({ field: 'venue', message: 'an event on site needs a venue' });
  if (!next.online && !next.tables)
    problems.push({ field: 'tables', message: 'an event on site needs its tables' });
  problems.push(
    ...eventTimeProblems({
      ...next,
      startsAt: new Date(next.startsAt),
      endsAt: new Date(next.endsAt),
      breaks: next.breaks.map((b) => ({ from: new Date(b.from), to: new Date(b.to) })),
    }),
  );
  return problems;
}

/** The scheduled meetings (and approvals) the patched event would break, each naming the field (409). */
export function eventEditConflicts(
  current: EditableEvent,
  next: EditableEvent,
  scheduled: readonly ScheduledMeeting[],
  approved: number,
): ErrorDetail[] {
  const conflicts: ErrorDetail[] = [];
  const add = (field: string, message: string, type = 'meeting.scheduled') => {
    if (!conflicts.some((c) => c.field === field)) conflicts.push({ field, message, type });
  };
  for (const m of scheduled) {
    const span = { from: ms(m.startsAt), to: ms(m.endsAt) };
    if (span.from < ms(next.startsAt))
      add('startsAt', 'a meeting is scheduled before this start: cancel it first');
    if (span.to > ms(next.endsAt)) add('endsAt', 'a meeting is scheduled after this end: cancel it first');
    if (next.breaks.some((b) => overlaps({ from: ms(b.from), to: ms(b.to) }, span)))
      add('breaks', 'a meeting is scheduled during this break: cancel it first');
    if (m.table && (next.online || m.table > (next.tables ?? 0)))
      add('tables', `a meeting is scheduled at table ${m.table}: cancel it first`);
  }
  if (scheduled.length > 0 && next.online !== current.online)
    add('online', 'meetings are scheduled at tables or in rooms: cancel them before moving the event');
  if (next.capacity !== undefined && next.capacity < approved)
    add('capacity', `${approved} organizations are already approved`, 'capacity.approved');
  return conflicts;
}

/**
 * The change an operator's edit writes: `$set` the patch (an event moved online `$unset`s its
 * tables), nothing when the patch changes nothing; refused (400, then 409) as the rules above say,
 * and for a cancelled event.
 */
export function planEventEdit(
  current: EditableEvent,
  patch: EventPatch,
  opts: { scheduled: readonly ScheduledMeeting[]; approved: number },
): Record<string, unknown> | null {
  if (eventCancelled(current)) throw AppError.conflict('This event was cancelled.');
  const next = patchedEvent(current, patch);
  const problems = eventEditProblems(next);
  if (patch.tables !== undefined && next.online)
    problems.push({ field: 'tables', message: 'an online event has no tables' });
  if (problems.length) throw AppError.validation(problems);
  const conflicts = [
    ...eventEditConflicts(current, next, opts.scheduled, opts.approved),
    ...programmeConflicts(current, next),
  ];
  if (conflicts.length)
    throw new AppError('conflict', 'The change would break scheduled meetings or approvals.', conflicts);
  const $set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch) as [keyof EventPatch, unknown][])
    if (JSON.stringify(value) !== JSON.stringify(current[key])) $set[key] = next[key];
  const $unset = next.online && current.tables !== undefined ? { tables: 1 } : undefined;
  if (Object.keys($set).length === 0 && !$unset) return null;
  return { ...(Object.keys($set).length ? { $set } : {}), ...($unset ? { $unset } : {}) };
}

/** An operator cancels the event, saying why; cancelling again changes nothing; an ended event is kept. */
export function planEventCancel(
  current: { endsAt: Date; status?: EventStatus },
  opts: { reason: string; by: string; now: Date },
): Record<string, unknown> | null {
  if (eventCancelled(current)) return null;
  if (opts.now.getTime() >= ms(current.endsAt)) throw AppError.conflict('This event has ended.');
  return {
    $set: { status: 'cancelled', cancelReason: opts.reason, cancelledBy: opts.by, cancelledAt: opts.now },
  };
}
