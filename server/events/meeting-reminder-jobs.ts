/** Reminders before scheduled meetings at events (events/meeting-reminders.ts): the job and its start-up recovery. */
import type { AppContext } from '../context';
import { remindOfMeeting, restoreMeetingReminders, type MeetingReminderPayload } from './meeting-reminders';
import { MEETING_REMINDER, type JobHandler } from '../scheduler';

type Ctx = Pick<AppContext, 'bus' | 'config'>;

export function meetingReminderJobHandlers(ctx: Ctx): Record<string, JobHandler> {
  return {
    [MEETING_REMINDER]: async (job) => {
      await remindOfMeeting(ctx, job.payload as MeetingReminderPayload);
    },
  };
}

/** A sweep that restores missing reminder jobs once, at the scheduler's start; later passes do nothing. */
export function restoreMeetingRemindersOnce(ctx: Ctx): () => Promise<void> {
  let done = false;
  return async () => {
    if (done) return;
    await restoreMeetingReminders(ctx.config.meetingReminderMinutes);
    done = true;
  };
}
