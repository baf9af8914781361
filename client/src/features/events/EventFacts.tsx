import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import type { FairEvent } from './eventTypes';

/** When and where an event is held, and until when organizations may register. */
export function EventFacts({ event }: { event: FairEvent }) {
  const { t } = useTranslation();
  const { locale } = useLabels();
  return (
    <dl className="event-facts">
      <dt>{t('events.when')}</dt>
      <dd data-testid="event-dates">
        {formatDateTime(event.startsAt, locale)} – {formatDateTime(event.endsAt, locale)}
      </dd>
      <dt>{t('events.where')}</dt>
      <dd data-testid="event-mode" data-online={event.online}>
        {event.online ? t('events.online') : t('events.onSite')}
        {event.venue && ` · ${event.venue}`}
      </dd>
      <dt>{t('events.registrationCloses')}</dt>
      <dd>
        {formatDateTime(event.registrationClosesAt, locale)}
        {' · '}
        <span data-testid="event-phase" data-phase={event.phase}>
          {t(`events.phase.${event.phase}`)}
        </span>
      </dd>
    </dl>
  );
}
