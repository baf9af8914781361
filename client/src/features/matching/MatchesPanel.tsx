import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { queryKeys } from '../../api/queryClient';
import { useLocale } from '../../labels';
import { Loading } from '../../ui/Loading';
import { MatchCard } from './MatchCard';
import { getMatches } from './matchingApi';
import './matching.css';

/** On a listing's page: the counterpart listings that best match it, with scores and reasons. */
export function MatchesPanel({ kind, id }: { kind: ListingKind; id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery({
    queryKey: queryKeys.matches(kind, id, locale),
    queryFn: ({ signal }) => getMatches(kind, id, locale, signal),
  });
  const matches = query.data?.matches;
  const imported = query.data?.imported ?? [];
  const failed = query.isError;

  // Matches are extra: a listing page without them is still whole.
  if (failed) return null;
  return (
    <section className="matches-panel" data-testid="matches-panel" aria-labelledby="matches-title">
      <h2 id="matches-title">
        {kind === 'offer' ? t('matching.titleForOffer') : t('matching.titleForDemand')}
      </h2>
      <p className="muted">{t('matching.explained')}</p>
      {!matches && <Loading />}
      {matches && matches.length === 0 && (
        <p className="empty-state" data-testid="matches-empty">
          {t('matching.empty')}
        </p>
      )}
      {matches && matches.length > 0 && (
        <ol className="matches" data-testid="matches">
          {matches.map((m) => (
            <MatchCard key={(m.offer ?? m.demand)?.id} match={m} />
          ))}
        </ol>
      )}
      {imported.length > 0 && (
        <>
          <h3 id="imported-matches-title">{t('matching.importedTitle')}</h3>
          <p className="muted">{t('matching.importedExplained')}</p>
          <ol className="matches" data-testid="imported-matches" aria-labelledby="imported-matches-title">
            {imported.map((m) => (
              <MatchCard key={(m.offer ?? m.demand)?.id} match={m} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
