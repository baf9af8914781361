/**
 * Who may be in an online meeting's room, and when it is open: the active members of its two
 * organizations and operators, once the meeting is accepted (scheduled) at an online event.
 * Outsiders are told the meeting does not exist (404), as on every meeting route.
 */
import { AppError } from '../common/errors';
import type { MeetingRoomRole } from '../api-contract/socket-events';
import type { UserRole } from '../api-contract/enums';
import { sideOf, type MeetingState } from './meeting-rules';

export interface RoomViewer {
  role: UserRole;
  /** The organization the viewer may act for (active membership only). */
  organizationId: string | null;
}

/** The viewer's role in the meeting's room, or null for an outsider. A side comes before the operator role. */
export function meetingRoomRoleOf(
  m: Pick<MeetingState, 'requesterOrgId' | 'inviteeOrgId'>,
  viewer: RoomViewer,
): MeetingRoomRole | null {
  const side = sideOf(m, viewer.organizationId ?? undefined);
  if (side) return side;
  return viewer.role === 'admin' ? 'admin' : null;
}

/** The room is open for an accepted meeting with a room (an online event's); otherwise 409 saying why. */
export function assertRoomOpen(m: Pick<MeetingState, 'status'> & { roomUrl?: string | null }): void {
  if (m.status !== 'accepted')
    throw AppError.conflict(
      m.status === 'requested'
        ? 'This meeting has not been accepted yet: its room opens once it is.'
        : `This meeting was ${m.status}: its room is closed.`,
    );
  if (!m.roomUrl) throw AppError.conflict('This meeting is held on site: it has no online room.');
}

/** The role, or the refusal: 404 for outsiders, 409 while the room is not open. */
export function admitToRoom(
  m: (Pick<MeetingState, 'status' | 'requesterOrgId' | 'inviteeOrgId'> & { roomUrl?: string | null }) | null,
  viewer: RoomViewer,
): MeetingRoomRole {
  const role = m ? meetingRoomRoleOf(m, viewer) : null;
  if (!m || !role) throw AppError.notFound('Meeting');
  assertRoomOpen(m);
  return role;
}
