import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { useLocale } from '../../labels';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { StatsRangeForm } from './StatsRangeForm';
import { ReportTotals } from './ReportTotals';
import { ReportByField, ReportByMode, ReportBySubField } from './ReportTables';
import { operatorStats, rangeParams, withRange, type OperatorStats, type StatsRange } from './statsApi';
import { lastMonth } from './statsFormat';
import './stats.css';
import './report.css';

/** The statistics of `range` grouped by field (the report's tables are by field). */
function useFieldStats(range: StatsRange | undefined) {
  return useQuery({
    queryKey: queryKeys.adminStats(range?.from ?? '', range?.to ?? '', 'field'),
    queryFn: ({ signal }) => operatorStats(range!, 'field', signal),
    enabled: range !== undefined,
  });
}

/** The months of the period of the same length right before the one `s` covers. */
const previousRange = (s: OperatorStats): StatsRange => ({
  from: s.previous.from.slice(0, 7),
  to: lastMonth(s.previous.to),
});

/**
 * `/admin/stats/report`: the periodic report an exchange files with its Department of Science and
 * Technology — totals against the previous period, then by field, by transfer mode and by
 * sub-field — laid out to be printed.
 */
export function StatsReportPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t('stats.printable.title'));
  const [params, setParams] = useSearchParams();
  const range = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const query = useFieldStats(range);
  const s = query.data;
  const before = useFieldStats(s && previousRange(s));
  const month = (iso: string) =>
    new Date(`${iso.slice(0, 7)}-01T00:00:00Z`).toLocaleDateString(locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  const name = t('app.name');
  return (
    <article className="stats-report">
      <header className="stats-report-header">
        <p className="stats-report-recipient">{t('stats.printable.recipient')}</p>
        <h1>{t('stats.printable.heading', { name })}</h1>
        {s && (
          <p data-testid="report-period">
            {t('stats.printable.period', {
              from: month(s.from),
              to: month(lastMonth(s.to)),
              count: s.months,
            })}
          </p>
        )}
      </header>
      <div className="stats-report-controls">
        <StatsRangeForm range={range} onApply={(r) => setParams(rangeParams(r))} />
        <p className="button-row">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => window.print()}
            data-testid="report-print"
          >
            {t('stats.printable.print')}
          </button>
          <Link to={withRange('/admin/stats', range)} data-testid="report-back">
            {t('stats.printable.back')}
          </Link>
        </p>
      </div>
      <QueryStatus query={query} />
      {s && (
        <>
          <QueryStatus query={before} />
          <ReportTotals stats={s} previous={before.data} />
          {before.data && (
            <p className="muted stats-report-note">
              {t('stats.printable.previousPeriod', {
                from: month(before.data.from),
                to: month(lastMonth(before.data.to)),
              })}
            </p>
          )}
          <ReportByField stats={s} />
          <ReportByMode stats={s} />
          <ReportBySubField stats={s} />
          <p className="muted stats-report-note">
            {t('stats.printable.prepared', {
              name,
              date: new Date().toLocaleDateString(locale, { dateStyle: 'long' }),
            })}
          </p>
        </>
      )}
    </article>
  );
}
