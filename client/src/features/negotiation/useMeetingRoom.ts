/**
 * An online meeting's room as React state over the shared socket, on the deal room's state
 * (roomState.ts): one message per seq, catch-up after every reconnection, unconfirmed messages
 * resent with their clientId, and who of each side is present.
 */
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { MeetingRoomPerson } from '@contract/socket-events';
import { newClientId } from './clientIds';
import { toChatMessage } from './meetingMessages';
import { firstSeq, lastSeq } from './messageTimeline';
import { fetchMeetingMessages } from './negotiationApi';
import { initialRoomState, roomReducer, type PendingMessage, type RoomState } from './roomState';
import { acquireRoomSocket, releaseRoomSocket, type RoomSocket } from './roomSocket';
import { subscribeToMeetingRoom } from './meetingRoomSubscription';
import { SEND_TIMEOUT_MS } from './useNegotiationRoom';

export function useMeetingRoom(meetingId: string, me: string | undefined) {
  const [state, dispatch] = useReducer(roomReducer, undefined, () => initialRoomState());
  const [present, setPresent] = useState<MeetingRoomPerson[]>([]);
  const latest = useRef<RoomState>(state);
  const socketRef = useRef<RoomSocket | null>(null);
  useLayoutEffect(() => {
    latest.current = state;
  });

  const emitSend = useCallback(
    (item: PendingMessage) => {
      const socket = socketRef.current;
      if (!socket?.connected) return; // sent again after the next join
      const request = { meetingId, body: item.body, clientId: item.clientId };
      socket.timeout(SEND_TIMEOUT_MS).emit('meeting:send', request, (err, res) => {
        if (!err && res.ok) return dispatch({ type: 'received', messages: [toChatMessage(res.message)], me });
        const error = err ? 'unavailable' : res.ok ? undefined : res.error.code;
        dispatch({ type: 'pendingChanged', clientId: item.clientId, patch: { state: 'failed', error } });
      });
    },
    [meetingId, me],
  );

  useEffect(() => {
    const socket = acquireRoomSocket();
    socketRef.current = socket;
    dispatch({ type: 'reset', connection: socket.connected ? 'online' : 'connecting' });
    latest.current = initialRoomState();
    const unsubscribe = subscribeToMeetingRoom(socket, {
      meetingId,
      me,
      dispatch,
      onPresence: setPresent,
      latestSeq: () => lastSeq(latest.current.messages),
      onJoined: () => {
        for (const item of latest.current.pending) if (item.state === 'sending') emitSend(item);
      },
    });
    return () => {
      unsubscribe();
      socketRef.current = null;
      releaseRoomSocket();
    };
  }, [meetingId, me, emitSend]);

  const send = useCallback(
    (body: string) => {
      const item: PendingMessage = { clientId: newClientId(), body, audience: 'all', state: 'sending' };
      dispatch({ type: 'pendingAdded', item });
      emitSend(item);
    },
    [emitSend],
  );

  /** Sends a failed message again with the same clientId: it is stored at most once. */
  const retry = useCallback(
    (clientId: string) => {
      const item = latest.current.pending.find((p) => p.clientId === clientId);
      if (!item) return;
      dispatch({ type: 'pendingChanged', clientId, patch: { state: 'sending', error: undefined } });
      emitSend({ ...item, state: 'sending' });
    },
    [emitSend],
  );

  const discard = useCallback(
    (clientId: string) => dispatch({ type: 'pendingChanged', clientId, patch: null }),
    [],
  );

  const loadOlder = useCallback(async () => {
    const before = firstSeq(latest.current.messages);
    if (before === undefined) return;
    dispatch({ type: 'loadingOlder', loading: true });
    try {
      const page = await fetchMeetingMessages(meetingId, { before, limit: 50 });
      dispatch({ type: 'olderLoaded', messages: page.messages.map(toChatMessage), hasMore: page.hasMore });
    } finally {
      dispatch({ type: 'loadingOlder', loading: false });
    }
  }, [meetingId]);

  return { state, present, send, retry, discard, loadOlder };
}
