import { useTranslation } from 'react-i18next';

/**
 * Where an online meeting is held. The exchange has no meeting room page yet: a room it names by
 * a path of its own is shown as "online" (the parties meet by the contact they exchange); a full
 * address given from elsewhere is a link.
 */
export function RoomLink({ url, testId }: { url: string; testId?: string }) {
  const { t } = useTranslation();
  if (url.startsWith('/')) return <span data-testid={testId}>{t('events.meeting.online')}</span>;
  return (
    <a href={url} target="_blank" rel="noreferrer" data-testid={testId}>
      {t('events.meeting.room')}
    </a>
  );
}
