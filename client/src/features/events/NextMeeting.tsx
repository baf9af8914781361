import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { RoomLink } from './RoomLink';
import type { Meeting } from './eventTypes';

/** The next scheduled meeting still to end, shown first. */
export function NextMeeting({ meetings }: { meetings: Meeting[] }) {
  const { t } = useTranslation();
  const { locale } = useLabels();
  const now = Date.now();
  const next = meetings.find((m) => m.status === 'accepted' && m.endsAt && Date.parse(m.endsAt) > now);
  if (!next) return null;
  const other = next.myRole === 'requester' ? next.invitee : next.requester;
  return (
    <p className="next-meeting" data-testid="next-meeting">
      <strong>{t('events.agenda.next')}:</strong> {formatDateTime(next.startsAt, locale)} · {other.name} ·{' '}
      {next.roomUrl ? <RoomLink url={next.roomUrl} /> : t('events.meeting.table', { n: next.table })}
    </p>
  );
}
