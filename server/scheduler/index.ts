/**
 * The scheduler: durable jobs and the loop that runs them. It knows no domain: the components
 * own their job handlers and sweeps, and the composition root (server/exchange.ts) hands them to
 * the scheduler when it starts it (`schedulerStarter`). Components enqueue jobs through the job
 * store's functions below; the job names they share are in job-types.ts.
 */
export { startScheduler, type JobHandler, type JobResult, type SchedulerOptions } from './scheduler';
export { schedulerStarter, type SchedulerJobs } from './scheduler.starter';
export {
  enqueueJob,
  enqueueJobIfAbsent,
  ensureRecurringJob,
  jobReads,
  requeueJob,
  type NewJob,
} from './job.store';
export type { JobDoc } from './job.model';
export {
  CLOSE_ENDED_DEAL_PAYMENTS,
  DEAL_SWEEP,
  closeEndedDealPaymentsKey,
  MILESTONE_AUTO_ACCEPT,
  milestoneAutoAcceptKey,
  MILESTONE_REMINDER,
  milestoneReminderKey,
  MILESTONE_OVERDUE,
  milestoneOverdueKey,
  ROYALTY_REMINDER,
  royaltyReminderKey,
  LISTING_FEE_REFUND,
  listingFeeRefundKey,
  CALL_DEPOSITS,
  callDepositsKey,
  MEETING_REMINDER,
  meetingReminderKey,
  DEPOSIT_SURPLUS_REFUND,
  depositSurplusRefundKey,
  FEDERATION_PULL,
  RUNNER_UP_DEPOSIT,
  runnerUpDepositKey,
  FEDERATION_INQUIRY,
  federationInquiryKey,
  FEDERATION_ANSWER,
  federationAnswerKey,
} from './job-types';
