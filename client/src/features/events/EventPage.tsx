import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { useLabels } from '../../labels';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth';
import { AgendaPanel } from './AgendaPanel';
import { Catalogue } from './Catalogue';
import { EventCancelledNotice } from './EventCancelledNotice';
import { EventFacts } from './EventFacts';
import { ProgrammeList } from './ProgrammeList';
import { RegistrationPanel } from './RegistrationPanel';
import { SuggestedMeetings } from './SuggestedMeetings';
import { eventDescription, eventTitle } from './eventText';
import { getEvent, myRegistration } from './eventsApi';
import './events.css';

/** `/events/:id`: an event, the user's registration, the exhibitors' catalogue and the user's agenda. */
export function EventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { locale, field } = useLabels();
  const { user } = useAuth();
  const query = useQuery({ queryKey: queryKeys.event(id), queryFn: ({ signal }) => getEvent(id, signal) });
  const registrationQuery = useQuery({
    queryKey: queryKeys.eventRegistration(id),
    queryFn: ({ signal }) => myRegistration(id, signal),
    enabled: !!user?.organization,
  });
  const event = query.data;
  const registration = registrationQuery.data;
  const approved = registration?.status === 'approved' ? registration : undefined;
  useDocumentTitle(event ? eventTitle(event, locale) : t('events.title'));

  if (!event) {
    return (
      <section>
        <h1>{t('events.title')}</h1>
        <QueryStatus query={query} />
      </section>
    );
  }
  return (
    <section className="event-page" data-testid="event-page" data-phase={event.phase}>
      <h1>{eventTitle(event, locale)}</h1>
      <EventCancelledNotice event={event} />
      <div className={`event-layout${approved ? ' with-agenda' : ''}`}>
        {approved && <AgendaPanel eventId={id} registration={approved} />}
        <div className="event-main">
          <EventFacts event={event} />
          {event.fields.length > 0 && <p className="muted">{event.fields.map(field).join(' · ')}</p>}
          {eventDescription(event, locale) && (
            <p className="event-description">{eventDescription(event, locale)}</p>
          )}
          <RegistrationPanel event={event} registration={user?.organization ? registration : null} />
          <ProgrammeList eventId={id} />
          {approved && (
            <SuggestedMeetings
              eventId={id}
              canMeet={event.status !== 'cancelled' && event.phase !== 'ended'}
            />
          )}
          <Catalogue eventId={id} myOrgId={approved?.organization.id} />
        </div>
      </div>
    </section>
  );
}
