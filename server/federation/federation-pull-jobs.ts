/**
 * Partner exchanges' feeds pulled on a schedule: one recurring job pulls every active partner
 * from its stored cursor, then schedules itself again after FEDERATION_PULL_INTERVAL_MS. Being a
 * durable job, a pull missed while the exchange was down runs at its next start, and only one
 * process runs it at a time.
 */
import type { AppContext } from '../context';
import { pullAllPartners } from './import.service';
import { FEDERATION_PULL, type JobHandler } from '../scheduler';

export function federationPullJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [FEDERATION_PULL]: async () => {
      await pullAllPartners(ctx);
      const every = ctx.config.federationPullIntervalMs;
      return every > 0 ? { rescheduleAt: new Date(Date.now() + every) } : undefined;
    },
  };
}
