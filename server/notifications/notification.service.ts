/**
 * Creating, listing and reading notifications. A new notification is stored once (by its
 * dedupeKey), pushed live to its user (`notification.created`, forwarded by the realtime layer)
 * and owes its user a mail according to their settings: now, at the next daily digest, or never.
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { AppContext } from '../context';
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import type { SessionUser } from '../common/session-user';
import type { Label } from '../api-contract/taxonomy';
import type { Locale } from '../api-contract/enums';
import { cachedUserSummary } from '../auth';
import { nextDigestAt } from '../mail';
import { sendPreclaimedMail } from './notification-mailer';
import {
  bumpNotification,
  createNotificationDoc,
  notificationReads,
  groupHasUnread,
  holdNotificationGroup,
  markNotificationRead,
  markNotificationsRead,
} from './notification.store';
import type { NotificationDoc } from './notification.model';
import { cachedNotifications } from './notification-cache';
import {
  notificationGroupKey,
  notificationListKey,
  ownerListPage,
  putOwnerListEntries,
  readOwnerList,
} from '../read-models';
import { notificationView, type NotificationView, type ShownNotification } from './notification.view';

export interface NewNotification {
  userId: string;
  type: string;
  title: Label;
  body?: Label;
  link?: string;
  data?: Record<string, unknown>;
  /** Unique: a second notification with the same key is not created. */
  dedupeKey?: string;
  /** Set by createGroupedNotification: the group this notification belongs to. */
  groupKey?: string;
}

/** What a grouped notification says after another event of its group. */
export interface NotificationBump {
  title: Label;
  body: Label;
  link?: string;
  data: Record<string, unknown>;
}

export const PAGE_SIZE = 20;

/** Stores the notification unless one with its dedupeKey exists; returns null then. */
export async function createNotification(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  input: NewNotification,
  now: Date = new Date(),
): Promise<NotificationView | null> {
  const user = await cachedUserSummary(input.userId);
  if (!user) return null;
  const emailOn = user.mail !== 'off';
  const instant = user.mail === 'instant';
  // An instant mail's notification is created claimed by this process for it: no other mailer can take it.
  const claim = instant ? randomUUID() : undefined;
  const doc = await createNotificationDoc({
    ...input,
    mailState: !emailOn ? 'none' : instant ? 'sending' : 'pending',
    mailDueAt: emailOn ? (instant ? now : nextDigestAt(now)) : undefined,
    ...(claim ? { mailClaim: claim, mailClaimedAt: now } : {}),
  });
  if (!doc) return null;
  const view = notificationView(doc, user.locale);
  ctx.bus.publish('notification.created', { userId: input.userId, notification: view });
  if (claim) {
    // A failed send goes back to pending: the digest mailer retries it within RETRY_EVERY_MS.
    const recipient = { email: user.email, name: user.name, locale: user.locale, mailOn: true };
    await sendPreclaimedMail(ctx, input.userId, recipient, doc, claim).catch((err) =>
      logger.warn({ err }, 'instant mail failed; will retry'),
    );
  }
  return view;
}

/**
 * A notification of a group (a listing's matches, a room's messages) of which its user has at
 * most one unread: created when none is unread; otherwise `merge` says how the unread one changes
 * (it moves to the top and is pushed live again, but owes no second mail), or null to leave it.
 * `merge: 'keep'` always leaves an unread one as it is: then a group this process knows to have
 * one unread costs nothing (no lock, no read).
 */
export async function createGroupedNotification(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  input: NewNotification & { groupKey: string },
  merge: ((unread: NotificationDoc) => NotificationBump | null) | 'keep',
  now: Date = new Date(),
): Promise<NotificationView | null> {
  if (merge === 'keep' && groupHasUnread(input.groupKey)) return null;
  return holdNotificationGroup(
    input.groupKey,
    () => unreadOfGroup(input.groupKey),
    async (unread) => {
      if (!unread) return createNotification(ctx, input, now);
      const bump = merge === 'keep' ? null : merge(unread);
      if (!bump) return null;
      const doc = await bumpNotification(String(unread._id), bump, now);
      const user = doc && (await cachedUserSummary(input.userId));
      if (!doc || !user) return null;
      const view = notificationView(doc, user.locale);
      ctx.bus.publish('notification.created', { userId: input.userId, notification: view });
      return view;
    },
  );
}

/** The group's unread notification, found through the group's list (read by `_id`). */
async function unreadOfGroup(groupKey: string): Promise<NotificationDoc | null> {
  const entries = await readOwnerList(notificationGroupKey(groupKey));
  const ids = entries.filter((e) => e.s === 'unread').map((e) => e.id);
  if (ids.length === 0) return null;
  const docs = (await notificationReads
    .find({ _id: mongoose.trusted({ $in: ids }) })
    .lean()) as NotificationDoc[];
  return docs.find((d) => d.groupKey === groupKey && !d.readAt) ?? null;
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
  const entries = await readOwnerList(notificationListKey(user.id));
  const page = ownerListPage([entries], {
    status: opts.unread ? 'unread' : undefined,
    page: opts.page,
    limit,
  });
  const docs = await cachedNotifications(page.ids);
  return {
    notifications: page.ids
      .map((id) => docs.get(id))
      .filter((d): d is ShownNotification => !!d && String(d.userId) === user.id)
      .map((d) => notificationView(d, locale)),
    unread: entries.filter((e) => e.s === 'unread').length,
    total: page.total,
    page: opts.page,
    limit,
  };
}

export async function markRead(user: SessionUser, id: string, locale: Locale): Promise<NotificationView> {
  const doc = await markNotificationRead(id, user.id);
  if (!doc) throw AppError.notFound('Notification');
  return notificationView(doc, locale);
}

/** Marks every unread notification of the user read: those its owner list knows, by `_id`. */
export async function markAllRead(user: SessionUser): Promise<{ updated: number }> {
  const key = notificationListKey(user.id);
  const unread = (await readOwnerList(key)).filter((e) => e.s === 'unread');
  if (unread.length === 0) return { updated: 0 };
  const updated = await markNotificationsRead(
    unread.map((e) => e.id),
    user.id,
  );
  await putOwnerListEntries(
    key,
    unread.map((e) => ({ ...e, s: 'read' })),
  );
  return { updated };
}

export async function unreadCount(userId: string): Promise<number> {
  return (await readOwnerList(notificationListKey(userId))).filter((e) => e.s === 'unread').length;
}
