import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CAPABILITY_LEVELS } from '@contract/capability-criteria';
import { QueryStatus } from '../../api/QueryStatus';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AdminAssessmentsTable } from './AdminAssessmentsTable';
import { ChartFigure } from '../../ui/ChartFigure';
import {
  capabilityExportUrl,
  capabilityKeys,
  capabilitySummary,
  isSector,
  type SectorSummary,
} from './capabilityApi';
import { LevelsChart } from './LevelsChart';
import { SectorSelect } from './SectorSelect';
import { useCapabilityLabels } from './useCapabilityLabels';
import './capability.css';

/** `/admin/capabilities`: complete assessments summed up, verified one by one, exported. */
export function AdminCapabilitiesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('capability.admin.title'));
  const [params, setParams] = useSearchParams();
  const chosen = params.get('sector');
  const sector = isSector(chosen) ? chosen : '';
  const query = useQuery({
    queryKey: capabilityKeys.summary(sector),
    queryFn: ({ signal }) => capabilitySummary(sector, signal),
  });
  const s = query.data;
  return (
    <section className="capability-page">
      <h1>{t('capability.admin.title')}</h1>
      <p className="lead">{t('capability.admin.intro')}</p>
      <div className="capability-filter">
        <div>
          <label htmlFor="capability-admin-sector">{t('capability.sector')}</label>
          <SectorSelect
            id="capability-admin-sector"
            value={sector}
            onChange={(v) => setParams(v ? { sector: v } : {})}
            emptyLabel={t('capability.anySector')}
            testId="capability-admin-sector"
          />
        </div>
      </div>
      <QueryStatus query={query} />
      {s && (
        <>
          <Overview summary={s.overall} />
          <div className="capability-exports" role="group" aria-labelledby="capability-exports">
            <h2 id="capability-exports">{t('capability.admin.exports')}</h2>
            {(['csv', 'xlsx'] as const).map((format) => (
              <a
                key={format}
                className="btn btn-secondary"
                href={capabilityExportUrl(sector, format)}
                download
                data-testid={`capability-export-${format}`}
              >
                {format.toUpperCase()}
              </a>
            ))}
          </div>
          <div className="capability-grid">
            <LevelsFigure summary={s.overall} />
            <WeakestGroups summary={s.overall} />
          </div>
          <AdminAssessmentsTable assessments={s.assessments} />
        </>
      )}
    </section>
  );
}

function Overview({ summary }: { summary: SectorSummary }) {
  const { t } = useTranslation();
  const labels = useCapabilityLabels();
  return (
    <dl className="capability-figures" data-testid="capability-overview">
      <div>
        <dt>{t('capability.admin.count')}</dt>
        <dd>{summary.count.toLocaleString(labels.locale)}</dd>
      </div>
      <div>
        <dt>{t('capability.admin.verified')}</dt>
        <dd>{summary.verified.toLocaleString(labels.locale)}</dd>
      </div>
      <div>
        <dt>{t('capability.admin.averageScore')}</dt>
        <dd>{t('capability.scoreOf', { score: labels.points(summary.averages.total) })}</dd>
      </div>
    </dl>
  );
}

function LevelsFigure({ summary }: { summary: SectorSummary }) {
  const { t } = useTranslation();
  const labels = useCapabilityLabels();
  const rows = CAPABILITY_LEVELS.map((l) => ({ name: labels.level(l), count: summary.levels[l] }));
  return (
    <ChartFigure
      title={t('capability.admin.levelsChart')}
      testId="capability-levels-chart"
      table={{
        columns: [t('capability.level'), t('capability.admin.enterprises')],
        rows: rows.map((r) => [r.name, r.count]),
      }}
    >
      <LevelsChart rows={rows} label={t('capability.admin.enterprises')} />
    </ChartFigure>
  );
}

function WeakestGroups({ summary }: { summary: SectorSummary }) {
  const { t } = useTranslation();
  const labels = useCapabilityLabels();
  return (
    <section className="card" aria-labelledby="capability-admin-weakest">
      <h2 id="capability-admin-weakest">{t('capability.admin.weakest')}</h2>
      <p className="muted">{t('capability.admin.weakestHint')}</p>
      {summary.count === 0 ? (
        <p>{t('capability.admin.none')}</p>
      ) : (
        <ol data-testid="capability-admin-weakest">
          {summary.weakestGroups.map((w) => (
            <li key={w.group}>
              {labels.group(w.group)} — {labels.percent(w.ratio)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
