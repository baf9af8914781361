/**
 * Background worker: notifies people about each listing as it is published (`listing.published`),
 * and every minute catches up on listings published in the last hour that no process has handled
 * (an event is lost when the process stops before handling it).
 */
import type { AppContext, BackgroundStarter } from '../context';
import { startBusListener } from '../common/bus-listener';
import { logger } from '../common/logger';
import type { MatchKind } from '../matching';
import { notifyAboutPublishedListing } from './listing-published';
import { publicationsNoticed, publicationsNoticedByKey, recordPublicationNotice } from './notification.store';
import { PUBLISHED_LISTINGS, readOwnerList } from '../read-models';

const CATCH_UP_EVERY_MS = 60_000;
const CATCH_UP_WINDOW_MS = 60 * 60_000;
const SETTLED_MS = 2 * 60_000;

type Ctx = Pick<AppContext, 'bus' | 'config' | 'search'>;

/** Notifies about one published listing and records that it was done. */
export async function handleListingPublished(
  ctx: Ctx,
  event: { kind: MatchKind; id: string },
): Promise<void> {
  const { notified } = await notifyAboutPublishedListing(ctx, event);
  await recordPublicationNotice(`${event.kind}:${event.id}`, notified);
}

/**
 * Handles listings published since `now - window` that have no record yet: the last hour's
 * publications come from the list of published listings (newest first), not from the database
 * filtering every listing each minute.
 */
export async function catchUpPublications(ctx: Ctx, now: Date = new Date()): Promise<number> {
  const since = now.getTime() - CATCH_UP_WINDOW_MS;
  const published = await readOwnerList(PUBLISHED_LISTINGS);
  const recent = published.filter((e) => e.at >= since).slice(0, 1_000);
  const keyOf = (e: { id: string; s: string }) => `${e.s}:${e.id}`;
  const noticed = await publicationsNoticed(recent.map(keyOf));
  // A notice not found by `_id` may have been recorded by the version before (a process still
  // serving during an upgrade): looked for by its key, which filters the notices, only for
  // listings published minutes ago (a lost event; newer ones may still be under way).
  const unnoticed = recent.filter((e) => !noticed.has(keyOf(e)) && e.at <= now.getTime() - SETTLED_MS);
  for (const key of await publicationsNoticedByKey(unnoticed.map(keyOf))) noticed.add(key);
  let handled = 0;
  for (const e of recent) {
    if (noticed.has(keyOf(e)) || (e.s !== 'offer' && e.s !== 'demand')) continue;
    await handleListingPublished(ctx, { kind: e.s, id: e.id });
    handled++;
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
