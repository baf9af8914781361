import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { Composer } from './Composer';
import { MeetingPresence, type MeetingSides } from './MeetingPresence';
import { RoomConversation } from './RoomConversation';
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
      <RoomConversation room={room} myUserId={user?.id} />
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
