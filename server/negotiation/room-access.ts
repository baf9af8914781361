/**
 * Who may be in a deal's negotiation room and what they see there: the parties, the assigned
 * broker and operators. Outsiders are told the deal does not exist (404), as on every deal route.
 */
import type { SessionUser } from '../common/session-user';
import { AppError } from '../common/errors';
import { viewDealForUser, dealParticipants, dealRoleOf } from '../deals';
import type { MessageAudience, RoomRole } from '../api-contract/socket-events';
import type { DealRole } from '../api-contract/enums';

/** What the realtime layer remembers about a socket's user: enough to re-check access. */
export interface RoomUser {
  id: string;
  name: string;
  role: SessionUser['role'];
  /** The organization the user may act for (active membership only). */
  organizationId: string | null;
}

export function toRoomRole(role: DealRole): RoomRole | null {
  return role === 'seller' || role === 'buyer' || role === 'broker' || role === 'admin' ? role : null;
}

/** The user's role in the room; throws 404 for unknown deals and outsiders. */
export async function roomRoleFor(user: SessionUser, dealId: string): Promise<RoomRole> {
  const { role } = await viewDealForUser(user, dealId);
  const roomRole = toRoomRole(role);
  if (!roomRole) throw AppError.notFound('Deal');
  return roomRole;
}

/** The role `user` now has in `deal`, or null when they may no longer see it. */
export function currentRoomRole(
  deal: { sellerOrgId: unknown; buyerOrgId: unknown; brokerUserId?: unknown },
  user: RoomUser,
): RoomRole | null {
  return toRoomRole(dealRoleOf(dealParticipants(deal), user));
}

export function isStaff(role: RoomRole): boolean {
  return role === 'broker' || role === 'admin';
}

/** The audiences of the messages a role may read. */
export function visibleAudiences(role: RoomRole): MessageAudience[] {
  if (role === 'seller') return ['all', 'seller'];
  if (role === 'buyer') return ['all', 'buyer'];
  return ['all', 'seller', 'buyer'];
}

/** Only the mediators (broker, operators) may address one side alone. */
export function assertMayAddress(role: RoomRole, audience: MessageAudience): void {
  if (audience !== 'all' && !isStaff(role)) {
    throw AppError.forbidden('Only the broker may write a note to one side');
  }
}
