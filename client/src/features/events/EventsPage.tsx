import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { useLabels } from '../../labels';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { EventFacts } from './EventFacts';
import { eventTitle } from './eventText';
import { listEvents } from './eventsApi';
import { LoadMore } from './LoadMore';
import { usePagedList } from './usePagedList';
import './events.css';

/** `/events`: technology fairs and brokerage events, upcoming and running ones first. */
export function EventsPage() {
  const { t } = useTranslation();
  const { locale } = useLabels();
  useDocumentTitle(t('events.title'));
  const list = usePagedList([...queryKeys.events, 'list'], listEvents, (p) => p.events);
  const { query, items: events } = list;
  return (
    <section className="events-page">
      <h1>{t('events.title')}</h1>
      <p className="muted">{t('events.intro')}</p>
      <QueryStatus query={query} />
      {events && events.length === 0 && (
        <p className="empty-state" data-testid="events-empty">
          {t('events.empty')}
        </p>
      )}
      {events && events.length > 0 && (
        <ul className="event-list" data-testid="event-list">
          {events.map((event) => (
            <li key={event.id} className="card" data-testid={`event-${event.id}`}>
              <h2 className="item-title">
                <Link to={`/events/${event.id}`}>{eventTitle(event, locale)}</Link>
              </h2>
              <EventFacts event={event} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={list} testId="events-more" />
    </section>
  );
}
