/**
 * A deal's negotiation room as React state over the shared socket (useChatRoom.ts), with typing,
 * presence and read receipts.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ChatMessage } from '@contract/socket-events';
import { fetchMessages } from './negotiationApi';
import { subscribeToRoom } from './roomSubscription';
import { useChatRoom, type ChatRoomWiring } from './useChatRoom';

export type { ConnectionState, PendingMessage, RoomState, TypingPerson } from './roomState';

const TYPING_EVERY_MS = 2000;

export function useNegotiationRoom(dealId: string, me: string | undefined) {
  const lastTypingSent = useRef(0);
  const lastReadSent = useRef(0);
  useEffect(() => {
    lastReadSent.current = 0;
  }, [dealId, me]);

  const wiring = useMemo<ChatRoomWiring<ChatMessage>>(
    () => ({
      emitSend: (socket, item, ack) => {
        const request = { dealId, body: item.body, clientId: item.clientId, audience: item.audience };
        socket.emit('message:send', request, ack);
      },
      subscribe: (socket, hooks) => subscribeToRoom(socket, { dealId, me, ...hooks }),
      fetchOlder: (page) => fetchMessages(dealId, page),
      toChatMessage: (message) => message,
    }),
    [dealId, me],
  );
  const { state, socketRef, send, retry, discard, loadOlder } = useChatRoom(wiring, me);

  const notifyTyping = useCallback(() => {
    const now = Date.now();
    if (now - lastTypingSent.current < TYPING_EVERY_MS) return;
    lastTypingSent.current = now;
    socketRef.current?.emit('typing', { dealId });
  }, [dealId, socketRef]);

  const markRead = useCallback(
    (seq: number) => {
      const socket = socketRef.current;
      if (seq <= lastReadSent.current || !socket?.connected) return;
      lastReadSent.current = seq;
      socket.emit('message:read', { dealId, seq });
    },
    [dealId, socketRef],
  );

  return { state, send, retry, discard, loadOlder, notifyTyping, markRead };
}
