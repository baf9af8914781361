import { useTranslation } from 'react-i18next';
import type { ConnectionState, TypingPerson } from './roomState';

/** Tells the reader when the room is not live: connecting, reconnecting (then catching up), signed out. */
export function ConnectionBanner({ connection }: { connection: ConnectionState }) {
  const { t } = useTranslation();
  if (connection === 'online') return null;
  const tone = connection === 'signedOut' ? 'alert-error' : 'alert-warning';
  return (
    <div
      className={`alert ${tone} chat-connection`}
      role="status"
      data-testid="chat-connection"
      data-state={connection}
    >
      {t(`negotiation.connection.${connection}`)}
    </div>
  );
}

export function RefusedNotice({ code }: { code: string | null }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="chat-refused">
      {t(`negotiation.refused.${code}`, { defaultValue: t('negotiation.refused.other') })}
    </div>
  );
}

export function PresenceList({
  online,
  names,
  me,
}: {
  online: string[];
  names: Record<string, string>;
  me?: string;
}) {
  const { t } = useTranslation();
  const others = online.filter((id) => id !== me).map((id) => names[id] || '…');
  return (
    <p className="chat-presence muted" data-testid="chat-presence" data-count={others.length}>
      <span className={`chat-dot${others.length > 0 ? ' chat-dot-on' : ''}`} aria-hidden="true" />
      {others.length > 0
        ? t('negotiation.online', { names: others.join(', ') })
        : t('negotiation.nobodyOnline')}
    </p>
  );
}

export function TypingIndicator({ typing }: { typing: TypingPerson[] }) {
  const { t } = useTranslation();
  const names = typing.map((p) => p.name).filter(Boolean);
  return (
    <div className="chat-typing muted" aria-live="polite" data-testid="chat-typing">
      {names.length > 0 ? t('negotiation.typing', { names: names.join(', '), count: names.length }) : ' '}
    </div>
  );
}
