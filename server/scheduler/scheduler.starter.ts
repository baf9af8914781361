/** The scheduler as a background worker of the exchange (see server/exchange.ts). */
import { logger } from '../common/logger';
import type { BackgroundStarter } from '../context';
import { startScheduler } from './scheduler';
import { alertOperatorsOfFailedJob } from './failed-job-alert';
import { dealUpkeepHandlers } from './deal-sweep';
import { milestoneJobHandlers } from './milestone-jobs';
import { listingFeeJobHandlers } from './listing-fee-jobs';
import { milestoneOverdueJobHandlers } from './milestone-overdue-jobs';
import { royaltyReminderJobHandlers } from './royalty-reminder-jobs';
import { federationPullJobHandlers } from './federation-pull-jobs';
import { federationInquiryJobHandlers } from './federation-inquiry-jobs';
import { federationAnswerJobHandlers } from './federation-answer-jobs';
import { depositSurplusJobHandlers } from './deposit-surplus-jobs';
import { meetingReminderJobHandlers, restoreMeetingRemindersOnce } from './meeting-reminder-jobs';
import { ensureRecurringJob } from './job.store';
import { DEAL_SWEEP, FEDERATION_PULL } from './job-types';
import { deadlineJobHandlers, enqueueDueDeadlines, scheduleListingDeadline } from './deadline-jobs';

export const startDeadlineScheduler: BackgroundStarter = (ctx) => {
  const unsubscribe = ctx.bus.subscribe('listing.published', ({ kind, id }) => {
    scheduleListingDeadline(kind, id).catch((err) =>
      logger.warn({ err, kind, id }, 'deadline not scheduled'),
    );
  });
  const scheduler = startScheduler({
    handlers: {
      ...deadlineJobHandlers(ctx),
      ...dealUpkeepHandlers(ctx),
      ...milestoneJobHandlers(ctx),
      ...listingFeeJobHandlers(ctx),
      ...milestoneOverdueJobHandlers(ctx),
      ...royaltyReminderJobHandlers(ctx),
      ...federationPullJobHandlers(ctx),
      ...federationInquiryJobHandlers(ctx),
      ...federationAnswerJobHandlers(ctx),
      ...depositSurplusJobHandlers(ctx),
      ...meetingReminderJobHandlers(ctx),
    },
    sweeps: [
      () => enqueueDueDeadlines(),
      () => ensureRecurringJob(DEAL_SWEEP, new Date()),
      ...(ctx.config.federationPullIntervalMs > 0
        ? [() => ensureRecurringJob(FEDERATION_PULL, new Date())]
        : []),
      restoreMeetingRemindersOnce(ctx),
    ],
    intervalMs: ctx.config.schedulerIntervalMs,
    sweepIntervalMs: ctx.config.schedulerSweepIntervalMs,
    onFailedForGood: (job, err) => alertOperatorsOfFailedJob(ctx, job, err),
  });
  return {
    name: 'scheduler',
    async stop() {
      unsubscribe();
      await scheduler.stop();
    },
  };
};
