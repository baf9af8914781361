/** Background worker: turns deal events and placed bids into notifications. */
import type { BackgroundStarter } from '../context';
import { logger } from '../common/logger';
import { notifyBidPlaced, notifyDealEvent } from './deal-notices';

export const startDealNotices: BackgroundStarter = (ctx) => {
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>, what: string, event: unknown) => {
    const tracked = work.catch((err) => logger.error({ err, event }, `${what} not notified`));
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  };
  const unsubscribe = [
    ctx.bus.subscribe('deal.event', (e) => track(notifyDealEvent(ctx, e), 'deal event', e)),
    ctx.bus.subscribe('bid.changed', (e) => track(notifyBidPlaced(ctx, e), 'bid', e)),
  ];
  return {
    name: 'deal-notices',
    async stop() {
      for (const off of unsubscribe) off();
      await Promise.all(inFlight);
    },
  };
};
