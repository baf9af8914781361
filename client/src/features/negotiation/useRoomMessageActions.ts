/**
 * What a room does with the user's own messages over the shared room state (roomState.ts), the
 * same in a deal's room and a meeting's: send, retry a failed one, discard it, and read older
 * messages a page at a time.
 */
import { useCallback, type Dispatch, type RefObject } from 'react';
import type { ChatMessage, MessageAudience } from '@contract/socket-events';
import { newClientId } from './clientIds';
import { firstSeq } from './messageTimeline';
import type { PendingMessage, RoomAction, RoomState } from './roomState';

const OLDER_PAGE_SIZE = 50;

export interface OlderMessages {
  messages: ChatMessage[];
  hasMore: boolean;
}

export type RoomMessageActions = ReturnType<typeof useRoomMessageActions>;

export function useRoomMessageActions(
  dispatch: Dispatch<RoomAction>,
  latest: RefObject<RoomState>,
  emitSend: (item: PendingMessage) => void,
  fetchOlder: (page: { before: number; limit: number }) => Promise<OlderMessages>,
) {
  const send = useCallback(
    (body: string, audience: MessageAudience = 'all') => {
      const item: PendingMessage = { clientId: newClientId(), body, audience, state: 'sending' };
      dispatch({ type: 'pendingAdded', item });
      emitSend(item);
    },
    [dispatch, emitSend],
  );

  /** Sends a failed message again with the same clientId: it is stored at most once. */
  const retry = useCallback(
    (clientId: string) => {
      const item = latest.current.pending.find((p) => p.clientId === clientId);
      if (!item) return;
      dispatch({ type: 'pendingChanged', clientId, patch: { state: 'sending', error: undefined } });
      emitSend({ ...item, state: 'sending' });
    },
    [dispatch, latest, emitSend],
  );

  const discard = useCallback(
    (clientId: string) => dispatch({ type: 'pendingChanged', clientId, patch: null }),
    [dispatch],
  );

  const loadOlder = useCallback(async () => {
    const before = firstSeq(latest.current.messages);
    if (before === undefined) return;
    dispatch({ type: 'loadingOlder', loading: true });
    try {
      const page = await fetchOlder({ before, limit: OLDER_PAGE_SIZE });
      dispatch({ type: 'olderLoaded', messages: page.messages, hasMore: page.hasMore });
    } finally {
      dispatch({ type: 'loadingOlder', loading: false });
    }
  }, [dispatch, latest, fetchOlder]);

  return { send, retry, discard, loadOlder };
}
