import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** Where an online meeting is held: the exchange's own meeting room page, or a full address given from elsewhere. */
export function RoomLink({ url, testId }: { url: string; testId?: string }) {
  const { t } = useTranslation();
  if (url.startsWith('/'))
    return (
      <Link to={url} data-testid={testId}>
        {t('events.meeting.room')}
      </Link>
    );
  return (
    <a href={url} target="_blank" rel="noreferrer" data-testid={testId}>
      {t('events.meeting.room')}
    </a>
  );
}
