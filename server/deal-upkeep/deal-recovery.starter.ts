/**
 * Deal recovery at start-up: half-done deals are listed again for the sweeper, which then runs
 * at once rather than at its next scheduled time. The relisting and the sweep run again once a
 * dead process's locks have expired: by then every write it had sent has landed (one that landed
 * after the first relisting left its deal off the list), and deals it still held can be taken.
 * Passes go on a few times more while a deal is refused (one refused for good stays listed for
 * the sweeper's regular runs).
 */
import { logger } from '../common/logger';
import { lockTiming } from '../common/store';
import type { BackgroundStarter } from '../context';
import { sweepUnsettledDeals } from './deal-sweep';
import { relistHalfDoneDeals } from './deal-recovery';

const RETRIES_AFTER_LOCKS_EXPIRE = 3;

export const startDealRecovery: BackgroundStarter = (ctx) => {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  function pass(retriesLeft: number, delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      const first = retriesLeft === RETRIES_AFTER_LOCKS_EXPIRE;
      current = (async () => {
        await relistHalfDoneDeals();
        return sweepUnsettledDeals(ctx);
      })()
        .then(
          (report) => report.stuck.length > 0,
          (err: unknown) => {
            logger.warn({ err }, 'deal recovery pass failed');
            return true;
          },
        )
        .then((again) => {
          if ((first || again) && retriesLeft > 0) pass(retriesLeft - 1, lockTiming.ttlMs);
        });
    }, delay);
    timer.unref();
  }
  pass(RETRIES_AFTER_LOCKS_EXPIRE, 0);
  return {
    name: 'deal-recovery',
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
};
