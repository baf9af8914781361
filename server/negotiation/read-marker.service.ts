/**
 * Read receipts: the last seq each participant has read in a deal's room, and from it the
 * number of unread messages per deal for "my deals".
 */
import mongoose from 'mongoose';
import type { SessionUser } from '../common/session-user';
import { actingOrganizationId } from '../common/session-user';
import { isObjectId } from '../common/ids';
import { loadSessionUser } from '../auth/auth.service';
import type { ReadMarker } from '../api-contract/socket-events';
import { lastSeqOf, messageReads, moveReadMarker, readMarkerReads } from './message.store';
import { currentRoomRole, visibleAudiences } from './room-access';
import { dealReads } from '../deals/deal.store';

const oid = (id: string) => new mongoose.Types.ObjectId(id);

/** Moves the user's marker forward to `seq` (never back, never past the last message); returns it. */
export async function markRead(dealId: string, userId: string, seq: number): Promise<number> {
  return moveReadMarker(dealId, userId, Math.min(seq, await lastSeqOf(dealId)));
}

export async function readMarkersOf(dealId: string): Promise<ReadMarker[]> {
  const markers = await readMarkerReads.find({ dealId: oid(dealId) }).lean();
  return markers.map((m) => ({ userId: String(m.userId), seq: m.seq }));
}

const MY_DEALS_LIMIT = 200;

async function myDealIds(user: SessionUser): Promise<string[]> {
  const mine: Record<string, unknown>[] = [{ brokerUserId: oid(user.id) }];
  const orgId = actingOrganizationId(user);
  if (orgId) mine.push({ sellerOrgId: oid(orgId) }, { buyerOrgId: oid(orgId) });
  const deals = await dealReads
    .find({ $or: mine }, { _id: 1 })
    .sort({ updatedAt: -1 })
    .limit(MY_DEALS_LIMIT)
    .lean();
  return deals.map((d) => String(d._id));
}

/**
 * Unread messages per deal for a user: those after their read marker, not written by them, in
 * audiences they may see. Deals they may not see are left out. Without `dealIds`: their own
 * deals (as a party or as the broker), the most recently active first.
 */
export async function unreadCounts(
  userOrId: SessionUser | string,
  dealIds?: string[],
): Promise<Record<string, number>> {
  const user = typeof userOrId === 'string' ? await loadSessionUser(userOrId) : userOrId;
  if (!user) return {};
  const ids = dealIds ? [...new Set(dealIds.filter(isObjectId))] : await myDealIds(user);
  if (ids.length === 0) return {};
  const [deals, markers] = await Promise.all([
    dealReads
      .find(
        { _id: mongoose.trusted({ $in: ids.map(oid) }) },
        { sellerOrgId: 1, buyerOrgId: 1, brokerUserId: 1 },
      )
      .lean(),
    readMarkerReads.find({ userId: oid(user.id), dealId: mongoose.trusted({ $in: ids.map(oid) }) }).lean(),
  ]);
  const readUpTo = new Map(markers.map((m) => [String(m.dealId), m.seq]));
  const roomUser = {
    id: user.id,
    name: user.name,
    role: user.role,
    organizationId: actingOrganizationId(user) ?? null,
  };
  const counts: Record<string, number> = {};
  const branches: Record<string, unknown>[] = [];
  for (const deal of deals) {
    const role = currentRoomRole(deal, roomUser);
    if (!role) continue;
    const dealId = String(deal._id);
    counts[dealId] = 0;
    const after = readUpTo.get(dealId) ?? 0;
    branches.push({ dealId: deal._id, seq: { $gt: after }, audience: { $in: visibleAudiences(role) } });
  }
  if (branches.length === 0) return counts;
  const grouped = await messageReads.aggregate<{ _id: unknown; n: number }>([
    { $match: { $or: branches, authorId: { $ne: oid(user.id) } } },
    { $group: { _id: '$dealId', n: { $sum: 1 } } },
  ]);
  for (const g of grouped) counts[String(g._id)] = g.n;
  return counts;
}
