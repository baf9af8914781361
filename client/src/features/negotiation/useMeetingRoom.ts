/**
 * An online meeting's room as React state over the shared socket (useChatRoom.ts), with who of
 * each side is present.
 */
import { useMemo, useState } from 'react';
import type { MeetingChatMessage, MeetingRoomPerson } from '@contract/socket-events';
import { toChatMessage } from './meetingMessages';
import { fetchMeetingMessages } from './negotiationApi';
import { subscribeToMeetingRoom } from './meetingRoomSubscription';
import { useChatRoom, type ChatRoomWiring } from './useChatRoom';

export function useMeetingRoom(meetingId: string, me: string | undefined) {
  const [present, setPresent] = useState<MeetingRoomPerson[]>([]);
  const wiring = useMemo<ChatRoomWiring<MeetingChatMessage>>(
    () => ({
      emitSend: (socket, item, ack) => {
        const request = { meetingId, body: item.body, clientId: item.clientId };
        socket.emit('meeting:send', request, ack);
      },
      subscribe: (socket, hooks) =>
        subscribeToMeetingRoom(socket, { meetingId, me, onPresence: setPresent, ...hooks }),
      fetchOlder: (page) => fetchMeetingMessages(meetingId, page),
      toChatMessage,
    }),
    [meetingId, me],
  );
  const { state, send, retry, discard, loadOlder } = useChatRoom(wiring, me);
  return { state, present, send, retry, discard, loadOlder };
}
