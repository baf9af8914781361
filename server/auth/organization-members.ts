/**
 * The users of organisations, found through each organisation's member list (`user:org:<id>`,
 * kept by the user store's writes) and read by `_id`: the users collection is never filtered by
 * organisation. Each user read is checked against the list, so a list entry left behind by a
 * stop never counts someone who left or was removed.
 */
import mongoose from 'mongoose';
import { organizationMembersKey, readOwnerList } from '../read-models';
import type { UserDoc } from './user.model';
import { userReads } from './user.store';
import { cachedUserSummaries } from './user-summaries';

type MembershipStatus = 'active' | 'pending';

/** The organisations' valid ids, and the user ids their member lists hold in `status` (any when unset). */
async function listedMembers(
  orgIds: unknown[],
  status: MembershipStatus | undefined,
): Promise<{ orgs: string[]; ids: string[] }> {
  const orgs = [...new Set(orgIds.map(String))].filter((id) => mongoose.isValidObjectId(id));
  const lists = await Promise.all(orgs.map((id) => readOwnerList(organizationMembersKey(id))));
  const ids = lists.flatMap((entries) =>
    entries.filter((e) => (status ? e.s === status : e.s !== 'none')).map((e) => e.id),
  );
  return { orgs, ids };
}

/** The members of the organisations in `status` (all of them when unset), oldest first. */
export async function membersOf(
  orgIds: unknown[],
  opts: { status?: MembershipStatus; fields?: Record<string, 1> } = {},
): Promise<UserDoc[]> {
  const { orgs, ids } = await listedMembers(orgIds, opts.status);
  if (ids.length === 0) return [];
  const projection = opts.fields
    ? { ...opts.fields, organizationId: 1, membershipStatus: 1, createdAt: 1 }
    : undefined;
  const users = (await userReads
    .find({ _id: mongoose.trusted({ $in: ids }) }, projection)
    .lean()) as UserDoc[];
  const wanted = new Set(orgs);
  return users
    .filter(
      (u) =>
        wanted.has(String(u.organizationId ?? '')) &&
        (opts.status ? u.membershipStatus === opts.status : u.membershipStatus !== 'none'),
    )
    .sort(
      (a, b) =>
        new Date(a.createdAt as Date).getTime() - new Date(b.createdAt as Date).getTime() ||
        (String(a._id) < String(b._id) ? -1 : 1),
    );
}

/**
 * The ids of the active members of the organisations, oldest first: from the users' cached
 * summaries (who is told of a deal's step is read on every write of a busy deal).
 */
export async function activeMemberIds(orgIds: unknown[]): Promise<string[]> {
  const { orgs, ids } = await listedMembers(orgIds, 'active');
  if (ids.length === 0) return [];
  const wanted = new Set(orgs);
  return [...(await cachedUserSummaries(ids)).values()]
    .filter((u) => wanted.has(u.organizationId ?? '') && u.membershipStatus === 'active')
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map((u) => u.id);
}
