/** Accepting delivered milestones their buyers left unanswered (deals/milestone.service.ts). */
import type { AppContext } from '../context';
import { autoAcceptMilestone } from '../deals/milestone.service';
import type { JobHandler } from './scheduler';
import { MILESTONE_AUTO_ACCEPT } from './job-types';

export function milestoneJobHandlers(ctx: Pick<AppContext, 'bus' | 'config'>): Record<string, JobHandler> {
  return {
    [MILESTONE_AUTO_ACCEPT]: async (job) => {
      const payload = job.payload as { dealId: string; n: number; deliveredAt: string };
      const { rescheduleAt } = await autoAcceptMilestone(payload, {
        bus: ctx.bus,
        acceptAfterDays: ctx.config.milestoneAcceptDays,
      });
      return rescheduleAt ? { rescheduleAt } : undefined;
    },
  };
}
