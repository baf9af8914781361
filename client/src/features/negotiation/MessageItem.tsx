import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '@contract/socket-events';
import { formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import { systemMessageText } from './systemMessageText';

interface MessageItemProps {
  message: ChatMessage;
  mine: boolean;
  /** Someone else has read up to this message (shown under the newest such message of mine). */
  seen: boolean;
}

/** One message. Bodies are plain text: React escapes them, and links are not made clickable. */
export function MessageItem({ message, mine, seen }: MessageItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (message.kind === 'system' || message.kind === 'terms') {
    return (
      <li
        className={`chat-system chat-system-${message.kind}`}
        data-testid="chat-message"
        data-seq={message.seq}
        data-kind={message.kind}
      >
        <span>{systemMessageText(message, t, locale)}</span>{' '}
        <time className="muted" dateTime={message.createdAt}>
          {formatDateTime(message.createdAt, locale)}
        </time>
      </li>
    );
  }
  const note = message.kind === 'note' && message.audience !== 'all';
  return (
    <li
      className={`chat-message${mine ? ' chat-message-mine' : ''}${note ? ' chat-message-note' : ''}`}
      data-testid="chat-message"
      data-seq={message.seq}
      data-kind={message.kind}
    >
      <div className="chat-meta">
        <strong className="chat-author">{message.authorName ?? ''}</strong>{' '}
        <span className="chat-role">{t(`negotiation.roles.${message.authorRole}`)}</span>{' '}
        <time className="muted" dateTime={message.createdAt}>
          {formatDateTime(message.createdAt, locale)}
        </time>
      </div>
      {note && <div className="chat-note-label">{t(`negotiation.noteFor.${message.audience}`)}</div>}
      <p className="chat-body" data-testid="chat-message-body">
        {message.body}
      </p>
      {seen && (
        <div className="chat-seen muted" data-testid="chat-seen">
          {t('negotiation.seen')}
        </div>
      )}
    </li>
  );
}
