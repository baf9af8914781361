import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { listingHref } from '../listings';
import { eventProgramme, type ProgrammeSession } from './programmeApi';

export const sessionTitle = (s: ProgrammeSession, locale: string) =>
  locale === 'en' && s.titleEn ? s.titleEn : s.title;

/** One session: when, where, who pitches and what. */
export function SessionFacts({ session }: { session: ProgrammeSession }) {
  const { t } = useTranslation();
  const { locale } = useLabels();
  return (
    <>
      <span className="session-time">
        {formatDateTime(session.startsAt, locale)} – {formatDateTime(session.endsAt, locale)}
      </span>{' '}
      <strong>{sessionTitle(session, locale)}</strong>
      <div className="muted">
        {session.online ? t('events.programme.online') : t('events.programme.inRoom', { room: session.room })}
        {' · '}
        <Link to={`/organizations/${session.speaker.id}`}>{session.speaker.name}</Link>
        {session.listing && (
          <>
            {' · '}
            <Link to={listingHref(session.listing.kind, session.listing.id)}>{session.listing.title}</Link>
          </>
        )}
      </div>
    </>
  );
}

/** The event's programme of pitch sessions, in time order (shown only when it has sessions). */
export function ProgrammeList({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: queryKeys.eventProgramme(eventId),
    queryFn: ({ signal }) => eventProgramme(eventId, signal),
  });
  const sessions = query.data?.sessions;
  if (query.isSuccess && sessions?.length === 0) return null;
  return (
    <section className="programme" data-testid="programme">
      <h2>{t('events.programme.title')}</h2>
      <QueryStatus query={query} />
      {sessions && (
        <ol className="programme-sessions">
          {sessions.map((s) => (
            <li key={s.id} data-testid={`session-${s.id}`}>
              <SessionFacts session={s} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
