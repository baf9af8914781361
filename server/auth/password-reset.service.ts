/**
 * Password reset by an emailed, single-use link that expires.
 *
 * A request makes a token of 32 random bytes (base64url, in the link only) and stores its SHA-256
 * digest as the `_id` of a reset token with the user and an expiry; the link is mailed in the
 * user's language. Whatever the email (unknown, suspended, over its rate limit) the caller gets
 * the same answer after the same lookups; the mail goes out after the answer, so its time tells
 * nothing either.
 *
 * A confirmation finds the token by `_id` (the digest of what the link carries), consumes it
 * under its lock (so of two concurrent confirmations one wins), stores the new password's hash and
 * ends every session of the user. Unknown, expired, used, or older than the user's last password
 * change: 400 naming `token`. Nobody is signed in by a reset.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../config';
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import { recordAudit } from '../audit';
import type { Locale } from '../api-contract/enums';
import { composePasswordResetMail, mailerFor } from '../mail';
import { hashPassword } from './password';
import { createResetToken, resetTokenStore, type PasswordResetTokenDoc } from './password-reset-token.store';
import { endSessionsOf } from './session-revocation';
import { setUserFields, userReads, type UserDoc } from './user.store';
import { findUserByEmail } from './user-by-email';

/** How long a reset link works. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** The stored id of a token: its SHA-256 digest (hex). */
export function resetTokenId(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The link a reset mail carries. */
export function resetLink(publicUrl: string, token: string): string {
  const url = new URL('/reset-password', publicUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

/** Mails on their way (sent after the answer); tests wait for them with `resetMailsSettled`. */
const mailsInFlight = new Set<Promise<void>>();

export async function resetMailsSettled(): Promise<void> {
  while (mailsInFlight.size) await Promise.all([...mailsInFlight]);
}

/**
 * Makes and mails a reset link when `email` is a known, not suspended account and the request
 * is not over its email's rate limit; otherwise does the same reads and writes nothing.
 */
export async function requestPasswordReset(
  config: Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'env'>,
  email: string,
  opts: { limited: boolean },
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const id = resetTokenId(token);
  const user = await findUserByEmail(email);
  if (!user || user.suspendedAt || opts.limited) {
    // The round trip a known account's request makes (an insert there, a read by `_id` here).
    await resetTokenStore.get(id);
    return;
  }
  const createdAt = new Date();
  await createResetToken({
    _id: id,
    userId: String(user._id),
    createdAt,
    expiresAt: new Date(createdAt.getTime() + RESET_TOKEN_TTL_MS),
  });
  mailInBackground(config, user, resetLink(config.publicUrl, token));
}

function mailInBackground(
  config: Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'env'>,
  user: UserDoc,
  link: string,
): void {
  const mailer = mailerFor(config);
  if (mailer.kind === 'log' && config.env === 'production') {
    // A logged link would open the account to whoever reads the logs.
    logger.warn({ userId: String(user._id) }, 'password reset link not sent: no SMTP_URL');
    return;
  }
  const content = composePasswordResetMail(
    { name: user.name, locale: (user.locale ?? 'vi') as Locale },
    link,
    RESET_TOKEN_TTL_MS / 60_000,
  );
  const sending: Promise<void> = mailer
    .send({ to: user.email, ...content })
    .catch((err: unknown) => logger.error({ err, userId: String(user._id) }, 'password reset mail failed'))
    .finally(() => mailsInFlight.delete(sending));
  mailsInFlight.add(sending);
}

function invalidToken(): AppError {
  return AppError.validation(
    [{ field: 'token', message: 'token is expired, already used or unknown', type: 'token.invalid' }],
    'This reset link has expired or was already used; ask for a new one.',
  );
}

/** Whether a stored token may still set the password of `user` at `now`. */
function usable(
  token: PasswordResetTokenDoc | null,
  user: Pick<UserDoc, 'suspendedAt' | 'passwordChangedAt'> | null,
  now: Date,
): boolean {
  if (!token || !user || token.usedAt || user.suspendedAt) return false;
  if (token.expiresAt.getTime() <= now.getTime()) return false;
  // A link asked for before the last password change (or another reset) is void.
  return !user.passwordChangedAt || token.createdAt.getTime() > user.passwordChangedAt.getTime();
}

/** Sets the password from a reset link's token and ends all of the user's sessions; the user's id. */
export async function confirmPasswordReset(
  token: string,
  newPassword: string,
): Promise<{ userId: string; sessionsEnded: string[] }> {
  const id = resetTokenId(token);
  const found = await resetTokenStore.get(id);
  const user = found ? await userReads.findById(found.userId).lean() : null;
  if (!usable(found, user, new Date())) throw invalidToken();
  const userId = String(found!.userId);
  // Hashed before the token is consumed: a slow hash never leaves a used token and no password.
  const passwordHash = await hashPassword(newPassword);
  await resetTokenStore.mutate(
    id,
    (current) => {
      const now = new Date();
      if (!usable(current, user, now)) throw invalidToken();
      return { change: { $set: { usedAt: now } }, result: null };
    },
    { missing: invalidToken },
  );
  await setUserFields(userId, { passwordHash, passwordChangedAt: new Date() });
  const sessionsEnded = await endSessionsOf(userId);
  await recordAudit({
    actorId: userId,
    action: 'user.password_reset',
    targetType: 'user',
    targetId: userId,
    data: { sessionsEnded: sessionsEnded.length },
  });
  return { userId, sessionsEnded };
}
