import { useQuery } from '@tanstack/react-query';
import './stats.css';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { useLabels } from '../../labels';
import { ChartFigure } from '../../ui/ChartFigure';
import { BarsChart } from './StatCharts';
import { StatsRangeForm } from './StatsRangeForm';
import { OutcomesSection } from './OutcomesSection';
import { exportUrl, operatorStats, type GroupBy, type OperatorStats, type ReportName } from './statsApi';

const GROUPS: GroupBy[] = ['month', 'field', 'province'];
const REPORTS: ReportName[] = ['listings', 'deals', 'fees', 'funnel'];

/** `/admin/stats`: the exchange's figures of a period, compared with the period before. */
export function AdminStatsPage() {
  const { t, i18n } = useTranslation();
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
  const n = (v: number) => v.toLocaleString(i18n.resolvedLanguage);
  const keyLabel = (key: string) =>
    groupBy === 'field' ? labels.field(key) : groupBy === 'province' ? labels.province(key) : key;

  function apply(next: { from?: string; to?: string; groupBy?: GroupBy }) {
    const p = new URLSearchParams();
    if (next.from) p.set('from', next.from);
    if (next.to) p.set('to', next.to);
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
          <Totals stats={s} />
          <div className="stats-exports" role="group" aria-label={t('stats.exports')}>
            <h2>{t('stats.exports')}</h2>
            <ul>
              {REPORTS.map((report) => (
                <li key={report}>
                  {t(`stats.report.${report}`)}:{' '}
                  {(['csv', 'xlsx'] as const).map((format) => (
                    <a
                      key={format}
                      className="button secondary"
                      href={exportUrl(range, report, format)}
                      download
                      data-testid={`stats-export-${report}-${format}`}
                    >
                      {format.toUpperCase()}
                    </a>
                  ))}
                </li>
              ))}
            </ul>
          </div>
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
                  .map(([m, v]) => [m, ...currencies(s.agreedValueByMonth).map((c) => v[c] ?? 0)]),
              }}
            >
              <BarsChart
                rows={Object.entries(s.agreedValueByMonth)
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([m, v]) => ({ name: m, ...v }))}
                series={currencies(s.agreedValueByMonth).map((c) => ({ key: c, label: c }))}
              />
            </ChartFigure>
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
                      <td>{money(v, n)}</td>
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
                        <td>{n(b.deals)}</td>
                        <td>{n(b.closedWon)}</td>
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

const lastMonth = (isoTo: string) => {
  const d = new Date(isoTo);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

const currencies = (byKey: Record<string, Record<string, number>>) =>
  [...new Set(Object.values(byKey).flatMap((v) => Object.keys(v)))].sort();

const money = (v: Record<string, number>, n: (x: number) => string) =>
  Object.entries(v)
    .map(([cur, amount]) => `${n(amount)} ${cur}`)
    .join(' · ') || '0';

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

/** The period's totals beside the previous period's, with the change. */
function Totals({ stats: s }: { stats: OperatorStats }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => v.toLocaleString(i18n.resolvedLanguage);
  const change = (now: number, before: number) => {
    if (before === 0) return now === 0 ? '±0' : t('stats.new');
    const pct = Math.round(((now - before) / before) * 100);
    return `${pct > 0 ? '+' : ''}${pct}%`;
  };
  const rows: [string, string, number, number][] = [
    ['offers', t('stats.offers'), s.offers.total, s.previous.offers],
    ['demands', t('stats.demands'), s.demands.total, s.previous.demands],
    ['published', t('stats.funnel.published'), s.funnel.published, s.previous.funnel.published],
    ['dealsOpened', t('stats.funnel.dealsOpened'), s.funnel.dealsOpened, s.previous.funnel.dealsOpened],
    ['agreed', t('stats.funnel.agreed'), s.funnel.agreed, s.previous.funnel.agreed],
    ['closedWon', t('stats.funnel.closedWon'), s.funnel.closedWon, s.previous.funnel.closedWon],
    ['fees', t('stats.paidFees'), s.paidFees.count, s.previous.paidFees.count],
  ];
  return (
    <ResponsiveTable className="stats-totals" testId="stats-totals" caption={t('stats.totals')}>
      <thead>
        <tr>
          <th scope="col">{t('stats.figure')}</th>
          <th scope="col">{t('stats.thisPeriod')}</th>
          <th scope="col">{t('stats.previous')}</th>
          <th scope="col">{t('stats.change')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, label, now, before]) => (
          <tr key={key} data-testid={`stats-total-${key}`}>
            <th scope="row">{label}</th>
            <td>{n(now)}</td>
            <td>{n(before)}</td>
            <td>{change(now, before)}</td>
          </tr>
        ))}
        <tr data-testid="stats-total-value">
          <th scope="row">{t('stats.agreedValue')}</th>
          <td>{money(s.dealValue, n)}</td>
          <td>{money(s.previous.dealValue, n)}</td>
          <td />
        </tr>
        <tr data-testid="stats-total-fee-amount">
          <th scope="row">{t('stats.paidFeeAmount')}</th>
          <td>{money(s.paidFees.byCurrency, n)}</td>
          <td>{money(s.previous.paidFees.byCurrency, n)}</td>
          <td />
        </tr>
      </tbody>
    </ResponsiveTable>
  );
}
