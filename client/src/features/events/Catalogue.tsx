import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { ExhibitorCard } from './ExhibitorCard';
import { eventCatalogue } from './eventsApi';
import { LoadMore } from './LoadMore';
import { usePagedList } from './usePagedList';

/** The event's approved exhibitors, searchable; an approved participant may ask the others to meet. */
export function Catalogue({ eventId, myOrgId }: { eventId: string; myOrgId: string | undefined }) {
  const { t } = useTranslation();
  const [words, setWords] = useState('');
  const [q, setQ] = useState('');
  const list = usePagedList(
    queryKeys.eventCatalogue(eventId, q),
    (page, signal) => eventCatalogue(eventId, q, page, signal),
    (p) => p.exhibitors,
  );
  const { query, items: exhibitors } = list;
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(words.trim());
  };
  return (
    <section className="event-catalogue" aria-labelledby="catalogue-title" data-testid="catalogue">
      <h2 id="catalogue-title">{t('events.catalogue.title')}</h2>
      <form role="search" className="catalogue-search" onSubmit={search}>
        <label htmlFor="catalogue-q" className="visually-hidden">
          {t('events.catalogue.search')}
        </label>
        <input
          id="catalogue-q"
          type="search"
          value={words}
          onChange={(e) => setWords(e.target.value)}
          placeholder={t('events.catalogue.search')}
          data-testid="catalogue-q"
        />
        <button type="submit" className="btn btn-secondary" data-testid="catalogue-submit">
          {t('search.submit')}
        </button>
      </form>
      <QueryStatus query={query} />
      {exhibitors?.length === 0 && (
        <p className="empty-state" data-testid="catalogue-empty">
          {t('events.catalogue.empty')}
        </p>
      )}
      {exhibitors && exhibitors.length > 0 && (
        <ul className="exhibitors">
          {exhibitors.map((x) => (
            <ExhibitorCard
              key={x.organization.id}
              eventId={eventId}
              exhibitor={x}
              canMeet={!!myOrgId && x.organization.id !== myOrgId}
            />
          ))}
        </ul>
      )}
      <LoadMore list={list} testId="catalogue-more" />
    </section>
  );
}
