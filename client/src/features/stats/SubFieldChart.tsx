import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels';
import { ChartFigure } from '../../ui/ChartFigure';
import type { OperatorStats } from './statsApi';
import { BarsChart, EmptyChart } from './StatCharts';

/** How many sub-fields the chart draws (the table lists them all). */
export const TOP_SUB_FIELDS = 10;

type SubFieldRow = OperatorStats['subFields'][number];

/** Sub-fields by listings created in the period, most first (then by code). */
export const bySize = (rows: SubFieldRow[]) =>
  [...rows].sort(
    (a, b) => b.offers + b.demands - (a.offers + a.demands) || a.subField.localeCompare(b.subField),
  );

/** Offers against demands created in the period, in the sub-fields with the most listings. */
export function SubFieldChart({ rows }: { rows: SubFieldRow[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const sorted = bySize(rows);
  const top = sorted.slice(0, TOP_SUB_FIELDS).map((r) => ({ ...r, name: labels.subField(r.subField) }));
  if (rows.length === 0)
    return <EmptyChart title={t('stats.chart.subFields')} testId="stats-chart-subfields" />;
  return (
    <ChartFigure
      title={t('stats.chart.subFields')}
      testId="stats-chart-subfields"
      table={{
        columns: [
          t('stats.subField'),
          t('stats.offers'),
          t('stats.demands'),
          t('stats.offersPublished'),
          t('stats.demandsPublished'),
        ],
        rows: sorted.map((r) => [
          labels.subField(r.subField),
          r.offers,
          r.demands,
          r.offersPublished,
          r.demandsPublished,
        ]),
      }}
    >
      <BarsChart
        layout="vertical"
        height={Math.max(220, top.length * 44)}
        rows={top}
        series={[
          { key: 'offers', label: t('stats.offers') },
          { key: 'demands', label: t('stats.demands') },
        ]}
      />
    </ChartFigure>
  );
}
