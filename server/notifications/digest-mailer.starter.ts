/**
 * Background worker: sends the notification mail that is due (daily digests, failed instant mail
 * retried, claims of a stopped mailer released). Finding what is due filters the notifications
 * (on FerretDB a pass over all of them), so it runs when something can be due rather than every
 * minute: at each digest time, and every RETRY_EVERY_MS in between for retries and stale claims.
 */
import type { BackgroundStarter } from '../context';
import { logger } from '../common/logger';
import { sendDueDigests } from './notification-mailer';
import { nextMailerRunIn } from '../mail';

export const startDigestMailer: BackgroundStarter = (ctx) => {
  let running: Promise<unknown> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(run, nextMailerRunIn(new Date()));
    timer.unref();
  };
  const run = () => {
    running = sendDueDigests(ctx)
      .catch((err) => logger.warn({ err }, 'digest mail run failed'))
      .finally(() => {
        running = null;
        schedule();
      });
  };
  schedule();
  return {
    name: 'digest-mailer',
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
};
