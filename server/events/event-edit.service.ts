/**
 * Operators change an announced event or cancel it. An edit holds the event's lock, reads the
 * event's scheduled meetings and approved registrations as stored, and writes only what keeps them
 * sound (event-edit-rules.ts). Cancelling writes the event's status first (from then on nothing
 * new is taken: registrations, meetings and acceptances check it), then ends every pending or
 * approved registration and every open meeting, and tells each registered organization; asked
 * again, it completes what a stop half-way left.
 */
import type { AppContext } from '../context';
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { eventRegistrationListKey, meetingEventListKey, readStoredOwnerList } from '../read-models';
import { changeEvent, getEvent, holdEvent, type EventDoc } from './event.store';
import { changeRegistration, registrationsByIds } from './event-registration.store';
import { planEventCancel, planEventEdit, type EventPatch } from './event-edit-rules';
import { planRegistrationEnd } from './registration-change-rules';
import { endOpenMeetings, isScheduled, meetingsOfList } from './meeting-ending';
import { notifyEventCancelled } from './event-change-notices';
import { eventView } from './event.view';

type Ctx = Pick<AppContext, 'bus' | 'config'>;

async function registrationsOf(eventId: string) {
  const ids = (await readStoredOwnerList(eventRegistrationListKey(eventId))).map((e) => e.id);
  return (await registrationsByIds(ids)).filter((r) => r.eventId === eventId);
}

export async function updateEventRecord(admin: SessionUser, eventId: string, patch: EventPatch) {
  if (!(await getEvent(eventId))) throw AppError.notFound('Event');
  const { doc, written } = await holdEvent(eventId, async () => {
    const [meetings, registrations] = await Promise.all([
      meetingsOfList(eventId, meetingEventListKey(eventId)),
      registrationsOf(eventId),
    ]);
    return changeEvent(eventId, (current) => ({
      change: planEventEdit(current, patch, {
        scheduled: meetings.filter(isScheduled),
        approved: registrations.filter((r) => r.status === 'approved').length,
      }),
      result: null,
    }));
  });
  if (written)
    await recordAudit({
      actorId: admin.id,
      action: 'event.updated',
      targetType: 'event',
      targetId: eventId,
      data: { fields: Object.keys(patch) },
    });
  return eventView(doc, new Date());
}

export async function cancelEventRecord(ctx: Ctx, admin: SessionUser, eventId: string, reason: string) {
  if (!(await getEvent(eventId))) throw AppError.notFound('Event');
  const now = new Date();
  const { doc, written } = await changeEvent(eventId, (current) => ({
    change: planEventCancel(current, { reason, by: admin.id, now }),
    result: null,
  }));
  if (doc.status !== 'cancelled') return eventView(doc, now);
  const orgIds = await endRegistrations(eventId);
  await endOpenMeetings(
    admin,
    await meetingsOfList(eventId, meetingEventListKey(eventId)),
    doc.cancelReason ?? reason,
  );
  if (written)
    await recordAudit({
      actorId: admin.id,
      action: 'event.cancelled',
      targetType: 'event',
      targetId: eventId,
      data: { reason },
    });
  await tellCancelled(ctx, doc, orgIds);
  return eventView(doc, now);
}

/** Ends the event's live registrations; the organizations that had registered (whatever came of it). */
async function endRegistrations(eventId: string): Promise<string[]> {
  const registrations = await registrationsOf(eventId);
  for (const r of registrations) {
    await changeRegistration(String(r._id), (current) => ({
      change: planRegistrationEnd(current),
      result: null,
    }));
  }
  return registrations.map((r) => r.organizationId);
}

async function tellCancelled(ctx: Ctx, event: EventDoc, orgIds: string[]) {
  await notifyEventCancelled(ctx, event, orgIds).catch((err) =>
    logger.warn({ err, eventId: String(event._id) }, 'event cancellation notices not sent'),
  );
}
