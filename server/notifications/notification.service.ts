/**
 * Creating, listing and reading notifications. A new notification is stored once (by its
 * dedupeKey), pushed live to its user (`notification.created`, forwarded by the realtime layer)
 * and owes its user a mail according to their settings: now, at the next daily digest, or never.
 */
import mongoose from 'mongoose';
import type { AppContext } from '../context';
import { AppError } from '../common/errors';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { logger } from '../common/logger';
import type { SessionUser } from '../common/session-user';
import type { Label } from '../contract/taxonomy';
import type { Locale } from '../contract/enums';
import { nextDigestAt } from '../mail/digest-schedule';
import { sendDueMailOf } from '../mail/notification-mailer';
import { NotificationModel, type NotificationDoc } from './notification.model';
import { notificationView, type NotificationView } from './notification.view';
import { userReads } from '../auth/user.store';

export interface NewNotification {
  userId: string;
  type: string;
  title: Label;
  body?: Label;
  link?: string;
  data?: Record<string, unknown>;
  /** Unique: a second notification with the same key is not created. */
  dedupeKey?: string;
}

export const PAGE_SIZE = 20;

/** Stores the notification unless one with its dedupeKey exists; returns null then. */
export async function createNotification(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  input: NewNotification,
  now: Date = new Date(),
): Promise<NotificationView | null> {
  const user = await userReads.findById(input.userId).lean();
  if (!user) return null;
  const emailOn = user.notificationPrefs?.email !== false;
  const daily = user.notificationPrefs?.frequency === 'daily';
  let doc: NotificationDoc;
  try {
    doc = (
      await NotificationModel.create({
        ...input,
        mailState: emailOn ? 'pending' : 'none',
        mailDueAt: emailOn ? (daily ? nextDigestAt(now) : now) : undefined,
      })
    ).toObject() as NotificationDoc;
  } catch (err) {
    if (isDuplicateKeyError(err)) return null;
    throw err;
  }
  const view = notificationView(doc, (user.locale ?? 'vi') as Locale);
  ctx.bus.publish('notification.created', { userId: input.userId, notification: view });
  if (emailOn && !daily) {
    // A failed send stays pending: the digest mailer retries it within a minute.
    await sendDueMailOf(ctx, input.userId, now).catch((err) =>
      logger.warn({ err }, 'instant mail failed; will retry'),
    );
  }
  return view;
}

export async function listNotifications(
  user: SessionUser,
  opts: { unread?: boolean; page: number; limit?: number },
  locale: Locale,
): Promise<{
  notifications: NotificationView[];
  unread: number;
  total: number;
  page: number;
  limit: number;
}> {
  const limit = opts.limit ?? PAGE_SIZE;
  const mine = { userId: user.id };
  const filter = opts.unread ? { ...mine, readAt: null } : mine;
  const [docs, total, unread] = await Promise.all([
    NotificationModel.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip((opts.page - 1) * limit)
      .limit(limit)
      .lean(),
    NotificationModel.countDocuments(filter),
    NotificationModel.countDocuments({ ...mine, readAt: null }),
  ]);
  return {
    notifications: docs.map((d) => notificationView(d as NotificationDoc, locale)),
    unread,
    total,
    page: opts.page,
    limit,
  };
}

export async function markRead(user: SessionUser, id: string, locale: Locale): Promise<NotificationView> {
  const filter = { _id: id, userId: user.id };
  await NotificationModel.updateOne({ ...filter, readAt: null }, { $set: { readAt: new Date() } });
  const doc = await NotificationModel.findOne(filter).lean();
  if (!doc) throw AppError.notFound('Notification');
  return notificationView(doc as NotificationDoc, locale);
}

export async function markAllRead(user: SessionUser): Promise<{ updated: number }> {
  const result = await NotificationModel.updateMany(
    { userId: user.id, readAt: null },
    { $set: { readAt: new Date() } },
  );
  return { updated: result.modifiedCount };
}

export async function unreadCount(userId: string): Promise<number> {
  return NotificationModel.countDocuments({ userId: new mongoose.Types.ObjectId(userId), readAt: null });
}
