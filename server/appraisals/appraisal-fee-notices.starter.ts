/** Background worker: an appraisal's fee paid is written on its timeline and told to its experts and requester. */
import type { BackgroundStarter } from '../context';
import { logger } from '../common/logger';
import { noteFeeSettled } from './appraisal.service';

export const startAppraisalFeeNotices: BackgroundStarter = (ctx) => {
  const inFlight = new Set<Promise<unknown>>();
  const unsubscribe = ctx.bus.subscribe('payment.settled', (event) => {
    const work = noteFeeSettled(ctx, event.appraisalId, event.paymentId, event.status).catch((err) =>
      logger.error({ err, event }, 'appraisal fee not noted'),
    );
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  return {
    name: 'appraisal-fee-notices',
    async stop() {
      unsubscribe();
      await Promise.all(inFlight);
    },
  };
};
