/**
 * What each step of an event tells whom, in both languages: an organization's registration
 * decided (its members), a meeting asked of an organization (the invitee's members), accepted or
 * declined (the requester's), cancelled (the other side's). Each notice once per step and person.
 */
import type { AppContext } from '../context';
import type { Label } from '../api-contract/taxonomy';
import { activeMemberIds } from '../auth';
import { createNotification } from '../notifications';
import type { EventDoc } from './event.store';
import type { EventRegistrationDoc } from './event-registration.store';
import type { MeetingDoc } from './meeting.store';

type Ctx = Pick<AppContext, 'bus' | 'config'>;

/** `2026-12-03 09:20 UTC`: a meeting's time in a notice (the client shows it in the reader's zone). */
const when = (d: Date | undefined) =>
  d ? `${new Date(d).toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';

async function tell(
  ctx: Ctx,
  orgId: string,
  notice: { type: string; title: Label; link: string; data: Record<string, unknown>; key: string },
): Promise<void> {
  for (const userId of await activeMemberIds([orgId])) {
    await createNotification(ctx, {
      userId,
      type: notice.type,
      title: notice.title,
      link: notice.link,
      data: notice.data,
      dedupeKey: `${userId}:${notice.type}:${notice.key}`,
    });
  }
}

export async function notifyRegistrationDecided(ctx: Ctx, event: EventDoc, r: EventRegistrationDoc) {
  const approved = r.status === 'approved';
  const t = event.title;
  await tell(ctx, r.organizationId, {
    type: approved ? 'event.registration_approved' : 'event.registration_rejected',
    title: approved
      ? { vi: `Đăng ký tham gia sự kiện đã được duyệt: ${t}`, en: `Your registration is approved: ${t}` }
      : { vi: `Đăng ký tham gia sự kiện bị từ chối: ${t}`, en: `Your registration was not approved: ${t}` },
    link: `/events/${r.eventId}`,
    data: { eventId: r.eventId, registrationId: String(r._id) },
    key: `${String(r._id)}:${r.status}`,
  });
}

export type MeetingStep = 'requested' | 'accepted' | 'declined' | 'cancelled';

const MEETING_TITLES: Record<MeetingStep, (event: string, m: MeetingDoc) => Label> = {
  requested: (t) => ({ vi: `Có yêu cầu gặp gỡ tại sự kiện: ${t}`, en: `A meeting request at ${t}` }),
  accepted: (t, m) => ({
    vi: `Cuộc gặp tại ${t} đã được xếp lịch: ${when(m.startsAt)}`,
    en: `Your meeting at ${t} is scheduled: ${when(m.startsAt)}`,
  }),
  declined: (t) => ({
    vi: `Yêu cầu gặp gỡ tại ${t} đã bị từ chối`,
    en: `Your meeting request at ${t} was declined`,
  }),
  cancelled: (t) => ({ vi: `Cuộc gặp tại ${t} đã bị huỷ`, en: `A meeting at ${t} was cancelled` }),
};

/** Tells the other side of the meeting (the invitee of a request, the requester of an answer). */
export async function notifyMeeting(
  ctx: Ctx,
  step: MeetingStep,
  event: EventDoc,
  m: MeetingDoc,
  toOrgId: string,
) {
  const id = String(m._id);
  await tell(ctx, toOrgId, {
    type: `event.meeting_${step}`,
    title: MEETING_TITLES[step](event.title, m),
    link: `/events/${m.eventId}/agenda`,
    data: { eventId: m.eventId, meetingId: id },
    key: `${id}:${step}`,
  });
}
