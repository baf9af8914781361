/**
 * Notifications as their owner sees them (what the view shows, without the mailer's
 * bookkeeping), cached per process and dropped by the notification store's writes (here and,
 * through the cache relay, in the other processes).
 */
import mongoose from 'mongoose';
import { createRecordCache } from '../common/record-cache';
import type { NotificationDoc } from './notification.model';
import { notificationReads } from './notification.store';
import type { ShownNotification } from './notification.view';

const SHOWN_FIELDS = { userId: 1, type: 1, title: 1, body: 1, link: 1, data: 1, readAt: 1, createdAt: 1 };

const shownNotifications = createRecordCache<ShownNotification>({
  name: 'notifications',
  types: ['notification'],
  max: 50_000,
  ttlMs: 60_000,
});

/** The notifications with these ids, by id: from the cache, the missing ones in one `_id` query. */
export async function cachedNotifications(ids: string[]): Promise<Map<string, ShownNotification>> {
  if (ids.length === 0) return new Map();
  return shownNotifications.getMany(ids, async (missing) => {
    const docs = (await notificationReads
      .find({ _id: mongoose.trusted({ $in: missing }) }, SHOWN_FIELDS)
      .lean()) as NotificationDoc[];
    return new Map(docs.map((d) => [String(d._id), d]));
  });
}
