/**
 * The scheduler as a background worker of the exchange (see server/exchange.ts). It knows no
 * domain: the composition root gathers the components' job handlers and sweeps for each start.
 */
import type { AppContext, BackgroundStarter } from '../context';
import { startScheduler, type SchedulerOptions } from './scheduler';

/** What the components hand the scheduler when it starts: their jobs, sweeps and failure alert. */
export interface SchedulerJobs {
  handlers: SchedulerOptions['handlers'];
  sweeps: NonNullable<SchedulerOptions['sweeps']>;
  onFailedForGood?: SchedulerOptions['onFailedForGood'];
  /** Undoes what gathering the jobs set up (bus subscriptions), before the scheduler stops. */
  stop?: () => void;
}

/** A background starter that starts the scheduler with the jobs `jobsFor` gathers for the exchange. */
export function schedulerStarter(jobsFor: (ctx: AppContext) => SchedulerJobs): BackgroundStarter {
  return (ctx) => {
    const jobs = jobsFor(ctx);
    const scheduler = startScheduler({
      handlers: jobs.handlers,
      sweeps: jobs.sweeps,
      intervalMs: ctx.config.schedulerIntervalMs,
      sweepIntervalMs: ctx.config.schedulerSweepIntervalMs,
      onFailedForGood: jobs.onFailedForGood,
    });
    return {
      name: 'scheduler',
      async stop() {
        jobs.stop?.();
        await scheduler.stop();
      },
    };
  };
}
