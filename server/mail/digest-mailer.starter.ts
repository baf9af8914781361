/** Background worker: every minute, sends the notification mail that is due (daily digests, retries). */
import type { BackgroundStarter } from '../context';
import { logger } from '../common/logger';
import { sendDueDigests } from './notification-mailer';

const RUN_EVERY_MS = 60_000;

export const startDigestMailer: BackgroundStarter = (ctx) => {
  let running: Promise<unknown> | null = null;
  const run = () => {
    if (running) return;
    running = sendDueDigests(ctx)
      .catch((err) => logger.warn({ err }, 'digest mail run failed'))
      .finally(() => (running = null));
  };
  const timer = setInterval(run, RUN_EVERY_MS);
  timer.unref();
  return {
    name: 'digest-mailer',
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
};
