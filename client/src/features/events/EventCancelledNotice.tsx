import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/Notice';
import type { FairEvent } from './eventTypes';

/** A cancelled event says so, with the organizers' reason. */
export function EventCancelledNotice({ event }: { event: FairEvent }) {
  const { t } = useTranslation();
  if (event.status !== 'cancelled') return null;
  return (
    <Notice tone="warning" testId="event-cancelled">
      {t('events.cancelledNotice')}
      {event.cancelReason && ` ${t('events.register.reason')}: ${event.cancelReason}`}
    </Notice>
  );
}
