import { useTranslation } from 'react-i18next';
import type { MeetingRoomPerson } from '@contract/socket-events';

export interface MeetingSides {
  requester: string;
  invitee: string;
}

/** Who of each of the meeting's two organizations is in the room now (and operators looking in). */
export function MeetingPresence({ present, sides }: { present: MeetingRoomPerson[]; sides: MeetingSides }) {
  const { t } = useTranslation();
  const operators = present.filter((p) => p.side === 'admin');
  return (
    <ul className="meeting-presence" data-testid="meeting-presence">
      {(['requester', 'invitee'] as const).map((side) => {
        const here = present.filter((p) => p.side === side);
        return (
          <li key={side} data-testid={`presence-${side}`} data-count={here.length}>
            <span className={`chat-dot${here.length > 0 ? ' chat-dot-on' : ''}`} aria-hidden="true" />
            <span>
              <strong>{sides[side]}</strong>:{' '}
              {here.length > 0
                ? t('negotiation.meeting.here', { names: here.map((p) => p.name).join(', ') })
                : t('negotiation.meeting.away')}
            </span>
          </li>
        );
      })}
      {operators.length > 0 && (
        <li data-testid="presence-admin">
          {t('negotiation.meeting.operators', { names: operators.map((p) => p.name).join(', ') })}
        </li>
      )}
    </ul>
  );
}
