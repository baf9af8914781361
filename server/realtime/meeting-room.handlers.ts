/**
 * An online meeting's room at an event, on the deal rooms' machinery (same namespace, session,
 * validation, acknowledgements, rate budgets and stored, numbered messages): join (with
 * catch-up), send, leave, and presence by side on every arrival and departure. Access is
 * checked on the meeting as stored at every join and send, so a cancelled meeting takes nothing more.
 */
import {
  HISTORY_PAGE_SIZE,
  type MeetingChatMessage,
  type MeetingJoinRequest,
  type MeetingPresenceEvent,
  type MeetingRoomPerson,
  type MeetingSendRequest,
} from '../api-contract/socket-events';
import { logger } from '../common/logger';
import { meetingRoomAccess } from '../events';
import {
  catchUpMeetingMessages,
  listMeetingMessages,
  postMeetingMessage,
  meetingJoinSchema,
  meetingRefSchema,
  meetingSendSchema,
} from '../negotiation';
import { chatMessages } from '../metrics';
import { CATCH_UP_LIMIT, refreshUser, roomEventHandler, spend } from './room-handler-kit';
import { socketsIn } from './presence';
import { meetingIdsIn, meetingRoom } from './rooms';
import type { RoomHandlerDeps } from './deal-room.handlers';
import type { DealsNamespace, DealsSocket } from './socket-types';

/** Who is in the meeting's room now, once each, with the side they joined for. */
export async function meetingPresenceIn(
  nsp: DealsNamespace,
  meetingId: string,
): Promise<MeetingPresenceEvent> {
  const people = new Map<string, MeetingRoomPerson>();
  for (const s of await socketsIn(nsp, meetingRoom(meetingId))) {
    const side = s.data.meetingRoles?.[meetingId];
    if (s.data.user && side)
      people.set(s.data.user.id, { userId: s.data.user.id, name: s.data.user.name, side });
  }
  return { meetingId, present: [...people.values()].sort((a, b) => a.userId.localeCompare(b.userId)) };
}

async function announceMeetingPresence(
  nsp: DealsNamespace,
  meetingId: string,
): Promise<MeetingPresenceEvent> {
  try {
    const presence = await meetingPresenceIn(nsp, meetingId);
    nsp.to(meetingRoom(meetingId)).emit('meeting:presence', presence);
    return presence;
  } catch (err) {
    // Another process did not answer in time (Redis down): presence catches up on the next change.
    logger.warn({ err, meetingId }, 'meeting presence not computed');
    return { meetingId, present: [] };
  }
}

function announceMeetingMessage(nsp: DealsNamespace, message: MeetingChatMessage): void {
  chatMessages.inc();
  nsp.to(meetingRoom(message.meetingId)).emit('meeting:message', { message });
}

export function registerMeetingRoomHandlers(
  nsp: DealsNamespace,
  socket: DealsSocket,
  deps: Pick<RoomHandlerDeps, 'sendLimiter' | 'joinLimiter' | 'inFlight'>,
): void {
  const handle = roomEventHandler(deps.inFlight);

  /** The socket's role in the meeting's room, checked afresh on the user and the meeting as stored now. */
  const admit = async (meetingId: string) => {
    const user = await refreshUser(socket);
    return meetingRoomAccess({ role: user.role, organizationId: socket.data.user.organizationId }, meetingId);
  };

  socket.on(
    'meeting:join',
    handle('meeting:join', meetingJoinSchema, async ({ meetingId, afterSeq }: MeetingJoinRequest) => {
      spend(deps.joinLimiter, socket.data.user.id, 'joining rooms');
      const { role } = await admit(meetingId);
      socket.data.meetingRoles = { ...socket.data.meetingRoles, [meetingId]: role };
      // In the room before reading history: whatever is stored after this read reaches the socket live.
      await socket.join(meetingRoom(meetingId));
      const page =
        afterSeq === undefined
          ? await listMeetingMessages(meetingId, { limit: HISTORY_PAGE_SIZE })
          : await catchUpMeetingMessages(meetingId, afterSeq, CATCH_UP_LIMIT);
      const { present } = await announceMeetingPresence(nsp, meetingId);
      return { role, ...page, present };
    }),
  );

  socket.on(
    'meeting:leave',
    handle('meeting:leave', meetingRefSchema, async ({ meetingId }: { meetingId: string }) => {
      await socket.leave(meetingRoom(meetingId));
      if (socket.data.meetingRoles) delete socket.data.meetingRoles[meetingId];
      await announceMeetingPresence(nsp, meetingId);
      return {};
    }),
  );

  socket.on(
    'meeting:send',
    handle('meeting:send', meetingSendSchema, async (input: MeetingSendRequest) => {
      const { role } = await admit(input.meetingId);
      const { id: userId, name } = socket.data.user;
      spend(deps.sendLimiter, `${userId}:${input.meetingId}`, 'sending messages');
      const { message, created } = await postMeetingMessage(input.meetingId, { userId, name, role }, input);
      if (created) announceMeetingMessage(nsp, message);
      return { message };
    }),
  );

  socket.on('disconnecting', () => {
    const meetingIds = meetingIdsIn(socket.rooms);
    if (meetingIds.length === 0) return;
    socket.once('disconnect', () => {
      for (const meetingId of meetingIds) void announceMeetingPresence(nsp, meetingId);
    });
  });
}
