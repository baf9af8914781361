/**
 * Sends the mail that notifications owe their users: each notification with `mailState: pending`
 * whose `mailDueAt` has come. Everything due for one user goes out in one mail, so a daily
 * digest batches the day's notifications and an instant notification is its own mail.
 *
 * Exactly once across processes: a mailer takes the user's mail lock (notification.store.ts), claims the
 * user's due notifications with one updateMany (pending → sending, with its own claim token; each document changes atomically, so
 * no two mailers claim the same one), mails what it claimed, then marks it sent. A failed send
 * puts the claim back to pending for the next run; a claim abandoned by a crashed process is
 * released after CLAIM_TIMEOUT_MS (such a mail may then go out twice, never zero times).
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { Config } from '../config';
import { logger } from '../common/logger';
import {
  claimDueMail,
  holdUserMail,
  notificationReads,
  releaseAbandonedMailClaims,
  setClaimedMailState,
} from '../notifications/notification.store';
import type { Locale } from '../api-contract/enums';
import { composeNotificationMail } from './mail-content';
import { mailerFor } from './mailer';
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
  const due = await notificationReads
    .find({
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
  return (
    (await holdUserMail(userId, () => claimAndSend(ctx, userId, now))) ?? {
      mails: 0,
      notifications: 0,
      failed: 0,
    }
  );
}

async function claimAndSend(ctx: { config: Config }, userId: string, now: Date): Promise<MailRunResult> {
  const claim = randomUUID();
  if ((await claimDueMail(userId, now, claim)) === 0) return { mails: 0, notifications: 0, failed: 0 };
  const [user, items] = await Promise.all([
    userReads.findById(userId).lean(),
    notificationReads.find({ mailClaim: claim }).sort({ createdAt: 1 }).lean(),
  ]);
  if (!user || user.notificationPrefs?.email === false) {
    await setClaimedMailState(claim, 'skipped');
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
    await setClaimedMailState(claim, 'pending');
    return { mails: 0, notifications: 0, failed: 1 };
  }
  await setClaimedMailState(claim, 'sent', new Date());
  return { mails: 1, notifications: items.length, failed: 0 };
}

async function releaseAbandonedClaims(now: Date): Promise<void> {
  const before = new Date(now.getTime() - CLAIM_TIMEOUT_MS);
  await releaseAbandonedMailClaims(before);
}
