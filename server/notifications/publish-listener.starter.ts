/**
 * Background worker: notifies people about each listing as it is published (`listing.published`),
 * and every minute catches up on listings published in the last hour that no process has handled
 * (an event is lost when the process stops before handling it).
 */
import mongoose from 'mongoose';
import type { AppContext, BackgroundStarter } from '../context';
import { startBusListener } from '../common/bus-listener';
import { logger } from '../common/logger';
import type { MatchKind } from '../matching';
import { notifyAboutPublishedListing } from './listing-published';
import { publicationNoticeReads, recordPublicationNotice } from './notification.store';
import { listingModel } from '../listings';

const CATCH_UP_EVERY_MS = 60_000;
const CATCH_UP_WINDOW_MS = 60 * 60_000;

type Ctx = Pick<AppContext, 'bus' | 'config' | 'search'>;

/** Notifies about one published listing and records that it was done. */
export async function handleListingPublished(
  ctx: Ctx,
  event: { kind: MatchKind; id: string },
): Promise<void> {
  const { notified } = await notifyAboutPublishedListing(ctx, event);
  await recordPublicationNotice(`${event.kind}:${event.id}`, notified);
}

/** Handles listings published since `now - window` that have no record yet. */
export async function catchUpPublications(ctx: Ctx, now: Date = new Date()): Promise<number> {
  const since = new Date(now.getTime() - CATCH_UP_WINDOW_MS);
  let handled = 0;
  for (const [kind, model] of [
    ['offer', listingModel('offer')],
    ['demand', listingModel('demand')],
  ] as const) {
    const recent = await (model as mongoose.Model<any>)
      .find({ status: 'published', publishedAt: mongoose.trusted({ $gte: since }) })
      .select({ _id: 1 })
      .limit(500)
      .lean();
    const keys = recent.map((d) => `${kind}:${String(d._id)}`);
    if (keys.length === 0) continue;
    const done = await publicationNoticeReads
      .find({ key: mongoose.trusted({ $in: keys }) })
      .select({ key: 1 })
      .lean();
    const doneKeys = new Set(done.map((d) => d.key));
    for (const d of recent) {
      if (doneKeys.has(`${kind}:${String(d._id)}`)) continue;
      await handleListingPublished(ctx, { kind, id: String(d._id) });
      handled++;
    }
  }
  return handled;
}

export const startPublishListener: BackgroundStarter = (ctx) => {
  const listener = startBusListener('publish-listener', ctx.bus, {
    'listing.published': {
      run: (event) => handleListingPublished(ctx, event),
      failed: (err, event) =>
        logger.warn(
          { err, ...event },
          'notifications about a published listing failed; the catch-up retries',
        ),
    },
  });
  const timer = setInterval(() => {
    listener.track(catchUpPublications(ctx), (err) => logger.warn({ err }, 'publication catch-up failed'));
  }, CATCH_UP_EVERY_MS);
  timer.unref();
  return {
    name: listener.name,
    async stop() {
      clearInterval(timer);
      await listener.stop();
    },
  };
};
