/**
 * Sends the mail that notifications owe their users: each notification with `mailState: pending`
 * whose `mailDueAt` has come. Everything due for one user goes out in one mail, so a daily
 * digest batches the day's notifications and an instant notification is its own mail.
 *
 * Exactly once across processes: a mailer takes the user's mail lock (mail-lock.ts), claims the
 * user's due notifications with one updateMany (pending → sending, with its own claim token; each document changes atomically, so
 * no two mailers claim the same one), mails what it claimed, then marks it sent. A failed send
 * puts the claim back to pending for the next run; a claim abandoned by a crashed process is
 * released after CLAIM_TIMEOUT_MS (such a mail may then go out twice, never zero times).
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { Config } from '../config';
import { logger } from '../common/logger';
import { NotificationModel } from '../notifications/notification.model';
import type { Locale } from '../contract/enums';
import { composeNotificationMail } from './mail-content';
import { mailerFor } from './mailer';
import { lockUserMail, unlockUserMail } from './mail-lock';
import { userReads } from '../auth/user.store';

export const CLAIM_TIMEOUT_MS = 10 * 60_000;
/** Users served per run: the worker runs every minute and picks up the rest next time. */
const USERS_PER_RUN = 500;

export interface MailRunResult {
  mails: number;
  notifications: number;
  failed: number;
}

/** Sends every mail due at `now` (daily digests whose time has come, instant mail not yet sent). */
export async function sendDueDigests(
  ctx: { config: Config },
  now: Date = new Date(),
): Promise<MailRunResult> {
  await releaseAbandonedClaims(now);
  const due = await NotificationModel.find({
    mailState: 'pending',
    mailDueAt: mongoose.trusted({ $lte: now }),
  })
    .select({ userId: 1 })
    .limit(USERS_PER_RUN * 20)
    .lean();
  const userIds = [...new Set(due.map((n) => String(n.userId)))].slice(0, USERS_PER_RUN);
  const total: MailRunResult = { mails: 0, notifications: 0, failed: 0 };
  for (const userId of userIds) {
    const r = await sendDueMailOf(ctx, userId, now);
    total.mails += r.mails;
    total.notifications += r.notifications;
    total.failed += r.failed;
  }
  return total;
}

/** Sends one user's due mail, if any (nothing when another mailer is at this user right now). */
export async function sendDueMailOf(
  ctx: { config: Config },
  userId: string,
  now: Date = new Date(),
): Promise<MailRunResult> {
  const lock = await lockUserMail(userId);
  if (!lock) return { mails: 0, notifications: 0, failed: 0 };
  try {
    return await claimAndSend(ctx, userId, now);
  } finally {
    await unlockUserMail(userId, lock);
  }
}

async function claimAndSend(ctx: { config: Config }, userId: string, now: Date): Promise<MailRunResult> {
  const claim = randomUUID();
  const filter = { userId, mailState: 'pending' as const, mailDueAt: mongoose.trusted({ $lte: now }) };
  const claimed = await NotificationModel.updateMany(filter, {
    $set: { mailState: 'sending', mailClaim: claim, mailClaimedAt: now },
  });
  if (claimed.modifiedCount === 0) return { mails: 0, notifications: 0, failed: 0 };
  const [user, items] = await Promise.all([
    userReads.findById(userId).lean(),
    NotificationModel.find({ mailClaim: claim }).sort({ createdAt: 1 }).lean(),
  ]);
  if (!user || user.notificationPrefs?.email === false) {
    await NotificationModel.updateMany({ mailClaim: claim }, { $set: { mailState: 'skipped' } });
    return { mails: 0, notifications: 0, failed: 0 };
  }
  const content = composeNotificationMail(
    { name: user.name, locale: (user.locale ?? 'vi') as Locale },
    items.map((n) => ({ title: n.title, body: n.body, link: n.link })),
    ctx.config.publicUrl,
  );
  try {
    await mailerFor(ctx.config).send({ to: user.email, ...content });
  } catch (err) {
    logger.warn({ err, userId }, 'notification mail not sent; will retry');
    await NotificationModel.updateMany({ mailClaim: claim }, { $set: { mailState: 'pending' } });
    return { mails: 0, notifications: 0, failed: 1 };
  }
  await NotificationModel.updateMany(
    { mailClaim: claim },
    { $set: { mailState: 'sent', mailedAt: new Date() } },
  );
  return { mails: 1, notifications: items.length, failed: 0 };
}

async function releaseAbandonedClaims(now: Date): Promise<void> {
  const before = new Date(now.getTime() - CLAIM_TIMEOUT_MS);
  await NotificationModel.updateMany(
    { mailState: 'sending', mailClaimedAt: mongoose.trusted({ $lt: before }) },
    { $set: { mailState: 'pending' } },
  );
}
