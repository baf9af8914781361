/**
 * Royalty reports falling due: one durable job per licence (made when the terms are agreed,
 * deals/delivery-jobs.ts) runs when each reporting period ends, reminds the licensee (the buyer's
 * active members) of every ended period with no report filed, and schedules itself for the end
 * of the next period. Each person is reminded of a period once (the notice's dedupe key), however
 * often the job runs; a deal cancelled or lost, a licence whose last period has ended, or terms
 * without a royalty end the job.
 */
import type { AppContext } from '../context';
import { activeMemberIds } from '../auth';
import { findDealDoc } from './deal.store';
import { REPORTING_STATUSES } from './royalty-rules';
import { nextPeriodEnd, periodBounds, periodsToRemind, royaltyTermsOf } from './royalty-schedule';
import type { DealStatus } from '../api-contract/enums';
import type { Label } from '../api-contract/taxonomy';
import { createNotification } from '../notifications';
import { ROYALTY_REMINDER, type JobHandler } from '../scheduler';

export const ROYALTY_REPORT_DUE_NOTIFICATION = 'deal.royalty_report_due';

export type RoyaltyReminderPayload = { dealId: string };

const ENDED: readonly string[] = ['cancelled', 'closed_lost'];

const day = (d: Date, locale: 'vi' | 'en') =>
  d.toLocaleDateString(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });

/** `2026-Q1` as "quý 1/2026" and "Q1 2026", `2026-07` as "tháng 7/2026" and "July 2026". */
export function periodLabel(period: string): Label {
  const [year, p] = period.split('-');
  if (p.startsWith('Q')) return { vi: `quý ${p.slice(1)}/${year}`, en: `${p} ${year}` };
  const month = new Date(Date.UTC(Number(year), Number(p) - 1, 15));
  return {
    vi: `tháng ${Number(p)}/${year}`,
    en: month.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  };
}

/**
 * Reminds the licensee of the ended periods without a report (each person once a period) and
 * answers when to look again (the end of the next period), or nothing when the licence owes no
 * more reports.
 */
export async function remindRoyaltyReports(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  payload: RoyaltyReminderPayload,
  now = new Date(),
): Promise<{ periods: string[]; notified: number; rescheduleAt?: Date }> {
  const deal = await findDealDoc(payload.dealId);
  if (!deal || ENDED.includes(deal.status)) return { periods: [], notified: 0 };
  const terms = royaltyTermsOf(deal, deal.updatedAt ?? now);
  if (!terms) return { periods: [], notified: 0 };
  const rescheduleAt = nextPeriodEnd(terms, now) ?? undefined;
  // Agreed but not yet moved on (a flow the sweeper finishes): nothing may be filed yet.
  if (!REPORTING_STATUSES.includes(deal.status as DealStatus))
    return { periods: [], notified: 0, rescheduleAt };
  const filed = (deal.royaltyReports ?? []).map((r) => r.period);
  const periods = periodsToRemind(terms, filed, now);
  if (periods.length === 0) return { periods, notified: 0, rescheduleAt };
  const name = deal.reference ? `${deal.reference} · ${deal.listingTitle}` : deal.listingTitle;
  const buyers = await activeMemberIds([deal.buyerOrgId]);
  let notified = 0;
  for (const period of periods) {
    const label = periodLabel(period);
    const lastDay = new Date(periodBounds(period).end.getTime() - 1);
    for (const userId of buyers) {
      const created = await createNotification(ctx, {
        userId,
        type: ROYALTY_REPORT_DUE_NOTIFICATION,
        title: {
          vi: `Đến hạn báo cáo tiền bản quyền ${label.vi}: ${name}`,
          en: `Royalty report due for ${label.en}: ${name}`,
        },
        body: {
          vi: `Kỳ báo cáo đã kết thúc ngày ${day(lastDay, 'vi')} mà chưa có báo cáo. Hãy nộp doanh thu thuần của kỳ để tính tiền bản quyền.`,
          en: `The period ended on ${day(lastDay, 'en')} and no report was filed for it. File your net sales for it so the royalty can be worked out.`,
        },
        link: `/deals/${payload.dealId}`,
        data: { dealId: payload.dealId, period, cadence: terms.cadence },
        dedupeKey: `royalty-reminder:${payload.dealId}:${period}:${userId}`,
      });
      if (created) notified++;
    }
  }
  return { periods, notified, rescheduleAt };
}

export function royaltyReminderJobHandlers(
  ctx: Pick<AppContext, 'bus' | 'config'>,
): Record<string, JobHandler> {
  return {
    [ROYALTY_REMINDER]: async (job) => {
      const { rescheduleAt } = await remindRoyaltyReports(ctx, job.payload as RoyaltyReminderPayload);
      return rescheduleAt ? { rescheduleAt } : undefined;
    },
  };
}
