import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { useLabels } from '../../labels';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { EventFacts } from './EventFacts';
import { EventForm } from './EventForm';
import { eventTitle } from './eventText';
import { listEvents } from './eventsApi';
import { LoadMore } from './LoadMore';
import { usePagedList } from './usePagedList';
import './events.css';

/** `/admin/events`: operators create fairs and open each one's registrations and report. */
export function AdminEventsPage() {
  const { t } = useTranslation();
  const { locale } = useLabels();
  const navigate = useNavigate();
  useDocumentTitle(t('events.admin.title'));
  const list = usePagedList([...queryKeys.events, 'list'], listEvents, (p) => p.events);
  const { query, items: events } = list;
  return (
    <section className="admin-events-page">
      <h1>{t('events.admin.title')}</h1>
      <p className="muted">{t('events.admin.intro')}</p>
      <h2>{t('events.admin.list')}</h2>
      <QueryStatus query={query} />
      {events?.length === 0 && <p className="empty-state">{t('events.empty')}</p>}
      {events && events.length > 0 && (
        <ul className="event-list" data-testid="admin-event-list">
          {events.map((event) => (
            <li key={event.id} className="card">
              <h3 className="item-title">
                <Link to={`/admin/events/${event.id}`} data-testid={`admin-event-${event.id}`}>
                  {eventTitle(event, locale)}
                </Link>
              </h3>
              <EventFacts event={event} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={list} testId="admin-events-more" />
      <EventForm onSaved={(id) => navigate(`/admin/events/${id}`)} />
    </section>
  );
}
