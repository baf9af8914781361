import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_MAX_LENGTH, type MessageAudience } from '@contract/socket-events';
import { AudiencePicker } from './AudiencePicker';
import type { AnyRoomRole } from './roomState';

interface ComposerProps {
  role: AnyRoomRole | null;
  disabled: boolean;
  /** Whether mediators may address one side (deal rooms); a meeting room has no notes. */
  notes?: boolean;
  onSend(body: string, audience: MessageAudience): void;
  onTyping(): void;
}

const SHOW_COUNT_FROM = MESSAGE_MAX_LENGTH - 500;

/** Writes a message: Enter sends, Shift+Enter starts a new line; mediators may address one side. */
export function Composer({ role, disabled, notes = true, onSend, onTyping }: ComposerProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<MessageAudience>('all');
  const mediator = notes && (role === 'broker' || role === 'admin');
  const text = body.trim();

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!text || disabled) return;
    onSend(text, mediator ? audience : 'all');
    setBody('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Vietnamese is often typed through an input method: Enter then confirms a word, not the message.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form className="chat-composer" onSubmit={submit}>
      {mediator && <AudiencePicker value={audience} onChange={setAudience} disabled={disabled} />}
      <label className="visually-hidden" htmlFor="chat-input">
        {t('negotiation.placeholder')}
      </label>
      <textarea
        id="chat-input"
        className="chat-input"
        data-testid="chat-input"
        rows={2}
        maxLength={MESSAGE_MAX_LENGTH}
        placeholder={t('negotiation.placeholder')}
        value={body}
        disabled={disabled}
        onChange={(e) => {
          setBody(e.target.value);
          if (e.target.value.trim()) onTyping();
        }}
        onKeyDown={onKeyDown}
      />
      <div className="chat-composer-actions">
        {body.length >= SHOW_COUNT_FROM && (
          <span className="muted">
            {t('negotiation.charsLeft', { count: MESSAGE_MAX_LENGTH - body.length })}
          </span>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={disabled || !text}
          data-testid="chat-send"
        >
          {t('negotiation.send')}
        </button>
      </div>
    </form>
  );
}
