import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { Composer } from './Composer';
import { MeetingPresence, type MeetingSides } from './MeetingPresence';
import { MessageList } from './MessageList';
import { ConnectionBanner, RefusedNotice } from './RoomStatus';
import { useMeetingRoom } from './useMeetingRoom';
import './negotiation.css';

/** An online meeting's room at an event: who of each side is present, and the live chat. */
export function MeetingChatPanel({ meetingId, sides }: { meetingId: string; sides: MeetingSides }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const room = useMeetingRoom(meetingId, user?.id);
  const { state } = room;
  const closed = Boolean(state.refused) || state.connection === 'signedOut';

  return (
    <section className="chat-panel card" data-testid="chat-panel" aria-labelledby="chat-title">
      <header className="chat-header">
        <h2 id="chat-title">{t('negotiation.meeting.title')}</h2>
        <MeetingPresence present={room.present} sides={sides} />
      </header>
      <ConnectionBanner connection={state.connection} />
      <RefusedNotice code={state.refused} />
      {!state.refused && (
        <MessageList
          messages={state.messages}
          pending={state.pending}
          myUserId={user?.id}
          reads={state.reads}
          hasOlder={state.hasOlder}
          loadingOlder={state.loadingOlder}
          onLoadOlder={() => void room.loadOlder().catch(() => undefined)}
          onRetry={room.retry}
          onDiscard={room.discard}
        />
      )}
      <Composer
        role={state.role}
        notes={false}
        disabled={closed || !state.role}
        onSend={(body) => room.send(body)}
        onTyping={() => undefined}
      />
    </section>
  );
}
