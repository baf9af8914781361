import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPABILITY_CRITERIA, CAPABILITY_GROUPS } from '@contract/capability-criteria';
import { Notice } from '../../ui/Notice';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { VerifiedBadge } from '../../ui/VerifiedBadge';
import type { Assessment } from './capabilityApi';
import { GroupRadar } from './GroupRadar';
import { LevelBadge } from './LevelBadge';
import { useCapabilityLabels } from './useCapabilityLabels';

/** How many of the weakest groups the results name. */
const WEAKEST_SHOWN = 2;

/** An assessment's results: points per group and overall, the coefficient, the level, the weakest groups. */
export function CapabilityResults({
  assessment: a,
  headingRef,
}: {
  assessment: Assessment;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const labels = useCapabilityLabels();
  const avg = a.sectorAverage;
  return (
    <section
      className="capability-results"
      data-testid="capability-results"
      aria-labelledby="capability-results"
    >
      <h2 id="capability-results" ref={headingRef} tabIndex={-1}>
        {t('capability.results')}
      </h2>
      {!a.complete && (
        <Notice tone="info" testId="capability-incomplete">
          {t('capability.incomplete', { answered: a.answered, total: CAPABILITY_CRITERIA.length })}
        </Notice>
      )}
      <dl className="capability-figures">
        <div>
          <dt>{t('capability.score')}</dt>
          <dd data-testid="capability-score">{t('capability.scoreOf', { score: labels.points(a.score) })}</dd>
        </div>
        {a.level && (
          <div>
            <dt>{t('capability.level')}</dt>
            <dd>
              <LevelBadge level={a.level} testId="capability-level" />{' '}
              <VerifiedBadge verified={a.verified} testId="capability-verified" />
            </dd>
          </div>
        )}
        {a.synchronisation !== null && (
          <div>
            <dt>{t('capability.synchronisation')}</dt>
            <dd data-testid="capability-sync">
              {a.synchronisation.toLocaleString(labels.locale, { maximumFractionDigits: 3 })}
            </dd>
          </div>
        )}
      </dl>
      {a.synchronisation !== null && <p className="muted">{t('capability.synchronisationHint')}</p>}
      {a.weakestGroups.length > 0 && (
        <>
          <h3>{t('capability.weakestGroups')}</h3>
          <p className="muted">{t('capability.weakestHint')}</p>
          <ol data-testid="capability-weakest">
            {a.weakestGroups.slice(0, WEAKEST_SHOWN).map((g) => (
              <li key={g}>
                {labels.group(g)} — {labels.percent(a.groups[g].ratio)}
              </li>
            ))}
          </ol>
        </>
      )}
      <ResponsiveTable testId="capability-groups" caption={t('capability.byGroup')}>
        <thead>
          <tr>
            <th scope="col">{t('capability.group')}</th>
            <th scope="col">{t('capability.answered')}</th>
            <th scope="col">{t('capability.points')}</th>
            <th scope="col">{t('capability.share')}</th>
            {avg && <th scope="col">{t('capability.sectorAverage', { count: avg.count })}</th>}
          </tr>
        </thead>
        <tbody>
          {CAPABILITY_GROUPS.map((g) => (
            <tr key={g} data-testid={`capability-group-score-${g}`}>
              <th scope="row">{labels.group(g)}</th>
              <td>
                {a.groups[g].answered}/{a.groups[g].criteria}
              </td>
              <td>
                {labels.points(a.groups[g].score)}/{a.groups[g].max}
              </td>
              <td>{labels.percent(a.groups[g].ratio)}</td>
              {avg && <td>{labels.points(avg.groups[g])}</td>}
            </tr>
          ))}
        </tbody>
      </ResponsiveTable>
      <GroupRadar assessment={a} />
      {!avg && <p className="muted">{t('capability.noSectorAverage')}</p>}
    </section>
  );
}
