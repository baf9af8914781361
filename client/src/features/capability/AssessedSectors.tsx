import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CAPABILITY_CRITERIA } from '@contract/capability-criteria';
import { capabilityKeys, ownAssessments } from './capabilityApi';
import { LevelBadge } from './LevelBadge';
import { useCapabilityLabels } from './useCapabilityLabels';

/** The sectors the enterprise has begun or finished assessing, to resume one. */
export function AssessedSectors({ orgId, current }: { orgId: string; current: string }) {
  const { t } = useTranslation();
  const labels = useCapabilityLabels();
  const query = useQuery({
    queryKey: capabilityKeys.allOwn(orgId),
    queryFn: ({ signal }) => ownAssessments(orgId, signal),
  });
  // Only a help for resuming: the page works without it.
  if (!query.data?.length) return null;
  return (
    <section className="capability-assessed" aria-labelledby="capability-assessed">
      <h2 id="capability-assessed">{t('capability.yourAssessments')}</h2>
      <ul data-testid="capability-assessed">
        {query.data.map((a) => (
          <li key={a.sector}>
            <Link
              to={`/capability?sector=${a.sector}`}
              aria-current={a.sector === current ? 'page' : undefined}
            >
              {labels.sector(a.sector)}
            </Link>{' '}
            {a.level ? (
              <LevelBadge level={a.level} />
            ) : (
              <span className="muted">
                {t('capability.answeredOf', { answered: a.answered, total: CAPABILITY_CRITERIA.length })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
