/**
 * A registration changing after it was made. The organization restates when it is free, holding
 * its registration and its agenda (no meeting of it is accepted meanwhile) and keeping every
 * meeting it has scheduled inside. An operator revokes an approval, holding the event, the
 * registration and the organization's agenda: the registration becomes revoked, the
 * organization's open meetings at the event are cancelled, and the other sides and the
 * organization are told.
 */
import type { AppContext } from '../context';
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { organizationNames } from '../deals';
import { meetingOrgListKey } from '../read-models';
import { getEvent } from './event.store';
import {
  changeRegistration,
  getRegistration,
  holdAvailabilityChange,
  holdRegistrationEnd,
  registrationIdOf,
  type EventRegistrationDoc,
} from './event-registration.store';
import { assertEventActive, type Period } from './event-rules';
import { planAvailabilityChange, planRevoke } from './registration-change-rules';
import { endOpenMeetings, isScheduled, meetingsOfList } from './meeting-ending';
import { otherOrgOf } from './meeting-rules';
import { notifyMeetingEnded, notifyRegistrationRevoked } from './event-change-notices';
import { registrationView } from './event.view';

type Ctx = Pick<AppContext, 'bus' | 'config'>;

async function present(r: EventRegistrationDoc) {
  const names = await organizationNames([r.organizationId]);
  return registrationView(r, names.get(r.organizationId) ?? '');
}

async function activeEvent(eventId: string) {
  const event = await getEvent(eventId);
  if (!event) throw AppError.notFound('Event');
  assertEventActive(event);
  return event;
}

export async function changeAvailability(user: SessionUser, eventId: string, availability: Period[]) {
  const orgId = actingOrganizationId(user);
  if (!orgId) throw AppError.forbidden('Only an active member of an organization changes its registration');
  const event = await activeEvent(eventId);
  const rid = String(registrationIdOf(eventId, orgId));
  if (!(await getRegistration(rid))) throw AppError.notFound('Registration');
  const now = new Date();
  const { doc, written } = await holdAvailabilityChange(eventId, orgId, async () => {
    const scheduled = (await meetingsOfList(eventId, meetingOrgListKey(eventId, orgId))).filter(isScheduled);
    return changeRegistration(rid, (current) => ({
      change: planAvailabilityChange(current, event, availability, { scheduled, now }),
      result: null,
    }));
  });
  if (written)
    await recordAudit({
      actorId: user.id,
      action: 'event.availability_changed',
      targetType: 'event',
      targetId: eventId,
      data: { registrationId: rid, periods: availability.length },
    });
  return present(doc);
}

export async function revokeRegistration(
  ctx: Ctx,
  admin: SessionUser,
  eventId: string,
  registrationId: string,
  reason: string,
) {
  const event = await activeEvent(eventId);
  const found = await getRegistration(registrationId);
  if (!found || found.eventId !== eventId) throw AppError.notFound('Registration');
  const orgId = found.organizationId;
  const now = new Date();
  const { doc, written, ended } = await holdRegistrationEnd(eventId, orgId, async () => {
    const change = await changeRegistration(registrationId, (current) => ({
      change: planRevoke(current, { reason, by: admin.id, now }),
      result: null,
    }));
    if (change.doc.status !== 'revoked') return { ...change, ended: [] };
    const meetings = await meetingsOfList(eventId, meetingOrgListKey(eventId, orgId));
    return { ...change, ended: await endOpenMeetings(admin, meetings, reason) };
  });
  if (written)
    await recordAudit({
      actorId: admin.id,
      action: 'event.registration_revoked',
      targetType: 'event',
      targetId: eventId,
      data: { registrationId, organizationId: orgId, reason, meetingsEnded: ended.length },
    });
  try {
    if (written) await notifyRegistrationRevoked(ctx, event, doc);
    for (const m of ended) await notifyMeetingEnded(ctx, event, m, otherOrgOf(m, orgId));
  } catch (err) {
    logger.warn({ err, registrationId }, 'revocation notices not sent');
  }
  return present(doc);
}
