import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { useLabels } from '../../labels';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { EventFacts } from './EventFacts';
import { EventAdminActions } from './EventAdminActions';
import { EventReportView } from './EventReportView';
import { ProgrammeEditor } from './ProgrammeEditor';
import { LoadMore } from './LoadMore';
import { usePagedList } from './usePagedList';
import { RegistrationRow } from './RegistrationRow';
import { eventTitle } from './eventText';
import { eventRegistrations, getEvent } from './eventsApi';
import './events.css';

/** `/admin/events/:id`: an event's registrations to decide, and its report. */
export function AdminEventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { locale } = useLabels();
  const eventQuery = useQuery({
    queryKey: queryKeys.event(id),
    queryFn: ({ signal }) => getEvent(id, signal),
  });
  const list = usePagedList(
    queryKeys.eventRegistrations(id),
    (page, signal) => eventRegistrations(id, page, signal),
    (p) => p.registrations,
  );
  const { query, items: registrations } = list;
  const event = eventQuery.data;
  useDocumentTitle(event ? eventTitle(event, locale) : t('events.admin.title'));
  return (
    <section className="admin-event-page" data-testid="admin-event-page">
      <p>
        <Link to="/admin/events">{t('events.admin.back')}</Link>
      </p>
      <h1>{event ? eventTitle(event, locale) : t('events.admin.title')}</h1>
      <QueryStatus query={eventQuery} />
      {event && (
        <>
          <EventFacts event={event} />
          <p>
            <Link to={`/events/${id}`}>{t('events.admin.publicPage')}</Link>
          </p>
          <EventAdminActions key={event.id + event.status} event={event} />
        </>
      )}
      <h2>{t('events.admin.registrations')}</h2>
      <QueryStatus query={query} />
      {registrations?.length === 0 && <p className="empty-state">{t('events.admin.noRegistrations')}</p>}
      {registrations && registrations.length > 0 && (
        <ul className="registrations" data-testid="registrations">
          {registrations.map((r) => (
            <RegistrationRow key={r.id} eventId={id} registration={r} />
          ))}
        </ul>
      )}
      <LoadMore list={list} testId="registrations-more" />
      {event && (
        <ProgrammeEditor
          event={event}
          speakers={(registrations ?? []).filter((r) => r.status === 'approved')}
        />
      )}
      <EventReportView eventId={id} />
    </section>
  );
}
