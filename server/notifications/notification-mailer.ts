/**
 * Sends the mail that notifications owe their users: each notification with `mailState: pending`
 * whose `mailDueAt` has come. Everything due for one user goes out in one mail, so a daily
 * digest batches the day's notifications and an instant notification is its own mail.
 *
 * Exactly once across processes: a mailer takes the user's mail lock (notification.store.ts), claims the
 * user's due notifications with one updateMany (pending → sending, with its own claim token;
 * each document changes atomically, so no two mailers claim the same one), mails what it claimed, then marks it sent. A failed send
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
} from './notification.store';
import type { Locale } from '../api-contract/enums';
import { composeNotificationMail, mailerFor } from '../mail';
import { userReads } from '../auth';

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
  // One read of what is due, then each user's claim by `_id`: not one filtered pass per user.
  const dueOf = new Map<string, string[]>();
  for (const n of due) {
    const userId = String(n.userId);
    dueOf
      .set(userId, dueOf.get(userId) ?? [])
      .get(userId)!
      .push(String(n._id));
  }
  const total: MailRunResult = { mails: 0, notifications: 0, failed: 0 };
  for (const [userId, ids] of [...dueOf].slice(0, USERS_PER_RUN)) {
    const r = await sendDueMailOf(ctx, userId, now, ids);
    total.mails += r.mails;
    total.notifications += r.notifications;
    total.failed += r.failed;
  }
  return total;
}

/**
 * Sends one user's due mail, if any (nothing when another mailer is at this user right now); with
 * `ids`, only those notifications (a notification's instant mail: read by `_id`; whatever else
 * is due goes with the digest mailer's next run).
 */
export async function sendDueMailOf(
  ctx: { config: Config },
  userId: string,
  now: Date = new Date(),
  ids?: string[],
): Promise<MailRunResult> {
  return (
    (await holdUserMail(userId, () => claimAndSend(ctx, userId, now, ids))) ?? {
      mails: 0,
      notifications: 0,
      failed: 0,
    }
  );
}

async function claimAndSend(
  ctx: { config: Config },
  userId: string,
  now: Date,
  ids?: string[],
): Promise<MailRunResult> {
  const claim = randomUUID();
  if ((await claimDueMail(userId, now, claim, ids)) === 0) return { mails: 0, notifications: 0, failed: 0 };
  const [user, claimed] = await Promise.all([
    userReads.findById(userId).lean(),
    notificationReads
      .find({ ...(ids ? { _id: mongoose.trusted({ $in: ids }) } : {}), mailClaim: claim })
      .lean(),
  ]);
  const recipient = user && {
    email: user.email,
    name: user.name,
    locale: (user.locale ?? 'vi') as Locale,
    mailOn: user.notificationPrefs?.email !== false,
  };
  return mailClaimed(ctx, userId, recipient, claimed, claim, ids);
}

export interface MailRecipient {
  email: string;
  name: string;
  locale: Locale;
  mailOn: boolean;
}

export interface MailedNotification {
  _id: unknown;
  title: { vi: string; en: string };
  body?: { vi: string; en: string } | null;
  link?: string | null;
  createdAt: Date | string;
}

/**
 * Mails what `claim` holds (the notifications in `items`) in one mail to the user, then marks
 * them sent; a failed send puts them back to pending for the digest mailer's next run.
 */
async function mailClaimed(
  ctx: { config: Config },
  userId: string,
  user: MailRecipient | null,
  claimed: readonly MailedNotification[],
  claim: string,
  ids?: string[],
): Promise<MailRunResult> {
  const setClaimed = (state: 'skipped' | 'pending' | 'sent', at?: Date) =>
    setClaimedMailState(claim, state, at, ids);
  const items = [...claimed].sort(
    (a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime(),
  );
  if (!user || !user.mailOn) {
    await setClaimed('skipped');
    return { mails: 0, notifications: 0, failed: 0 };
  }
  const content = composeNotificationMail(
    { name: user.name, locale: user.locale },
    items.map((n) => ({ title: n.title, body: n.body ?? undefined, link: n.link ?? undefined })),
    ctx.config.publicUrl,
  );
  try {
    await mailerFor(ctx.config).send({ to: user.email, ...content });
  } catch (err) {
    logger.warn({ err, userId }, 'notification mail not sent; will retry');
    await setClaimed('pending');
    return { mails: 0, notifications: 0, failed: 1 };
  }
  await setClaimed('sent', new Date());
  return { mails: 1, notifications: items.length, failed: 0 };
}

/**
 * The instant mail of a notification created already claimed for it (`mailState: sending` under
 * `claim`): nobody else can claim it, so it needs neither the user's mail lock nor a claim or a
 * read — one write when it has gone. A process that stops before that leaves a claim the digest
 * mailer releases after CLAIM_TIMEOUT_MS.
 */
export function sendPreclaimedMail(
  ctx: { config: Config },
  userId: string,
  user: MailRecipient,
  notification: MailedNotification,
  claim: string,
): Promise<MailRunResult> {
  return mailClaimed(ctx, userId, user, [notification], claim, [String(notification._id)]);
}

async function releaseAbandonedClaims(now: Date): Promise<void> {
  const before = new Date(now.getTime() - CLAIM_TIMEOUT_MS);
  await releaseAbandonedMailClaims(before);
}
