import { useQuery } from '@tanstack/react-query';
import './stats.css';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useLabels } from '../../labels';
import { ChartFigure } from '../../ui/ChartFigure';
import { BarsChart } from './StatCharts';
import { StatsRangeForm } from './StatsRangeForm';
import { openDataCsvUrl, publicStats } from './statsApi';

/** `/open-data`: the exchange's public figures, for journalists and other cities. */
export function OpenDataPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  useDocumentTitle(t('openData.title'));
  const [params, setParams] = useSearchParams();
  const range = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const query = useQuery({
    queryKey: queryKeys.publicStats(range.from ?? '', range.to ?? ''),
    queryFn: ({ signal }) => publicStats(range, signal),
  });
  const s = query.data;
  const n = (v: number) => v.toLocaleString(i18n.resolvedLanguage);
  const columns = [
    t('stats.offersPublished'),
    t('stats.demandsPublished'),
    t('stats.funnel.dealsOpened'),
    t('stats.transfers.agreementsSigned'),
    t('stats.transfers.transfersCompleted'),
  ];
  const series = [
    { key: 'offers', label: t('stats.offersPublished') },
    { key: 'demands', label: t('stats.demandsPublished') },
    { key: 'dealsOpened', label: t('stats.funnel.dealsOpened') },
    { key: 'agreementsSigned', label: t('stats.transfers.agreementsSigned') },
    { key: 'transfersCompleted', label: t('stats.transfers.transfersCompleted') },
  ];
  return (
    <section className="stats-page">
      <h1>{t('openData.title')}</h1>
      <p className="lead">{t('openData.intro')}</p>
      <StatsRangeForm
        range={range}
        onApply={(r) =>
          setParams(Object.fromEntries(Object.entries(r).filter(([, v]) => v)) as Record<string, string>)
        }
      />
      <QueryStatus query={query} />
      {s && (
        <>
          <dl className="stats-figures" data-testid="open-data-totals">
            {(
              [
                [t('stats.offersPublished'), n(s.totals.offersPublished)],
                [t('stats.demandsPublished'), n(s.totals.demandsPublished)],
                [t('stats.funnel.dealsOpened'), n(s.totals.dealsOpened)],
                [t('stats.transfers.agreementsSigned'), n(s.totals.agreementsSigned)],
                [t('stats.transfers.transfersCompleted'), n(s.totals.transfersCompleted)],
                ...(s.totals.agreedValue
                  ? [
                      [
                        t('stats.agreedValue'),
                        Object.entries(s.totals.agreedValue)
                          .map(([c, v]) => `${n(v)} ${c}`)
                          .join(' · '),
                      ],
                    ]
                  : []),
              ] as [string, string][]
            ).map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">{t('openData.privacy')}</p>
          <p>
            <a
              className="button secondary"
              href={openDataCsvUrl(range, 'month')}
              download
              data-testid="open-data-csv-month"
            >
              {t('openData.csvByMonth')}
            </a>{' '}
            <a
              className="button secondary"
              href={openDataCsvUrl(range, 'field')}
              download
              data-testid="open-data-csv-field"
            >
              {t('openData.csvByField')}
            </a>
          </p>
          <div className="stats-grid">
            <ChartFigure
              title={t('stats.chart.series.month')}
              testId="open-data-chart-month"
              table={{
                columns: [t('stats.group.month'), ...columns],
                rows: s.byMonth.map((r) => [
                  r.key,
                  r.offers,
                  r.demands,
                  r.dealsOpened,
                  r.agreementsSigned,
                  r.transfersCompleted,
                ]),
              }}
            >
              <BarsChart rows={s.byMonth.map((r) => ({ ...r, name: r.key }))} series={series} />
            </ChartFigure>
            <ChartFigure
              title={t('stats.chart.series.field')}
              testId="open-data-chart-field"
              table={{
                columns: [t('stats.group.field'), ...columns],
                rows: s.byField.map((r) => [
                  labels.field(r.key),
                  r.offers,
                  r.demands,
                  r.dealsOpened,
                  r.agreementsSigned,
                  r.transfersCompleted,
                ]),
              }}
            >
              <BarsChart
                layout="vertical"
                height={Math.max(220, s.byField.length * 44)}
                rows={s.byField.map((r) => ({ ...r, name: labels.field(r.key) }))}
                series={series}
              />
            </ChartFigure>
          </div>
        </>
      )}
    </section>
  );
}
