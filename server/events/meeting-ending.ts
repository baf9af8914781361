/**
 * The organizers end meetings: those of a cancelled event, or of an organization whose approval
 * was revoked. Each open meeting (asked for, or scheduled and not started) is cancelled under its
 * own lock with the operator's reason; the caller says whom to tell.
 */
import { logger } from '../common/logger';
import type { SessionUser } from '../common/session-user';
import { readStoredOwnerList } from '../read-models';
import { changeMeeting, meetingsByIds, type MeetingDoc } from './meeting.store';
import { OPEN_MEETING_STATUSES, planOrganizersEnd } from './meeting-rules';

/** The meetings of a list (the event's, or an organization's at the event), as stored now. */
export async function meetingsOfList(eventId: string, listKey: string): Promise<MeetingDoc[]> {
  const ids = (await readStoredOwnerList(listKey)).map((e) => e.id);
  return (await meetingsByIds(ids)).filter((m) => m.eventId === eventId);
}

export const isScheduled = (m: MeetingDoc): m is MeetingDoc & { startsAt: Date; endsAt: Date } =>
  m.status === 'accepted' && !!m.startsAt && !!m.endsAt;

/** Cancels each open meeting; the meetings this call ended (a meeting failing is logged and left). */
export async function endOpenMeetings(
  admin: SessionUser,
  meetings: readonly MeetingDoc[],
  reason: string,
): Promise<MeetingDoc[]> {
  const now = new Date();
  const ended: MeetingDoc[] = [];
  for (const m of meetings.filter((x) => OPEN_MEETING_STATUSES.includes(x.status))) {
    try {
      const { doc, written } = await changeMeeting(String(m._id), (current) => ({
        change:
          planOrganizersEnd(current, now) === 'cancelled'
            ? { $set: { status: 'cancelled', cancelledBy: admin.id, cancelledAt: now, cancelReason: reason } }
            : null,
        result: null,
      }));
      if (written) ended.push(doc);
    } catch (err) {
      logger.error({ err, meetingId: String(m._id) }, 'meeting not ended by the organizers');
    }
  }
  return ended;
}
