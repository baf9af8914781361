/**
 * Socket.IO room names. Everyone allowed in a deal's room is in `deal:<id>`; the parties are
 * also in their side's room and the mediators (broker, operators) in the staff room, so a
 * broker's note to one side is sent to that side and the staff only.
 */
import type { MessageAudience, RoomRole } from '../api-contract/socket-events';

export const dealRoom = (dealId: string) => `deal:${dealId}`;
export const sideRoom = (dealId: string, side: 'seller' | 'buyer') => `deal:${dealId}:${side}`;
export const staffRoom = (dealId: string) => `deal:${dealId}:staff`;
/** Everyone in an online meeting's room at an event. */
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** The rooms a socket of `role` joins for a deal. */
export function roomsFor(dealId: string, role: RoomRole): string[] {
  const own = role === 'seller' || role === 'buyer' ? sideRoom(dealId, role) : staffRoom(dealId);
  return [dealRoom(dealId), own];
}

/** Every room of a deal, to leave them all. */
export function allRoomsOf(dealId: string): string[] {
  return [dealRoom(dealId), sideRoom(dealId, 'seller'), sideRoom(dealId, 'buyer'), staffRoom(dealId)];
}

/** Where a message with `audience` may go. */
export function roomsForAudience(dealId: string, audience: MessageAudience): string[] {
  return audience === 'all' ? [dealRoom(dealId)] : [sideRoom(dealId, audience), staffRoom(dealId)];
}

/** The deal ids of the deal rooms among `rooms`. */
export function dealIdsIn(rooms: Iterable<string>): string[] {
  const ids: string[] = [];
  for (const room of rooms) {
    const m = /^deal:([0-9a-f]{24})$/i.exec(room);
    if (m) ids.push(m[1]);
  }
  return ids;
}

/** The meeting ids of the meeting rooms among `rooms`. */
export function meetingIdsIn(rooms: Iterable<string>): string[] {
  const ids: string[] = [];
  for (const room of rooms) {
    const m = /^meeting:([0-9a-f]{24})$/i.exec(room);
    if (m) ids.push(m[1]);
  }
  return ids;
}
