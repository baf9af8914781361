/**
 * The pure rules of a registration changing after it was made: the organization restating when it
 * is free (within the event, and still covering each of its scheduled meetings: 409 naming
 * `availability`), an operator revoking an approval, and every pending or approved registration
 * ending (cancelled) with its event.
 */
import { AppError, type ErrorDetail } from '../common/errors';
import type { EventRegistrationStatus } from '../api-contract/enums';
import { availabilityProblems, type Period } from './event-rules';
import { mergeSpans } from './slot-rules';

/** The registrations that still take part: their availability may change, their meetings stand. */
export const LIVE_REGISTRATION_STATUSES: readonly EventRegistrationStatus[] = ['pending', 'approved'];

const ms = (d: Date) => new Date(d).getTime();

/** The scheduled meetings (times) the new availability would leave outside it, as 409 details. */
export function availabilityConflicts(
  availability: readonly Period[],
  scheduled: readonly { startsAt: Date; endsAt: Date }[],
): ErrorDetail[] {
  const free = mergeSpans(availability.map((p) => ({ from: ms(p.from), to: ms(p.to) })));
  return scheduled
    .filter((m) => !free.some((s) => s.from <= ms(m.startsAt) && ms(m.endsAt) <= s.to))
    .map((m) => ({
      field: 'availability',
      message: 'a meeting is scheduled outside this availability: cancel it first',
      type: 'meeting.scheduled',
      value: new Date(m.startsAt).toISOString(),
    }));
}

/**
 * The organization's new availability: within the event (400 naming `availability.<i>`), covering
 * every meeting it has scheduled (409 naming `availability`), for a registration still pending or
 * approved of an event not yet ended (409).
 */
export function planAvailabilityChange(
  current: { status: EventRegistrationStatus },
  event: { startsAt: Date; endsAt: Date },
  availability: readonly Period[],
  opts: { scheduled: readonly { startsAt: Date; endsAt: Date }[]; now: Date },
): Record<string, unknown> {
  if (!LIVE_REGISTRATION_STATUSES.includes(current.status))
    throw AppError.conflict(`This registration was ${current.status}.`);
  if (opts.now.getTime() >= ms(event.endsAt)) throw AppError.conflict('This event has ended.');
  const problems = availabilityProblems(
    { startsAt: new Date(event.startsAt), endsAt: new Date(event.endsAt) },
    availability,
  );
  if (problems.length) throw AppError.validation(problems);
  const conflicts = availabilityConflicts(availability, opts.scheduled);
  if (conflicts.length)
    throw new AppError('conflict', 'A scheduled meeting would fall outside the new availability.', conflicts);
  return { $set: { availability: [...availability].sort((a, b) => ms(a.from) - ms(b.from)) } };
}

/** An operator revokes an approval, saying why; revoking again changes nothing. */
export function planRevoke(
  current: { status: EventRegistrationStatus },
  opts: { reason: string; by: string; now: Date },
): Record<string, unknown> | null {
  if (current.status === 'revoked') return null;
  if (current.status !== 'approved')
    throw AppError.conflict(`Only an approved registration is revoked; this one is ${current.status}.`);
  return { $set: { status: 'revoked', revokedBy: opts.by, revokedAt: opts.now, revokeReason: opts.reason } };
}

/** A registration still pending or approved when its event is cancelled ends with it. */
export function planRegistrationEnd(current: {
  status: EventRegistrationStatus;
}): Record<string, unknown> | null {
  return LIVE_REGISTRATION_STATUSES.includes(current.status) ? { $set: { status: 'cancelled' } } : null;
}
