import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '@contract/socket-events';
import { MessageItem } from './MessageItem';
import { PendingItem } from './PendingItem';
import type { PendingMessage } from './roomState';

interface MessageListProps {
  messages: ChatMessage[];
  pending: PendingMessage[];
  myUserId?: string;
  reads: Record<string, number>;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder(): void;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

const NEAR_BOTTOM_PX = 80;

/** The newest message of mine that someone else has read. */
function seenSeq(messages: ChatMessage[], reads: Record<string, number>, me?: string): number | undefined {
  const othersRead = Math.max(
    0,
    ...Object.entries(reads)
      .filter(([id]) => id !== me)
      .map(([, seq]) => seq),
  );
  return messages.filter((m) => m.authorId === me && m.seq <= othersRead).at(-1)?.seq;
}

/**
 * The conversation, oldest first. Follows new messages while the reader is at the bottom, and
 * keeps the reader's place when older messages are loaded above.
 */
export function MessageList(props: MessageListProps) {
  const { messages, pending, myUserId, reads, hasOlder, loadingOlder } = props;
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const previous = useRef({ first: undefined as number | undefined, height: 0 });

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const first = messages[0]?.seq;
    const prependedOlder =
      previous.current.first !== undefined && first !== undefined && first < previous.current.first;
    if (prependedOlder) el.scrollTop += el.scrollHeight - previous.current.height;
    else if (atBottom.current) el.scrollTop = el.scrollHeight;
    previous.current = { first, height: el.scrollHeight };
  }, [messages, pending]);

  const onScroll = () => {
    const el = box.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
  };

  const seen = seenSeq(messages, reads, myUserId);
  return (
    <div className="chat-scroll" ref={box} onScroll={onScroll} data-testid="chat-messages">
      {hasOlder && (
        <div className="chat-older">
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={props.onLoadOlder}
            disabled={loadingOlder}
            data-testid="chat-load-older"
          >
            {loadingOlder ? t('common.loading') : t('negotiation.loadOlder')}
          </button>
        </div>
      )}
      {messages.length === 0 && pending.length === 0 && (
        <p className="empty-state">{t('negotiation.empty')}</p>
      )}
      {/* The log role on a wrapper: on the list itself it would unmake the list its items belong to. */}
      <div role="log" aria-live="polite" aria-relevant="additions">
        <ol className="chat-log">
          {messages.map((m) => (
            <MessageItem key={m.id} message={m} mine={m.authorId === myUserId} seen={m.seq === seen} />
          ))}
          {pending.map((item) => (
            <PendingItem
              key={item.clientId}
              item={item}
              onRetry={props.onRetry}
              onDiscard={props.onDiscard}
            />
          ))}
        </ol>
      </div>
    </div>
  );
}
