/**
 * One mailer at a time per user, across processes, so that a user's due notifications leave in
 * one mail rather than split between two mailers. A lock expires by itself after LOCK_MS.
 */
import { randomUUID } from 'node:crypto';
import { isDuplicateKeyError } from '../common/duplicate-key';
import mongoose, { Schema } from 'mongoose';

const LOCK_MS = 2 * 60_000;

const mailLockSchema = new Schema({
  userId: { type: Schema.Types.ObjectId, required: true },
  token: { type: String, required: true },
  lockedUntil: { type: Date, required: true },
});
mailLockSchema.index({ userId: 1 }, { unique: true });

export const MailLockModel = mongoose.model('MailLock', mailLockSchema);

/** The lock's token, or null when another mailer holds the user's lock. */
export async function lockUserMail(userId: string): Promise<string | null> {
  const token = randomUUID();
  const now = new Date();
  try {
    const lock = await MailLockModel.findOneAndUpdate(
      { userId, lockedUntil: mongoose.trusted({ $lt: now }) },
      { $set: { token, lockedUntil: new Date(now.getTime() + LOCK_MS) } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    return lock?.token === token ? token : null;
  } catch (err) {
    // The upsert met the unique index: the user's lock exists and is held.
    if (isDuplicateKeyError(err)) return null;
    throw err;
  }
}

export async function unlockUserMail(userId: string, token: string): Promise<void> {
  await MailLockModel.updateOne({ userId, token }, { $set: { lockedUntil: new Date(0) } });
}
