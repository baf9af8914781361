/** Background worker: turns messages sent while people are away from the room into notifications. */
import type { BackgroundStarter } from '../context';
import { logger } from '../common/logger';
import { notifyMessageWhileAway } from './message-notices';

export const startMessageNotices: BackgroundStarter = (ctx) => {
  const inFlight = new Set<Promise<unknown>>();
  const unsubscribe = ctx.bus.subscribe('deal.message', (e) => {
    const tracked = notifyMessageWhileAway(ctx, e).catch((err) =>
      logger.error({ err, event: { dealId: e.dealId, seq: e.seq } }, 'message not notified'),
    );
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  });
  return {
    name: 'message-notices',
    async stop() {
      unsubscribe();
      await Promise.all(inFlight);
    },
  };
};
