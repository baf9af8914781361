/**
 * Read receipts: the last seq each participant has read in a deal's room, and from it the
 * number of unread messages per deal for "my deals".
 */
import mongoose from 'mongoose';
import { type SessionUser, actingOrganizationId } from '../common/session-user';
import { isObjectId } from '../common/ids';
import { loadSessionUser } from '../auth';
import type { ReadMarker } from '../api-contract/socket-events';
import { lastSeqOf, lastSeqsOf, moveReadMarker, readMarkerReads } from './message.store';
import { messageSlotId, readSlots } from './message-slot.store';
import { stableObjectId } from '../common/stable-ids';
import {
  dealBrokerListKey,
  dealOrgListKey,
  ownerListPage,
  readMarkerListKey,
  readOwnerList,
} from '../read-models';
import { currentRoomRole, visibleAudiences } from './room-access';
import { dealReads } from '../deals';

const oid = (id: string) => new mongoose.Types.ObjectId(id);

/** Moves the user's marker forward to `seq` (never back, never past the last message); returns it. */
export async function markRead(dealId: string, userId: string, seq: number): Promise<number> {
  return moveReadMarker(dealId, userId, Math.min(seq, await lastSeqOf(dealId)));
}

/** Everyone's marker in the deal's room: who has one from the room's list, their markers by `_id`. */
export async function readMarkersOf(dealId: string): Promise<ReadMarker[]> {
  const holders = await readOwnerList(readMarkerListKey(dealId));
  if (holders.length === 0) return [];
  const ids = holders.map((h) => stableObjectId('read-marker', dealId, h.id));
  const markers = await readMarkerReads.find({ _id: mongoose.trusted({ $in: ids }) }).lean();
  return markers.map((m) => ({ userId: String(m.userId), seq: m.seq }));
}

const MY_DEALS_LIMIT = 200;
/** Past this many unread messages in a room, the count says this many ("99+" in the client's words). */
export const UNREAD_COUNT_CAP = 100;

/** The user's deals (as a party or as the broker), the most recently active first, from the owner lists. */
async function myDealIds(user: SessionUser): Promise<string[]> {
  const keys = [dealBrokerListKey(user.id)];
  const orgId = actingOrganizationId(user);
  if (orgId) keys.push(dealOrgListKey(orgId));
  const page = ownerListPage(await Promise.all(keys.map(readOwnerList)), { page: 1, limit: MY_DEALS_LIMIT });
  return page.ids;
}

/**
 * Unread messages per deal for a user: those after their read marker, not written by them, in
 * audiences they may see, counted up to UNREAD_COUNT_CAP. Deals they may not see are left out.
 * Without `dealIds`: their own deals (as a party or as the broker), the most recently active
 * first. Read by `_id` only: the deals, the markers (stable ids), the rooms' counters and the
 * message slots of the unread seqs.
 */
export async function unreadCounts(
  userOrId: SessionUser | string,
  dealIds?: string[],
): Promise<Record<string, number>> {
  const user = typeof userOrId === 'string' ? await loadSessionUser(userOrId) : userOrId;
  if (!user) return {};
  const ids = dealIds ? [...new Set(dealIds.filter(isObjectId))] : await myDealIds(user);
  if (ids.length === 0) return {};
  const [deals, markers, lastSeqs] = await Promise.all([
    dealReads
      .find(
        { _id: mongoose.trusted({ $in: ids.map(oid) }) },
        { sellerOrgId: 1, buyerOrgId: 1, brokerUserId: 1 },
      )
      .lean(),
    readMarkerReads
      .find({ _id: mongoose.trusted({ $in: ids.map((id) => stableObjectId('read-marker', id, user.id)) }) })
      .lean(),
    lastSeqsOf(ids),
  ]);
  const readUpTo = new Map(markers.map((m) => [String(m.dealId), m.seq]));
  const roomUser = {
    id: user.id,
    name: user.name,
    role: user.role,
    organizationId: actingOrganizationId(user) ?? null,
  };
  const counts: Record<string, number> = {};
  const wanted: { dealId: string; audiences: Set<string>; slotIds: string[] }[] = [];
  for (const deal of deals) {
    const role = currentRoomRole(deal, roomUser);
    if (!role) continue;
    const dealId = String(deal._id);
    counts[dealId] = 0;
    const last = lastSeqs.get(dealId) ?? 0;
    const from = Math.max((readUpTo.get(dealId) ?? 0) + 1, last - UNREAD_COUNT_CAP + 1);
    const slotIds: string[] = [];
    for (let seq = from; seq <= last; seq++) slotIds.push(messageSlotId(dealId, seq));
    wanted.push({ dealId, audiences: new Set<string>(visibleAudiences(role)), slotIds });
  }
  const slots = await readSlots(wanted.flatMap((w) => w.slotIds));
  for (const w of wanted) {
    counts[w.dealId] = w.slotIds.filter((id) => {
      const slot = slots.get(id);
      return !!slot && w.audiences.has(slot.a) && slot.u !== user.id;
    }).length;
  }
  return counts;
}
