/** Background worker: an appraisal's fee paid is written on its timeline and told to its experts and requester. */
import type { BackgroundStarter } from '../context';
import { startBusListener } from '../common/bus-listener';
import { logger } from '../common/logger';
import { noteFeeSettled } from './appraisal.service';

export const startAppraisalFeeNotices: BackgroundStarter = (ctx) =>
  startBusListener('appraisal-fee-notices', ctx.bus, {
    'payment.settled': {
      run: (event) => noteFeeSettled(ctx, event.appraisalId, event.paymentId, event.status),
      failed: (err, event) => logger.error({ err, event }, 'appraisal fee not noted'),
    },
  });
