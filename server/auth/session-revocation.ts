/**
 * Ends every stored session of a user (a suspension): the sessions collection belongs to
 * connect-mongo, which keeps the signed-in user at `session.passport.user`. Rare, so a filter
 * on that field is fine; each deleted session is announced so that caches in every process
 * forget it.
 */
import mongoose from 'mongoose';
import { recordWritten } from '../common/record-changes';

export async function endSessionsOf(userId: string): Promise<number> {
  const sessions = mongoose.connection.db?.collection<{ _id: string }>('sessions');
  if (!sessions) return 0;
  const found = await sessions
    .find({ 'session.passport.user': userId }, { projection: { _id: 1 } })
    .toArray();
  if (found.length === 0) return 0;
  await sessions.deleteMany({ _id: { $in: found.map((s) => s._id) } });
  await Promise.all(found.map((s) => recordWritten({ type: 'session', id: String(s._id) })));
  return found.length;
}
