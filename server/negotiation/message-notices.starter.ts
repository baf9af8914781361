/** Background worker: turns messages sent while people are away from the room into notifications. */
import type { BackgroundStarter } from '../context';
import { startBusListener } from '../common/bus-listener';
import { logger } from '../common/logger';
import { notifyMessageWhileAway } from './message-notices';

export const startMessageNotices: BackgroundStarter = (ctx) =>
  startBusListener('message-notices', ctx.bus, {
    'deal.message': {
      run: (e) => notifyMessageWhileAway(ctx, e),
      failed: (err, e) =>
        logger.error({ err, event: { dealId: e.dealId, seq: e.seq } }, 'message not notified'),
    },
  });
