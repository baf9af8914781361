import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { MeetingItem } from './MeetingItem';
import { NextMeeting } from './NextMeeting';
import { agendaCalendarHref, myAgenda } from './eventsApi';
import type { Meeting, Registration } from './eventTypes';

/** An approved participant's meetings: asked of it, awaiting an answer, and scheduled. */
export function AgendaPanel({ eventId, registration }: { eventId: string; registration: Registration }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: queryKeys.eventAgenda(eventId),
    queryFn: ({ signal }) => myAgenda(eventId, signal),
  });
  const agenda = query.data;
  const myOrgId = registration.organization.id;
  const myListingIds = new Set(registration.listings.map((l) => l.id));
  const list = (meetings: Meeting[], testId: string, title: string) =>
    meetings.length > 0 && (
      <section data-testid={testId}>
        <h3>{title}</h3>
        <ul className="meetings">
          {meetings.map((m) => (
            <MeetingItem key={m.id} meeting={m} myOrgId={myOrgId} myListingIds={myListingIds} />
          ))}
        </ul>
      </section>
    );
  return (
    <section className="agenda card" aria-labelledby="agenda-title" data-testid="agenda">
      <h2 id="agenda-title">{t('events.agenda.title')}</h2>
      <p>
        <a href={agendaCalendarHref(eventId)} download data-testid="agenda-ics">
          {t('events.agenda.download')}
        </a>
      </p>
      <QueryStatus query={query} />
      {agenda && (
        <>
          <NextMeeting meetings={agenda.meetings} />
          {list(
            agenda.pending.filter((m) => m.myRole === 'invitee'),
            'agenda-requests',
            t('events.agenda.requests'),
          )}
          {list(
            agenda.pending.filter((m) => m.myRole === 'requester'),
            'agenda-waiting',
            t('events.agenda.waiting'),
          )}
          {list(agenda.meetings, 'agenda-scheduled', t('events.agenda.scheduled'))}
          {agenda.meetings.length === 0 && agenda.pending.length === 0 && (
            <p className="empty-state" data-testid="agenda-empty">
              {t('events.agenda.empty')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
