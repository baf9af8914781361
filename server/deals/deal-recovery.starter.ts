/**
 * Deal recovery as a background worker: a pass at start-up (a process killed mid-flow left its
 * deals half done), then every SCHEDULER_SWEEP_INTERVAL_MS. Deals still locked by the dead
 * process are tried again once such a lock has expired.
 */
import { logger } from '../common/logger';
import { lockTiming } from '../common/store';
import type { BackgroundStarter } from '../context';
import { finishHalfDoneDeals } from './deal-recovery';

export const startDealRecovery: BackgroundStarter = (ctx) => {
  const deps = { bus: ctx.bus, feeSchedule: ctx.config.feeSchedule };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      current = finishHalfDoneDeals(deps)
        .then(({ busy }) => (busy > 0 ? lockTiming.ttlMs : ctx.config.schedulerSweepIntervalMs))
        .catch((err) => {
          logger.warn({ err }, 'deal recovery pass failed');
          return lockTiming.ttlMs;
        })
        .then((next) => schedule(next));
    }, delay);
    timer.unref();
  }
  schedule(0);
  return {
    name: 'deal-recovery',
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
};
