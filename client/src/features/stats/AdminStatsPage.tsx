import { useQuery } from '@tanstack/react-query';
import './stats.css';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Link, useSearchParams } from 'react-router-dom';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { useLabels } from '../../labels';
import { ChartFigure } from '../../ui/ChartFigure';
import { BarsChart } from './StatCharts';
import { StatsRangeForm } from './StatsRangeForm';
import { OutcomesSection } from './OutcomesSection';
import { StatsTotals } from './StatsTotals';
import { StatsExports } from './StatsExports';
import { SubFieldChart } from './SubFieldChart';
import { TransferModeChart } from './TransferModeChart';
import { TransfersChart } from './TransfersChart';
import { operatorStats, rangeParams, withRange, type GroupBy, type OperatorStats } from './statsApi';
import { currencies, formatAmount, formatAmounts, lastMonth } from './statsFormat';

const GROUPS: GroupBy[] = ['month', 'field', 'province'];

/** `/admin/stats`: the exchange's figures of a period, compared with the period before. */
export function AdminStatsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  useDocumentTitle(t('stats.title'));
  const [params, setParams] = useSearchParams();
  const range = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const groupBy: GroupBy = GROUPS.find((g) => g === params.get('groupBy')) ?? 'month';
  const query = useQuery({
    queryKey: queryKeys.adminStats(range.from ?? '', range.to ?? '', groupBy),
    queryFn: ({ signal }) => operatorStats(range, groupBy, signal),
  });
  const s = query.data;
  const keyLabel = (key: string) =>
    groupBy === 'field' ? labels.field(key) : groupBy === 'province' ? labels.province(key) : key;

  function apply(next: { from?: string; to?: string; groupBy?: GroupBy }) {
    const p = rangeParams(next);
    if (next.groupBy && next.groupBy !== 'month') p.set('groupBy', next.groupBy);
    setParams(p);
  }

  return (
    <section className="stats-page">
      <h1>{t('stats.title')}</h1>
      <p className="lead">{t('stats.intro')}</p>
      <StatsRangeForm
        range={range}
        onApply={(r) => apply({ ...r, groupBy })}
        extra={
          <label>
            {t('stats.groupBy')}
            <select
              value={groupBy}
              onChange={(e) => apply({ ...range, groupBy: e.target.value as GroupBy })}
              data-testid="stats-group-by"
            >
              {GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`stats.group.${g}`)}
                </option>
              ))}
            </select>
          </label>
        }
      />
      <QueryStatus query={query} />
      {s && (
        <>
          <p data-testid="stats-period">
            {t('stats.period', { from: s.from.slice(0, 7), to: lastMonth(s.to), months: s.months })}{' '}
            {t('stats.previousPeriod', { from: s.previous.from.slice(0, 7), to: lastMonth(s.previous.to) })}
          </p>
          <StatsTotals stats={s} />
          <p className="muted" data-testid="stats-transfers-note">
            {t('stats.transfers.note')}
          </p>
          <p className="page-links">
            <Link to={withRange('/admin/stats/report', range)} data-testid="stats-report-link">
              {t('stats.printable.link')}
            </Link>
          </p>
          <StatsExports range={range} />
          <div className="stats-grid">
            <ChartFigure
              title={t(`stats.chart.series.${groupBy}`)}
              testId="stats-chart-series"
              table={{
                columns: [
                  t(`stats.group.${groupBy}`),
                  t('stats.offers'),
                  t('stats.demands'),
                  t('stats.funnel.dealsOpened'),
                  t('stats.funnel.agreed'),
                ],
                rows: s.series.map((r) => [keyLabel(r.key), r.offers, r.demands, r.dealsOpened, r.agreed]),
              }}
            >
              <BarsChart
                rows={s.series.map((r) => ({ ...r, name: keyLabel(r.key) }))}
                series={[
                  { key: 'offers', label: t('stats.offers') },
                  { key: 'demands', label: t('stats.demands') },
                  { key: 'dealsOpened', label: t('stats.funnel.dealsOpened') },
                  { key: 'agreed', label: t('stats.funnel.agreed') },
                ]}
              />
            </ChartFigure>
            <ChartFigure
              title={t('stats.chart.funnel')}
              testId="stats-chart-funnel"
              table={{
                columns: [t('stats.stage'), t('stats.count'), t('stats.conversion'), t('stats.medianDays')],
                rows: funnelRows(s, t).map((r) => [r.name, r.count, r.conversion, r.days]),
              }}
            >
              <BarsChart
                layout="vertical"
                rows={funnelRows(s, t)}
                series={[{ key: 'count', label: t('stats.count') }]}
              />
            </ChartFigure>
            <ChartFigure
              title={t('stats.chart.supplyDemand')}
              testId="stats-chart-supply"
              table={{
                columns: [t('stats.group.field'), t('stats.offersPublished'), t('stats.demandsPublished')],
                rows: s.supplyDemand.map((r) => [labels.field(r.field), r.offers, r.demands]),
              }}
            >
              <BarsChart
                layout="vertical"
                height={Math.max(220, s.supplyDemand.length * 40)}
                rows={s.supplyDemand.map((r) => ({ ...r, name: labels.field(r.field) }))}
                series={[
                  { key: 'offers', label: t('stats.offersPublished') },
                  { key: 'demands', label: t('stats.demandsPublished') },
                ]}
              />
            </ChartFigure>
            <ChartFigure
              title={t('stats.chart.valueByMonth')}
              testId="stats-chart-value"
              table={{
                columns: [t('stats.group.month'), ...currencies(s.agreedValueByMonth)],
                rows: Object.entries(s.agreedValueByMonth)
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([m, v]) => [
                    m,
                    ...currencies(s.agreedValueByMonth).map((c) => formatAmount(v[c] ?? 0, c, labels.locale)),
                  ]),
              }}
            >
              <BarsChart
                rows={Object.entries(s.agreedValueByMonth)
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([m, v]) => ({ name: m, ...v }))}
                series={currencies(s.agreedValueByMonth).map((c) => ({ key: c, label: c }))}
              />
            </ChartFigure>
            <TransfersChart transfers={s.transfers} />
            <SubFieldChart rows={s.subFields} />
            <TransferModeChart rows={s.transferModes} />
          </div>
          <div className="stats-grid">
            <section className="card">
              <h2>{t('stats.valueByField')}</h2>
              <ResponsiveTable testId="stats-value-by-field">
                <thead>
                  <tr>
                    <th scope="col">{t('stats.group.field')}</th>
                    <th scope="col">{t('stats.agreedValue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(s.agreedValueByField).map(([field, v]) => (
                    <tr key={field}>
                      <th scope="row">{labels.field(field)}</th>
                      <td>{formatAmounts(v, labels.locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </ResponsiveTable>
            </section>
            <OutcomesSection range={range} />
            <section className="card">
              <h2>{t('stats.brokers')}</h2>
              {s.brokers.length === 0 ? (
                <p>{t('stats.none')}</p>
              ) : (
                <ResponsiveTable testId="stats-brokers">
                  <thead>
                    <tr>
                      <th scope="col">{t('stats.broker')}</th>
                      <th scope="col">{t('stats.funnel.dealsOpened')}</th>
                      <th scope="col">{t('stats.funnel.closedWon')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.brokers.map((b) => (
                      <tr key={b.userId}>
                        <th scope="row">{b.name || b.userId}</th>
                        <td>{b.deals.toLocaleString(labels.locale)}</td>
                        <td>{b.closedWon.toLocaleString(labels.locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </ResponsiveTable>
              )}
            </section>
          </div>
        </>
      )}
    </section>
  );
}

function funnelRows(s: OperatorStats, t: (key: string) => string) {
  const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 1000) / 10}%`);
  const days = (d: number | null) => (d === null ? '–' : d);
  return [
    { name: t('stats.funnel.published'), count: s.funnel.published, conversion: '', days: '' },
    {
      name: t('stats.funnel.withBids'),
      count: s.funnel.withBids,
      conversion: pct(s.conversion.withBids),
      days: days(s.medianDays.firstBid),
    },
    {
      name: t('stats.funnel.dealsOpened'),
      count: s.funnel.dealsOpened,
      conversion: pct(s.conversion.dealsOpened),
      days: days(s.medianDays.dealOpened),
    },
    {
      name: t('stats.funnel.agreed'),
      count: s.funnel.agreed,
      conversion: pct(s.conversion.agreed),
      days: days(s.medianDays.agreed),
    },
    {
      name: t('stats.funnel.closedWon'),
      count: s.funnel.closedWon,
      conversion: pct(s.conversion.closedWon),
      days: days(s.medianDays.closedWon),
    },
  ];
}
