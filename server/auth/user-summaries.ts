/**
 * What other components most often need of a user by id (whose organisation they act for, their
 * language and mail settings): cached per process, replaced by the user store's writes here and
 * dropped by other processes' writes through the cache relay. For reads that tell people things
 * (notices, member lists), never for a write's decision.
 */
import mongoose from 'mongoose';
import { createRecordCache } from '../common/record-cache';
import type { Locale } from '../api-contract/enums';
import type { UserDoc } from './user.model';
import { userReads } from './user.store';

export interface UserSummary {
  id: string;
  organizationId?: string;
  membershipStatus: 'active' | 'pending' | 'none';
  /** Milliseconds: members are listed oldest first. */
  createdAt: number;
  locale: Locale;
  /** Mail of notifications: off, at once, or in a daily digest. */
  mail: 'off' | 'instant' | 'daily';
  /** Where and to whom a notification's mail goes. */
  email: string;
  name: string;
}

export function userSummary(user: UserDoc): UserSummary {
  const prefs = user.notificationPrefs;
  return {
    id: String(user._id),
    organizationId: user.organizationId ? String(user.organizationId) : undefined,
    membershipStatus: (user.membershipStatus ?? 'none') as UserSummary['membershipStatus'],
    createdAt: user.createdAt ? new Date(user.createdAt as Date).getTime() : 0,
    locale: (user.locale ?? 'vi') as Locale,
    mail: prefs?.email === false ? 'off' : prefs?.frequency === 'daily' ? 'daily' : 'instant',
    email: String(user.email ?? ''),
    name: String(user.name ?? ''),
  };
}

const summaries = createRecordCache<UserSummary>({
  name: 'user-summaries',
  types: ['user'],
  max: 50_000,
  ttlMs: 300_000,
  fromRecord: (after) => userSummary(after as unknown as UserDoc),
});

/** One user's summary, or null for an unknown id. */
export function cachedUserSummary(userId: string): Promise<UserSummary | null> {
  if (!mongoose.isValidObjectId(userId)) return Promise.resolve(null);
  return summaries.get(userId, async (id) => {
    const user = await userReads.findById(id).lean<UserDoc>();
    return user ? userSummary(user) : null;
  });
}

/** Several users' summaries by id, the missing ones read in one `_id` query. */
export function cachedUserSummaries(userIds: string[]): Promise<Map<string, UserSummary>> {
  const ids = [...new Set(userIds)].filter((id) => mongoose.isValidObjectId(id));
  if (ids.length === 0) return Promise.resolve(new Map());
  return summaries.getMany(ids, async (missing) => {
    const users = await userReads.find({ _id: mongoose.trusted({ $in: missing }) }).lean<UserDoc[]>();
    return new Map(users.map((u) => [String(u._id), userSummary(u)]));
  });
}
