/**
 * The pure rules of events and their registrations: what makes an event's dates and programme
 * sound, where an event stands, whether it takes registrations, that a participant's availability
 * lies within the event, and the operators' decision on a registration (with the capacity).
 */
import { AppError, type ErrorDetail } from '../common/errors';
import type { EventPhase, EventRegistrationStatus, EventStatus } from '../api-contract/enums';

export interface Period {
  from: Date;
  to: Date;
}

/** The longest event (a Techmart runs a few days; a month bounds the slot grid). */
export const MAX_EVENT_DAYS = 31;
const DAY_MS = 86_400_000;

export interface EventTimes {
  startsAt: Date;
  endsAt: Date;
  registrationClosesAt: Date;
  slotMinutes: number;
  breaks: Period[];
}

/**
 * What is wrong with an event's times beyond what its schema says (the end after the start and
 * the registration closing before the end are checked there): its length, a slot that does not
 * fit, breaks outside the event or ending before they start. Each problem names its field.
 */
export function eventTimeProblems(e: EventTimes): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const start = e.startsAt.getTime();
  const end = e.endsAt.getTime();
  if (end - start > MAX_EVENT_DAYS * DAY_MS)
    problems.push({ field: 'endsAt', message: `an event lasts at most ${MAX_EVENT_DAYS} days` });
  if (end > start && e.slotMinutes * 60_000 > end - start)
    problems.push({ field: 'slotMinutes', message: 'a meeting slot must fit within the event' });
  e.breaks.forEach((b, i) => {
    if (b.to.getTime() <= b.from.getTime())
      problems.push({ field: `breaks.${i}.to`, message: 'a break must end after it starts' });
    else if (b.from.getTime() < start || b.to.getTime() > end)
      problems.push({ field: `breaks.${i}`, message: 'a break must lie within the event' });
  });
  return problems;
}

/** Absent on events stored before cancelling existed. */
type MaybeCancelled = { status?: EventStatus };

export const eventCancelled = (e: MaybeCancelled) => e.status === 'cancelled';

/** No registration, meeting or change is taken by a cancelled event (409). */
export function assertEventActive(e: MaybeCancelled): void {
  if (eventCancelled(e)) throw AppError.conflict('This event was cancelled.');
}

/** Where the event stands at `now`. */
export function eventPhase(
  e: Pick<EventTimes, 'startsAt' | 'endsAt' | 'registrationClosesAt'> & MaybeCancelled,
  now: Date,
): EventPhase {
  if (eventCancelled(e)) return 'cancelled';
  const t = now.getTime();
  if (t >= e.endsAt.getTime()) return 'ended';
  if (t >= e.startsAt.getTime()) return 'running';
  return t < e.registrationClosesAt.getTime() ? 'registration_open' : 'registration_closed';
}

/** Registrations are taken until the registration window closes (and never after the end). */
export function registrationOpen(
  e: Pick<EventTimes, 'endsAt' | 'registrationClosesAt'> & MaybeCancelled,
  now: Date,
): boolean {
  if (eventCancelled(e)) return false;
  return now.getTime() < e.registrationClosesAt.getTime() && now.getTime() < e.endsAt.getTime();
}

export function assertRegistrationOpen(
  e: Pick<EventTimes, 'endsAt' | 'registrationClosesAt'> & MaybeCancelled,
  now: Date,
): void {
  assertEventActive(e);
  if (!registrationOpen(e, now)) throw AppError.conflict('Registration for this event is closed.');
}

/** Each availability period must end after it starts and lie within the event (named `availability.<i>`). */
export function availabilityProblems(
  e: Pick<EventTimes, 'startsAt' | 'endsAt'>,
  availability: readonly Period[],
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  availability.forEach((p, i) => {
    if (p.to.getTime() <= p.from.getTime())
      problems.push({ field: `availability.${i}.to`, message: 'a period must end after it starts' });
    else if (p.from.getTime() < e.startsAt.getTime() || p.to.getTime() > e.endsAt.getTime())
      problems.push({
        field: `availability.${i}`,
        message: 'availability must lie within the event’s dates',
      });
  });
  return problems;
}

export type RegistrationDecision = 'approved' | 'rejected';

/**
 * An operator's decision on a pending registration: the change to write, or none when the same
 * decision was already taken (a retried request). Approving beyond the event's capacity, or
 * deciding again the other way, is refused.
 */
export function planRegistrationDecision(
  current: { status: EventRegistrationStatus },
  decision: RegistrationDecision,
  opts: { approvedOthers: number; capacity?: number; reason?: string; by: string; now: Date },
): Record<string, unknown> | null {
  if (current.status === decision) return null;
  if (current.status !== 'pending')
    throw AppError.conflict(`This registration was already ${current.status}.`);
  if (decision === 'approved' && opts.capacity !== undefined && opts.approvedOthers >= opts.capacity)
    throw AppError.conflict(`The event is full: its capacity of ${opts.capacity} organizations is reached.`);
  return {
    $set: {
      status: decision,
      decidedBy: opts.by,
      decidedAt: opts.now,
      ...(decision === 'rejected' && opts.reason ? { rejectionReason: opts.reason } : {}),
    },
  };
}
