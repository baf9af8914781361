/**
 * Reminders before scheduled meetings: accepting a meeting enqueues one durable job
 * (MEETING_REMINDER_MINUTES before its start, keyed by the meeting and its start), which tells
 * both organizations' active members when and where (table or online). The job reads the meeting
 * when it runs: one cancelled, declined, moved or already started, or of a cancelled event, is
 * not reminded. After a stop, scheduled meetings still to come get their job again (same keys:
 * nothing twice).
 */
import mongoose from 'mongoose';
import type { AppContext } from '../context';
import { logger } from '../common/logger';
import { organizationNames } from '../deals';
import { enqueueJobIfAbsent, MEETING_REMINDER, meetingReminderKey } from '../scheduler';
import { getEvent } from './event.store';
import { getMeeting, meetingReads, type MeetingDoc } from './meeting.store';
import { owesReminder, reminderRunAt } from './reminder-rules';
import { notifyMeetingReminder } from './event-change-notices';

type Ctx = Pick<AppContext, 'bus' | 'config'>;

export type MeetingReminderPayload = { meetingId: string; startsAt: string };

/** Enqueues the meeting's reminder (nothing for a meeting not scheduled or already started). */
export async function scheduleMeetingReminder(
  minutesBefore: number,
  m: Pick<MeetingDoc, '_id' | 'status' | 'startsAt'>,
  now = new Date(),
): Promise<boolean> {
  if (m.status !== 'accepted' || !m.startsAt || new Date(m.startsAt).getTime() <= now.getTime()) return false;
  const meetingId = String(m._id);
  return enqueueJobIfAbsent({
    type: MEETING_REMINDER,
    runAt: reminderRunAt(m.startsAt, minutesBefore, now),
    payload: { meetingId, startsAt: new Date(m.startsAt).toISOString() },
    dedupeKey: meetingReminderKey(meetingId, m.startsAt),
  });
}

/** After an acceptance is written: a reminder that fails to be scheduled is logged, never the step's failure. */
export async function scheduleReminderAfterAcceptance(ctx: Ctx, m: MeetingDoc): Promise<void> {
  await scheduleMeetingReminder(ctx.config.meetingReminderMinutes, m).catch((err) =>
    logger.error({ err, meetingId: String(m._id) }, 'meeting reminder not scheduled'),
  );
}

/** The job's work: both sides told, if the meeting still owes its reminder; how many notices were made. */
export async function remindOfMeeting(
  ctx: Ctx,
  payload: MeetingReminderPayload,
  now = new Date(),
): Promise<number> {
  const m = await getMeeting(payload.meetingId);
  const event = m ? await getEvent(m.eventId) : null;
  if (!owesReminder(m, event, new Date(payload.startsAt), now)) return 0;
  const names = await organizationNames([m!.requesterOrgId, m!.inviteeOrgId]);
  return notifyMeetingReminder(ctx, event!, m!, names);
}

/**
 * At start-up: every scheduled meeting still to come gets its reminder job if it has none (a
 * process stopped between an acceptance and its job, or meetings accepted before reminders
 * existed). Found once by status and time, as the deal recovery finds its deals.
 */
export async function restoreMeetingReminders(minutesBefore: number, now = new Date()): Promise<number> {
  const upcoming = (await meetingReads
    .find({ status: 'accepted', startsAt: mongoose.trusted({ $gt: now }) }, { status: 1, startsAt: 1 })
    .lean()) as Pick<MeetingDoc, '_id' | 'status' | 'startsAt'>[];
  let added = 0;
  for (const m of upcoming) if (await scheduleMeetingReminder(minutesBefore, m, now)) added++;
  return added;
}
