import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { Composer } from './Composer';
import { RoomConversation } from './RoomConversation';
import { PresenceList, TypingIndicator } from './RoomStatus';
import { useMarkReadWhileVisible } from './useMarkReadWhileVisible';
import { useNegotiationRoom } from './useNegotiationRoom';
import './negotiation.css';

/** A deal's negotiation room: live messages, history, typing, presence and broker notes. */
export function ChatPanel({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const room = useNegotiationRoom(dealId, user?.id);
  const { state } = room;
  useMarkReadWhileVisible(state.messages, room.markRead);
  const closed = Boolean(state.refused) || state.connection === 'signedOut';

  return (
    <section className="chat-panel card" data-testid="chat-panel" aria-labelledby="chat-title">
      <header className="chat-header">
        <h2 id="chat-title">{t('negotiation.title')}</h2>
        <PresenceList online={state.online} names={state.names} me={user?.id} />
      </header>
      <RoomConversation room={room} myUserId={user?.id} />
      <TypingIndicator typing={state.typing} />
      <Composer
        role={state.role}
        disabled={closed || !state.role}
        onSend={room.send}
        onTyping={room.notifyTyping}
      />
    </section>
  );
}
