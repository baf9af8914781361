/**
 * The notification store: the only code that writes notifications, publication notices and
 * the mailer's bookkeeping on them. A notification is created once (its unique dedupeKey); the
 * mailer claims a user's due notifications under the user's mail lock, one mailer at a time.
 */
import mongoose from 'mongoose';
import { LRUCache } from 'lru-cache';
import { isDuplicateKeyError } from '../common/duplicate-key';
import { groupedInsert } from '../common/grouped-insert';
import { createRecordCache } from '../common/record-cache';
import { recordWritten } from '../common/record-changes';
import { holdLocks, type ModelReads } from '../common/store';
import { NotificationModel, type NotificationDoc } from './notification.model';
import { PublicationNoticeModel } from './publication-notice.model';

/** Reads of notifications and publication notices for code outside the store. */
export const notificationReads: ModelReads<typeof NotificationModel> = NotificationModel;

const insertNotification = groupedInsert(() => NotificationModel as unknown as mongoose.Model<unknown>);

/** Stores the notification; null when one with its dedupeKey exists. */
export async function createNotificationDoc(
  fields: Record<string, unknown>,
): Promise<NotificationDoc | null> {
  let doc: NotificationDoc;
  try {
    doc = await insertNotification<NotificationDoc>(fields);
  } catch (err) {
    if (isDuplicateKeyError(err)) return null;
    throw err;
  }
  await recordWritten({ type: 'notification', id: String(doc._id), before: null, after: doc });
  return doc;
}

/**
 * Runs `fn` holding the group's lock, with the group's unread notification (if any): deciding
 * whether to add, update or drop a grouped notification is one step per group at a time.
 */
export function holdNotificationGroup<T>(
  groupKey: string,
  findUnread: () => Promise<NotificationDoc | null>,
  fn: (unread: NotificationDoc | null) => Promise<T>,
): Promise<T> {
  return holdLocks([`notification-group:${groupKey}`], async () => {
    const mark = unreadGroupNotices.mark();
    const unread = await findUnread();
    if (unread && !unread.readAt) {
      unreadGroupNotices.setIfUnchanged(String(unread._id), { groupKey }, mark);
      unreadOfGroup.set(groupKey, String(unread._id));
    }
    return fn(unread);
  });
}

/**
 * Whether this process knows that the group has an unread notification: one the group's lock
 * found unread since when no write of it (read, bumped) has been told here, nor relayed from
 * another process. A caller that leaves an unread notification as it is (a room's away notice
 * while more messages come) needs neither the group's lock nor its reads then.
 */
export function groupHasUnread(groupKey: string): boolean {
  const id = unreadOfGroup.get(groupKey);
  return id !== undefined && unreadGroupNotices.peek(id)?.groupKey === groupKey;
}

/** Unread grouped notifications this process has seen, by id: dropped when they are written. */
const unreadGroupNotices = createRecordCache<{ groupKey: string }>({
  name: 'unread-group-notices',
  types: ['notification'],
  max: 20_000,
  ttlMs: 10 * 60_000,
});
/** Group key → the id of its unread notification, trusted only while that id is still cached. */
const unreadOfGroup = new LRUCache<string, string>({ max: 20_000 });

/** Replaces what a grouped notification says and moves it to the top of its user's list. */
export async function bumpNotification(
  id: string,
  fields: { title: unknown; body: unknown; link?: string; data: Record<string, unknown> },
  at: Date,
): Promise<NotificationDoc | null> {
  await NotificationModel.updateOne({ _id: id }, { $set: { ...fields, bumpedAt: at } });
  const doc = (await NotificationModel.findById(id).lean()) as NotificationDoc | null;
  if (doc) await recordWritten({ type: 'notification', id, after: doc });
  return doc;
}

/** Marks the user's notification read (once); the notification, or null when it is not theirs. */
export async function markNotificationRead(id: string, userId: string): Promise<NotificationDoc | null> {
  const filter = { _id: id, userId };
  const result = await NotificationModel.updateOne(
    { ...filter, readAt: null },
    { $set: { readAt: new Date() } },
  );
  const doc = (await NotificationModel.findOne(filter).lean()) as NotificationDoc | null;
  if (doc && result.modifiedCount > 0) await recordWritten({ type: 'notification', id, after: doc });
  return doc;
}

/** Marks the user's notifications `ids` read (those not read yet); how many were. */
export async function markNotificationsRead(ids: string[], userId: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await NotificationModel.updateMany(
    { _id: mongoose.trusted({ $in: ids }), userId, readAt: null },
    { $set: { readAt: new Date() } },
  );
  for (const id of ids) await recordWritten({ type: 'notification', id });
  return result.modifiedCount;
}

