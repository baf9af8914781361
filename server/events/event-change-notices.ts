/**
 * What operators' changes and the reminder job tell whom, in both languages: an event cancelled
 * (the members of every organization that had registered), an approval revoked (the
 * organization's), a meeting ended by the organizers (the other side's), a meeting about to start
 * (both sides'). Each notice once per step and person (its dedupe key); mail follows each
 * person's settings, as for every notification.
 */
import type { AppContext } from '../context';
import type { Label } from '../api-contract/taxonomy';
import { activeMemberIds } from '../auth';
import { createNotification } from '../notifications';
import type { EventDoc } from './event.store';
import type { EventRegistrationDoc } from './event-registration.store';
import type { MeetingDoc } from './meeting.store';

type Ctx = Pick<AppContext, 'bus' | 'config'>;

export const EVENT_CANCELLED_NOTIFICATION = 'event.cancelled';
export const REGISTRATION_REVOKED_NOTIFICATION = 'event.registration_revoked';
export const MEETING_ENDED_NOTIFICATION = 'event.meeting_ended';
export const MEETING_REMINDER_NOTIFICATION = 'event.meeting_reminder';

/** `2026-12-03 09:20 UTC`, as the other event notices write a meeting's time. */
const when = (d: Date | undefined) =>
  d ? `${new Date(d).toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';

async function tellMembers(
  ctx: Ctx,
  orgIds: readonly string[],
  notice: {
    type: string;
    title: Label;
    body?: Label;
    link: string;
    data: Record<string, unknown>;
    key: string;
  },
): Promise<number> {
  let told = 0;
  for (const userId of await activeMemberIds([...new Set(orgIds)])) {
    const created = await createNotification(ctx, {
      userId,
      type: notice.type,
      title: notice.title,
      ...(notice.body ? { body: notice.body } : {}),
      link: notice.link,
      data: notice.data,
      dedupeKey: `${userId}:${notice.type}:${notice.key}`,
    });
    if (created) told++;
  }
  return told;
}

export function notifyEventCancelled(ctx: Ctx, event: EventDoc, orgIds: readonly string[]) {
  const id = String(event._id);
  const reason = event.cancelReason ?? '';
  return tellMembers(ctx, orgIds, {
    type: EVENT_CANCELLED_NOTIFICATION,
    title: {
      vi: `Sự kiện đã bị huỷ: ${event.title}`,
      en: `Event cancelled: ${event.titleEn ?? event.title}`,
    },
    body: { vi: `Lý do: ${reason}`, en: `Reason: ${reason}` },
    link: `/events/${id}`,
    data: { eventId: id },
    key: id,
  });
}

export function notifyRegistrationRevoked(ctx: Ctx, event: EventDoc, r: EventRegistrationDoc) {
  const reason = r.revokeReason ?? '';
  return tellMembers(ctx, [r.organizationId], {
    type: REGISTRATION_REVOKED_NOTIFICATION,
    title: {
      vi: `Đăng ký tham gia sự kiện đã bị thu hồi: ${event.title}`,
      en: `Your approval was revoked: ${event.titleEn ?? event.title}`,
    },
    body: { vi: `Lý do: ${reason}`, en: `Reason: ${reason}` },
    link: `/events/${r.eventId}`,
    data: { eventId: r.eventId, registrationId: String(r._id) },
    key: String(r._id),
  });
}

export function notifyMeetingEnded(ctx: Ctx, event: EventDoc, m: MeetingDoc, toOrgId: string) {
  const id = String(m._id);
  return tellMembers(ctx, [toOrgId], {
    type: MEETING_ENDED_NOTIFICATION,
    title: {
      vi: `Ban tổ chức đã huỷ một cuộc gặp tại ${event.title}`,
      en: `The organizers cancelled a meeting at ${event.titleEn ?? event.title}`,
    },
    ...(m.cancelReason ? { body: { vi: `Lý do: ${m.cancelReason}`, en: `Reason: ${m.cancelReason}` } } : {}),
    link: `/events/${m.eventId}/agenda`,
    data: { eventId: m.eventId, meetingId: id },
    key: id,
  });
}

/** Both sides: the meeting's time and its table (on site) or that it is held online. */
export function notifyMeetingReminder(
  ctx: Ctx,
  event: EventDoc,
  m: MeetingDoc,
  names: ReadonlyMap<string, string>,
) {
  const id = String(m._id);
  const at = when(m.startsAt);
  const where: Label = m.table
    ? {
        vi: `Bàn ${m.table}${event.venue ? `, ${event.venue}` : ''}`,
        en: `Table ${m.table}${event.venue ? `, ${event.venue}` : ''}`,
      }
    : { vi: 'Trực tuyến', en: 'Online' };
  const between = `${names.get(m.requesterOrgId) ?? ''} — ${names.get(m.inviteeOrgId) ?? ''}`;
  return tellMembers(ctx, [m.requesterOrgId, m.inviteeOrgId], {
    type: MEETING_REMINDER_NOTIFICATION,
    title: {
      vi: `Sắp đến cuộc gặp tại ${event.title}: ${at}`,
      en: `Your meeting at ${event.titleEn ?? event.title} starts soon: ${at}`,
    },
    body: { vi: `${between}. ${where.vi}.`, en: `${between}. ${where.en}.` },
    link: `/events/${m.eventId}/agenda`,
    data: {
      eventId: m.eventId,
      meetingId: id,
      startsAt: new Date(m.startsAt!).toISOString(),
      ...(m.table ? { table: m.table } : { online: true }),
    },
    key: `${id}:${new Date(m.startsAt!).getTime()}`,
  });
}
