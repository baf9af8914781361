/**
 * An accepted online meeting's room: who is let in (meeting-room-rules.ts, on the meeting as
 * stored now) and the facts its page shows. The room's chat and presence are the rooms'
 * machinery (negotiation/meeting-messages.ts, realtime/meeting-room.handlers.ts).
 */
import type { MeetingRoomRole } from '../api-contract/socket-events';
import { AppError } from '../common/errors';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import { organizationNames } from '../deals';
import { getEvent } from './event.store';
import { meetingView } from './event.view';
import { getMeeting, type MeetingDoc } from './meeting.store';
import { admitToRoom, type RoomViewer } from './meeting-room-rules';

export type { RoomViewer } from './meeting-room-rules';

export const roomViewerOf = (user: SessionUser): RoomViewer => ({
  role: user.role,
  organizationId: actingOrganizationId(user) ?? null,
});

/** The meeting and the viewer's role in its room; 404 for outsiders, 409 while the room is not open. */
export async function meetingRoomAccess(
  viewer: RoomViewer,
  meetingId: string,
): Promise<{ meeting: MeetingDoc; role: MeetingRoomRole }> {
  const meeting = await getMeeting(meetingId);
  return { meeting: meeting!, role: admitToRoom(meeting, viewer) };
}

/** What the room's page shows: the meeting (its two organizations, time, subject), its event and the viewer's role. */
export async function meetingRoomFacts(user: SessionUser, meetingId: string) {
  const viewer = roomViewerOf(user);
  const { meeting, role } = await meetingRoomAccess(viewer, meetingId);
  const [event, names] = await Promise.all([
    getEvent(meeting.eventId),
    organizationNames([meeting.requesterOrgId, meeting.inviteeOrgId]),
  ]);
  if (!event) throw AppError.notFound('Event');
  return {
    meeting: meetingView(meeting, names, viewer.organizationId ?? undefined, new Date()),
    event: {
      id: String(event._id),
      title: event.title,
      ...(event.titleEn ? { titleEn: event.titleEn } : {}),
    },
    role,
  };
}