// ── The mailer's bookkeeping (mail state is not shown to readers: no record-change is told). ──

const MAIL_LOCK_MS = 2 * 60_000;

/** Runs `fn` holding the user's mail lock; null when another mailer holds it. */
export function holdUserMail<T>(userId: string, fn: () => Promise<T>): Promise<T | null> {
  return holdLocks([`mail:${userId}`], fn, { timing: { ttlMs: MAIL_LOCK_MS, waitMs: 0 }, busy: 'skip' });
}

/**
 * Claims the user's due notifications for one mail under `claim`; how many it took. With `ids`,
 * only those (found by `_id`: the instant mail of a notification just stored never filters the
 * collection); without, every due one of the user (the digest mailer's run).
 */
export async function claimDueMail(
  userId: string,
  now: Date,
  claim: string,
  ids?: string[],
): Promise<number> {
  const filter = {
    ...(ids ? { _id: mongoose.trusted({ $in: ids }) } : {}),
    userId,
    mailState: 'pending' as const,
    mailDueAt: mongoose.trusted({ $lte: now }),
  };
  const claimed = await NotificationModel.updateMany(filter, {
    $set: { mailState: 'sending', mailClaim: claim, mailClaimedAt: now },
  });
  return claimed.modifiedCount;
}

/** Sets the state of the notifications claimed under `claim` (among `ids` when the claim was by `_id`). */
export async function setClaimedMailState(
  claim: string,
  mailState: 'skipped' | 'pending' | 'sent',
  at?: Date,
  ids?: string[],
): Promise<void> {
  await NotificationModel.updateMany(
    { ...(ids ? { _id: mongoose.trusted({ $in: ids }) } : {}), mailClaim: claim },
    { $set: { mailState, ...(mailState === 'sent' ? { mailedAt: at ?? new Date() } : {}) } },
  );
}

/** Puts back claims of a mailer that stopped before finishing. */
export async function releaseAbandonedMailClaims(before: Date): Promise<void> {
  await NotificationModel.updateMany(
    { mailState: 'sending', mailClaimedAt: mongoose.trusted({ $lt: before }) },
    { $set: { mailState: 'pending' } },
  );
}

/**
 * Records that a published listing's notices were sent, under its key as `_id` (two deliveries at
 * once: the loser finds it made; so does a delivery of a listing noted before notices were keyed
 * so, through the unique key).
 */
export async function recordPublicationNotice(key: string, notified: unknown): Promise<void> {
  await PublicationNoticeModel.collection
    .insertOne({ _id: key, key, notified: Number(notified) || 0, createdAt: new Date() } as never)
    .catch((err) => {
      if (!isDuplicateKeyError(err)) throw err;
    });
}

/** Which of these publications have had their notices sent, read by `_id`. */
export async function publicationsNoticed(keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const found = await PublicationNoticeModel.collection
    .find({ _id: { $in: keys } } as never, { projection: { _id: 1 } })
    .toArray();
  return new Set(found.map((d) => String(d._id)));
}

/** The same, looked for by key: notices recorded under a generated `_id` (before notices were keyed by it). */
export async function publicationsNoticedByKey(keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const found = await PublicationNoticeModel.find({ key: mongoose.trusted({ $in: keys }) })
    .select({ key: 1 })
    .lean();
  return new Set(found.map((d) => d.key));
}

/**
 * Notices recorded since `since` under a generated `_id` are recorded again under their key (the
 * catch-up reads only the last hour's, by `_id`); each old one is deleted first, as the key is
 * unique. Run once, by a migration.
 */
export async function rekeyPublicationNotices(since: Date): Promise<number> {
  const old = await PublicationNoticeModel.find({ createdAt: mongoose.trusted({ $gte: since }) }).lean();
  let rekeyed = 0;
  for (const notice of old) {
    if (notice._id === (notice.key as unknown)) continue;
    await PublicationNoticeModel.collection.deleteOne({ _id: notice._id });
    // Recorded again meanwhile (by a process of either version): it is noted, as wanted.
    await PublicationNoticeModel.collection
      .insertOne({
        _id: notice.key,
        key: notice.key,
        notified: notice.notified,
        createdAt: notice.createdAt,
      } as never)
      .catch((err) => {
        if (!isDuplicateKeyError(err)) throw err;
      });
    rekeyed++;
  }
  return rekeyed;
}
