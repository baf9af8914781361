import { useTranslation } from 'react-i18next';
import type { PendingMessage } from './roomState';

interface PendingItemProps {
  item: PendingMessage;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

/** A message of mine the server has not confirmed yet: sending, or failed with a way to retry. */
export function PendingItem({ item, onRetry, onDiscard }: PendingItemProps) {
  const { t } = useTranslation();
  return (
    <li
      className="chat-message chat-message-mine chat-message-pending"
      data-testid="chat-pending"
      data-state={item.state}
    >
      <p className="chat-body">{item.body}</p>
      {item.state === 'sending' ? (
        <div className="muted">{t('negotiation.sending')}</div>
      ) : (
        <div className="chat-failed" role="alert">
          <span>
            {t(`negotiation.errors.${item.error ?? 'unavailable'}`, {
              defaultValue: t('negotiation.failed'),
            })}
          </span>{' '}
          <button
            type="button"
            className="btn btn-small btn-secondary"
            onClick={() => onRetry(item.clientId)}
          >
            {t('negotiation.retry')}
          </button>{' '}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => onDiscard(item.clientId)}>
            {t('negotiation.discard')}
          </button>
        </div>
      )}
    </li>
  );
}
