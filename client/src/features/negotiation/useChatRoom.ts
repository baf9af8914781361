/**
 * A chat room as React state over the shared socket, the same for a deal's room and an online
 * meeting's: one message per seq (roomState.ts), catch-up after every reconnection, and
 * unconfirmed messages resent with their clientId (never stored twice). What differs between the
 * rooms (their events, requests and message shape) comes in as the room's wiring.
 */
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import type { Ack, ChatMessage } from '@contract/socket-events';
import { lastSeq } from './messageTimeline';
import {
  initialRoomState,
  roomReducer,
  type PendingMessage,
  type RoomAction,
  type RoomState,
} from './roomState';
import { acquireRoomSocket, releaseRoomSocket, type RoomSocket } from './roomSocket';
import { useRoomMessageActions, type OlderMessages } from './useRoomMessageActions';

const SEND_TIMEOUT_MS = 10_000;

type TimedRoomSocket = ReturnType<RoomSocket['timeout']>;

/** One room's events and requests, for messages of shape M as the server sends them. */
export interface ChatRoomWiring<M> {
  /** Emits the send request for `item`; `ack` takes the server's answer, or the timeout. */
  emitSend(
    socket: TimedRoomSocket,
    item: PendingMessage,
    ack: (err: Error | null, res: Ack<{ message: M }>) => void,
  ): void;
  /** Follows the room's events on the socket until the returned function is called. */
  subscribe(
    socket: RoomSocket,
    hooks: { dispatch(action: RoomAction): void; latestSeq(): number | undefined; onJoined(): void },
  ): () => void;
  /** A page of older messages, newest last. */
  fetchOlder(page: { before: number; limit: number }): Promise<{ messages: M[]; hasMore: boolean }>;
  toChatMessage(message: M): ChatMessage;
}

/** `wiring` is held (useMemo) per room and user: a new one leaves the room and joins afresh. */
export function useChatRoom<M>(wiring: ChatRoomWiring<M>, me: string | undefined) {
  const [state, dispatch] = useReducer(roomReducer, undefined, () => initialRoomState());
  const latest = useRef<RoomState>(state);
  const socketRef = useRef<RoomSocket | null>(null);
  useLayoutEffect(() => {
    latest.current = state;
  });

  const emitSend = useCallback(
    (item: PendingMessage) => {
      const socket = socketRef.current;
      if (!socket?.connected) return; // sent again after the next join
      wiring.emitSend(socket.timeout(SEND_TIMEOUT_MS), item, (err, res) => {
        if (!err && res.ok)
          return dispatch({ type: 'received', messages: [wiring.toChatMessage(res.message)], me });
        const error = err ? 'unavailable' : res.ok ? undefined : res.error.code;
        dispatch({ type: 'pendingChanged', clientId: item.clientId, patch: { state: 'failed', error } });
      });
    },
    [wiring, me],
  );

  useEffect(() => {
    const socket = acquireRoomSocket();
    socketRef.current = socket;
    dispatch({ type: 'reset', connection: socket.connected ? 'online' : 'connecting' });
    latest.current = initialRoomState();
    const unsubscribe = wiring.subscribe(socket, {
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
  }, [wiring, emitSend]);

  const fetchOlder = useCallback(
    async (page: { before: number; limit: number }): Promise<OlderMessages> => {
      const { messages, hasMore } = await wiring.fetchOlder(page);
      return { messages: messages.map(wiring.toChatMessage), hasMore };
    },
    [wiring],
  );
  const actions = useRoomMessageActions(dispatch, latest, emitSend, fetchOlder);

  return { state, socketRef, ...actions };
}
