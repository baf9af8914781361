import { MessageList } from './MessageList';
import { ConnectionBanner, RefusedNotice } from './RoomStatus';
import type { RoomState } from './roomState';
import type { RoomMessageActions } from './useRoomMessageActions';

interface RoomConversationProps {
  room: Pick<RoomMessageActions, 'loadOlder' | 'retry' | 'discard'> & { state: RoomState };
  myUserId?: string;
}

/** A room's connection, its refusal if it refused the user, and otherwise its messages, mine pending too. */
export function RoomConversation({ room, myUserId }: RoomConversationProps) {
  const { state } = room;
  return (
    <>
      <ConnectionBanner connection={state.connection} />
      <RefusedNotice code={state.refused} />
      {!state.refused && (
        <MessageList
          messages={state.messages}
          pending={state.pending}
          myUserId={myUserId}
          reads={state.reads}
          hasOlder={state.hasOlder}
          loadingOlder={state.loadingOlder}
          onLoadOlder={() => void room.loadOlder().catch(() => undefined)}
          onRetry={room.retry}
          onDiscard={room.discard}
        />
      )}
    </>
  );
}
