/**
 * Delivered milestones their buyers have not answered (deals/milestone.service.ts): the buyer is
 * reminded days before, then the milestone is accepted for them when its time comes.
 */
import type { AppContext } from '../context';
import { autoAcceptMilestone, milestoneAwaitingBuyer, type MilestoneDeps } from './milestone.service';
import { activeMemberIds } from '../auth';
import { createNotification } from '../notifications';
import { MILESTONE_AUTO_ACCEPT, MILESTONE_REMINDER, type JobHandler } from '../scheduler';

type Payload = { dealId: string; n: number; deliveredAt: string };

const day = (d: Date, locale: 'vi' | 'en') =>
  d.toLocaleDateString(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Reminds the buyer's members once (the notice's dedupe key) that the milestone will be accepted for them. */
export async function remindBuyerOfMilestone(ctx: Pick<AppContext, 'bus' | 'config'>, payload: Payload) {
  const waiting = await milestoneAwaitingBuyer(payload, ctx.config.milestoneAcceptDays);
  if (!waiting) return false;
  const { deal, milestone, acceptsOn } = waiting;
  const name = deal.reference ? `${deal.reference} · ${deal.listingTitle}` : deal.listingTitle;
  for (const userId of await activeMemberIds([deal.buyerOrgId])) {
    await createNotification(ctx, {
      userId,
      type: 'deal.milestone_reminder',
      title: {
        vi: `Mốc ${milestone.n} (${milestone.title}) sẽ được tự động nghiệm thu ngày ${day(acceptsOn, 'vi')}: ${name}`,
        en: `Milestone ${milestone.n} (${milestone.title}) will be accepted for you on ${day(acceptsOn, 'en')}: ${name}`,
      },
      body: {
        vi: 'Hãy nghiệm thu, yêu cầu chỉnh sửa hoặc mở tranh chấp trước ngày đó.',
        en: 'Accept it, request changes or open a dispute before then.',
      },
      link: `/deals/${payload.dealId}`,
      data: { dealId: payload.dealId, n: milestone.n },
      dedupeKey: `milestone-reminder:${payload.dealId}:${milestone.n}:${payload.deliveredAt}:${userId}`,
    });
  }
  return true;
}

/** `payments` is the payments component's (see deal-payments-port.ts). */
export function milestoneJobHandlers(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  payments: MilestoneDeps['payments'],
): Record<string, JobHandler> {
  return {
    [MILESTONE_REMINDER]: async (job) => {
      await remindBuyerOfMilestone(ctx, job.payload as Payload);
    },
    [MILESTONE_AUTO_ACCEPT]: async (job) => {
      const { rescheduleAt } = await autoAcceptMilestone(job.payload as Payload, {
        bus: ctx.bus,
        acceptAfterDays: ctx.config.milestoneAcceptDays,
        schedule: ctx.config.feeSchedule,
        payments,
      });
      return rescheduleAt ? { rescheduleAt } : undefined;
    },
  };
}
