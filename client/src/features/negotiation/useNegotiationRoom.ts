/**
 * A deal's negotiation room as React state over the shared socket: one message per seq, catch-up
 * after every reconnection, unconfirmed messages resent with their clientId (never stored
 * twice), typing, presence and read receipts.
 */
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import type { MessageAudience } from '@contract/socket-events';
import { newClientId } from './clientIds';
import { firstSeq, lastSeq } from './messageTimeline';
import { fetchMessages } from './negotiationApi';
import { initialRoomState, roomReducer, type PendingMessage, type RoomState } from './roomState';
import { acquireRoomSocket, releaseRoomSocket, type RoomSocket } from './roomSocket';
import { subscribeToRoom } from './roomSubscription';

export type { ConnectionState, PendingMessage, RoomState, TypingPerson } from './roomState';

export const SEND_TIMEOUT_MS = 10_000;
const TYPING_EVERY_MS = 2000;

export function useNegotiationRoom(dealId: string, me: string | undefined) {
  const [state, dispatch] = useReducer(roomReducer, undefined, () => initialRoomState());
  const latest = useRef<RoomState>(state);
  const socketRef = useRef<RoomSocket | null>(null);
  const lastTypingSent = useRef(0);
  const lastReadSent = useRef(0);
  useLayoutEffect(() => {
    latest.current = state;
  });

  const emitSend = useCallback(
    (item: PendingMessage) => {
      const socket = socketRef.current;
      if (!socket?.connected) return; // sent again after the next join
      const request = { dealId, body: item.body, clientId: item.clientId, audience: item.audience };
      socket.timeout(SEND_TIMEOUT_MS).emit('message:send', request, (err, res) => {
        if (!err && res.ok) return dispatch({ type: 'received', messages: [res.message], me });
        const error = err ? 'unavailable' : res.ok ? undefined : res.error.code;
        dispatch({ type: 'pendingChanged', clientId: item.clientId, patch: { state: 'failed', error } });
      });
    },
    [dealId, me],
  );

  useEffect(() => {
    const socket = acquireRoomSocket();
    socketRef.current = socket;
    lastReadSent.current = 0;
    dispatch({ type: 'reset', connection: socket.connected ? 'online' : 'connecting' });
    latest.current = initialRoomState();
    const unsubscribe = subscribeToRoom(socket, {
      dealId,
      me,
      dispatch,
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
  }, [dealId, me, emitSend]);

  const send = useCallback(
    (body: string, audience: MessageAudience = 'all') => {
      const item: PendingMessage = { clientId: newClientId(), body, audience, state: 'sending' };
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
      const page = await fetchMessages(dealId, { before, limit: 50 });
      dispatch({ type: 'olderLoaded', messages: page.messages, hasMore: page.hasMore });
    } finally {
      dispatch({ type: 'loadingOlder', loading: false });
    }
  }, [dealId]);

  const notifyTyping = useCallback(() => {
    const now = Date.now();
    if (now - lastTypingSent.current < TYPING_EVERY_MS) return;
    lastTypingSent.current = now;
    socketRef.current?.emit('typing', { dealId });
  }, [dealId]);

  const markRead = useCallback(
    (seq: number) => {
      const socket = socketRef.current;
      if (seq <= lastReadSent.current || !socket?.connected) return;
      lastReadSent.current = seq;
      socket.emit('message:read', { dealId, seq });
    },
    [dealId],
  );

  return { state, send, retry, discard, loadOlder, notifyTyping, markRead };
}
