/**
 * The durable jobs an agreed deal owes later, made when it moves on from its agreement
 * (deal.service.ts, right after the transition's write): a check of each open milestone at its
 * due date when the delivery plan is made (overdue notices, deals/milestone-overdue-jobs.ts),
 * and the royalty reminder of a licence whose terms set a royalty, first run when the period of
 * the agreement ends (deals/royalty-reminder-jobs.ts), and the refund of a winner's deposit
 * surplus over the fees (payments/deposit-surplus.service.ts). Every job has a dedupe key, so
 * scheduling again (a step repeated by the sweeper, the pass after a restart) adds nothing.
 */
import type { DealStatus } from '../api-contract/enums';
import { logger } from '../common/logger';
import {
  DEPOSIT_SURPLUS_REFUND,
  depositSurplusRefundKey,
  MILESTONE_OVERDUE,
  milestoneOverdueKey,
  ROYALTY_REMINDER,
  royaltyReminderKey,
  enqueueJobIfAbsent,
} from '../scheduler';
import type { DealDoc } from './deal.model';
import { overdueChecks } from './milestone-overdue-rules';
import { REPORTING_STATUSES } from './royalty-rules';
import { nextPeriodEnd, royaltyTermsOf } from './royalty-schedule';

type Deal = Pick<DealDoc, '_id' | 'delivery' | 'agreedVersion' | 'termSheets' | 'timeline'> &
  Partial<Pick<DealDoc, 'depositCredit'>>;

/** One job per open milestone with a due date, run at that date. */
export async function scheduleOverdueChecks(deal: Pick<Deal, '_id' | 'delivery'>): Promise<number> {
  const dealId = String(deal._id);
  const checks = overdueChecks(deal.delivery);
  for (const { n, dueDate } of checks) {
    await enqueueJobIfAbsent({
      type: MILESTONE_OVERDUE,
      runAt: dueDate,
      payload: { dealId, n, dueDate: dueDate.toISOString() },
      dedupeKey: milestoneOverdueKey(dealId, n, dueDate),
    });
  }
  return checks.length;
}

/** The licence's reminder job, first run when the period holding `now` (or the agreement) ends; null without a royalty. */
export async function scheduleRoyaltyReminders(deal: Deal, now = new Date()): Promise<Date | null> {
  const terms = royaltyTermsOf(deal, now);
  const runAt = terms && nextPeriodEnd(terms, now);
  if (!runAt) return null;
  const dealId = String(deal._id);
  await enqueueJobIfAbsent({
    type: ROYALTY_REMINDER,
    runAt,
    payload: { dealId },
    dedupeKey: royaltyReminderKey(dealId),
  });
  return runAt;
}

/**
 * A deal holding a winner's deposit: its surplus over the fees is refunded once the terms are
 * agreed (what the fees take is known) and again once it is won (a milestone accepted for less,
 * or cancelled, took less), by a durable job per cause (payments/deposit-surplus.service.ts).
 */
export async function scheduleSurplusRefundJob(
  deal: Pick<Deal, '_id' | 'depositCredit'>,
  cause: 'agreed' | 'won',
): Promise<boolean> {
  if (!deal.depositCredit?.paymentId) return false;
  const dealId = String(deal._id);
  return enqueueJobIfAbsent({
    type: DEPOSIT_SURPLUS_REFUND,
    runAt: new Date(),
    payload: { dealId },
    dedupeKey: depositSurplusRefundKey(dealId, cause),
  });
}

/**
 * After a transition: the delivery plan just made gets its overdue checks, an agreement moving on
 * to payment, delivery or completion its royalty reminders. A failure is logged, not thrown: the
 * transition is written and its caller must not be told otherwise.
 */
export async function scheduleJobsAfterTransition(deal: Deal & { status: string }, from: DealStatus) {
  try {
    if (deal.status === 'delivering' && from !== 'delivering') await scheduleOverdueChecks(deal);
    if (from === 'agreed' && REPORTING_STATUSES.includes(deal.status as DealStatus)) {
      await scheduleRoyaltyReminders(deal);
      await scheduleSurplusRefundJob(deal, 'agreed');
    }
    if (deal.status === 'closed_won') await scheduleSurplusRefundJob(deal, 'won');
  } catch (err) {
    logger.error(
      { err, dealId: String(deal._id) },
      "a deal's overdue checks, royalty reminders or deposit surplus refund were not scheduled",
    );
  }
}

/**
 * After a stop: a process killed between a deal's move to delivery and its jobs' writes left it
 * without them, and deals that were delivering before these jobs existed never had them. Each
 * delivering deal gets what it would have been given (existing jobs are kept: same dedupe keys).
 */
export async function scheduleMissingDeliveryJobs(deals: readonly Deal[]): Promise<void> {
  for (const deal of deals) {
    try {
      await scheduleOverdueChecks(deal);
      await scheduleRoyaltyReminders(deal);
    } catch (err) {
      logger.error({ err, dealId: String(deal._id) }, "a delivering deal's jobs were not scheduled again");
    }
  }
}

/**
 * After a stop, and for licences won before their reminders existed: each won deal whose agreed
 * terms set a royalty gets its reminder job (kept as it is when it has one: same dedupe key).
 */
export async function scheduleMissingRoyaltyReminders(deals: readonly Deal[]): Promise<number> {
  let scheduled = 0;
  for (const deal of deals) {
    try {
      if (await scheduleRoyaltyReminders(deal)) scheduled++;
    } catch (err) {
      logger.error(
        { err, dealId: String(deal._id) },
        "a won licence's royalty reminders were not scheduled again",
      );
    }
  }
  return scheduled;
}
