/**
 * One mailer at a time per user, across processes, so that a user's due notifications leave in
 * one mail rather than split between two mailers. A lock expires by itself after LOCK_MS.
 */
import { tryLock, unlock } from '../common/locks';

const LOCK_MS = 2 * 60_000;

const mailLockKey = (userId: string) => `mail:${userId}`;

/** The lock's token, or null when another mailer holds the user's lock. */
export function lockUserMail(userId: string): Promise<string | null> {
  return tryLock(mailLockKey(userId), LOCK_MS);
}

export function unlockUserMail(userId: string, token: string): Promise<void> {
  return unlock(mailLockKey(userId), token);
}
