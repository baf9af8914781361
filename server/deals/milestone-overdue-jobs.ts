/**
 * A milestone that reaches its due date unaccepted: both parties (their organisations' active
 * members) and the operators are told once that it is overdue. The job is made with the delivery
 * plan (deals/delivery-jobs.ts), one per milestone with a due date, run at that date; a
 * milestone accepted or cancelled by then, or a deal no longer delivering, owes nothing. Each
 * person's notice has its own dedupe key, so a job run twice (a retry, or two processes) or
 * scheduled twice tells nobody twice.
 */
import type { AppContext } from '../context';
import { activeMemberIds, operatorIds } from '../auth';
import { findDealDoc } from './deal.store';
import { daysOverdue, owesOverdueNotice } from './milestone-overdue-rules';
import type { Label } from '../api-contract/taxonomy';
import { createNotification } from '../notifications';
import { MILESTONE_OVERDUE, type JobHandler } from '../scheduler';

export const MILESTONE_OVERDUE_NOTIFICATION = 'deal.milestone_overdue';

export type OverduePayload = { dealId: string; n: number; dueDate: string };

const day = (d: Date, locale: 'vi' | 'en') =>
  d.toLocaleDateString(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Where the milestone stands, for the notice's body: who is expected to act. */
function standing(status: string): Label {
  if (status === 'delivered')
    return {
      vi: 'Mốc đã được giao và đang chờ bên mua nghiệm thu.',
      en: 'It was delivered and awaits the buyer’s answer.',
    };
  if (status === 'disputed')
    return {
      vi: 'Mốc đang có tranh chấp chờ nhà môi giới hoặc quản trị sàn giải quyết.',
      en: 'It is disputed, awaiting the broker’s or an operator’s decision.',
    };
  if (status === 'changes_requested')
    return {
      vi: 'Bên mua đã yêu cầu chỉnh sửa; bên bán chưa giao lại.',
      en: 'The buyer asked for changes; the seller has not delivered again.',
    };
  return { vi: 'Bên bán chưa giao mốc này.', en: 'The seller has not delivered it yet.' };
}

/**
 * Tells the parties and the operators that the milestone is overdue, once each. Before the due
 * date has passed, answers when to look again. Returns how many notices were created now.
 */
export async function notifyOverdueMilestone(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  payload: OverduePayload,
  now = new Date(),
): Promise<{ notified: number; rescheduleAt?: Date }> {
  const due = new Date(payload.dueDate);
  if (now.getTime() <= due.getTime()) return { notified: 0, rescheduleAt: new Date(due.getTime() + 1000) };
  const deal = await findDealDoc(payload.dealId);
  if (!deal || deal.status !== 'delivering') return { notified: 0 };
  const milestone = deal.delivery?.find((m) => m.n === payload.n);
  if (!milestone || !owesOverdueNotice(milestone, due, now)) return { notified: 0 };
  const name = deal.reference ? `${deal.reference} · ${deal.listingTitle}` : deal.listingTitle;
  const what = `${milestone.n} (${milestone.title ?? ''})`;
  const title: Label = {
    vi: `Mốc ${what} đã quá hạn ${day(due, 'vi')}: ${name}`,
    en: `Milestone ${what} is overdue since ${day(due, 'en')}: ${name}`,
  };
  const parties = await activeMemberIds([deal.sellerOrgId, deal.buyerOrgId]);
  const operators = (await operatorIds()).filter((id) => !parties.includes(id));
  let notified = 0;
  for (const userId of [...parties, ...operators]) {
    const created = await createNotification(ctx, {
      userId,
      type: MILESTONE_OVERDUE_NOTIFICATION,
      title,
      body: standing(milestone.status),
      link: `/deals/${payload.dealId}`,
      data: {
        dealId: payload.dealId,
        n: milestone.n,
        dueDate: due.toISOString(),
        daysOverdue: daysOverdue(due, now),
        status: milestone.status,
      },
      dedupeKey: `milestone-overdue:${payload.dealId}:${milestone.n}:${userId}`,
    });
    if (created) notified++;
  }
  return { notified };
}

export function milestoneOverdueJobHandlers(
  ctx: Pick<AppContext, 'bus' | 'config'>,
): Record<string, JobHandler> {
  return {
    [MILESTONE_OVERDUE]: async (job) => {
      const { rescheduleAt } = await notifyOverdueMilestone(ctx, job.payload as OverduePayload);
      return rescheduleAt ? { rescheduleAt } : undefined;
    },
  };
}
