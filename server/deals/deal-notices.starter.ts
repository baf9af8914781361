/** Background worker: turns deal events and placed bids into notifications. */
import type { BackgroundStarter } from '../context';
import { startBusListener } from '../common/bus-listener';
import { logger } from '../common/logger';
import { notifyBidPlaced, notifyDealEvent } from './deal-notices';

const notNotified = (what: string) => (err: unknown, event: unknown) =>
  logger.error({ err, event }, `${what} not notified`);

export const startDealNotices: BackgroundStarter = (ctx) =>
  startBusListener('deal-notices', ctx.bus, {
    'deal.event': { run: (e) => notifyDealEvent(ctx, e), failed: notNotified('deal event') },
    'bid.changed': { run: (e) => notifyBidPlaced(ctx, e), failed: notNotified('bid') },
  });
