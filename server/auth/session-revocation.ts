/**
 * Ends the stored sessions of a user (a suspension, a password change or reset): the sessions
 * collection belongs to connect-mongo, which keeps the signed-in user at `session.passport.user`.
 * Rare, so a filter on that field is fine; each deleted session is announced so that caches in
 * every process forget it.
 */
import mongoose from 'mongoose';
import { recordWritten } from '../common/record-changes';

/** Deletes the user's sessions, all of them or all but `except` (the caller's own); the ids ended. */
export async function endSessionsOf(userId: string, opts: { except?: string } = {}): Promise<string[]> {
  const sessions = mongoose.connection.db?.collection<{ _id: string }>('sessions');
  if (!sessions) return [];
  const found = (
    await sessions.find({ 'session.passport.user': userId }, { projection: { _id: 1 } }).toArray()
  ).filter((s) => String(s._id) !== opts.except);
  if (found.length === 0) return [];
  await sessions.deleteMany({ _id: { $in: found.map((s) => s._id) } });
  await Promise.all(found.map((s) => recordWritten({ type: 'session', id: String(s._id) })));
  return found.map((s) => String(s._id));
}
