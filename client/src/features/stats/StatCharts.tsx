import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';

export interface ChartSeries {
  key: string;
  label: string;
}

const COLORS = ['#1f5fa8', '#c2571a', '#2e7d4f', '#7b3fa0', '#8a6d00'];

/** Bars of several series per category (`rows[i].name` is the category's label). */
export function BarsChart({
  rows,
  series,
  layout = 'horizontal',
  height = 280,
}: {
  rows: object[];
  series: ChartSeries[];
  layout?: 'horizontal' | 'vertical';
  height?: number;
}) {
  const vertical = layout === 'vertical';
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={rows}
        layout={vertical ? 'vertical' : 'horizontal'}
        margin={{ left: vertical ? 40 : 0 }}
        // The chart is hidden from assistive technology (its figures are in the table below it),
        // so it must not take keyboard focus either.
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" />
        {vertical ? (
          <>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={140} />
          </>
        ) : (
          <>
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
          </>
        )}
        <Tooltip />
        <Legend />
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={COLORS[i % COLORS.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Where a chart would be when the period has nothing to draw. */
export function EmptyChart({ title, testId }: { title: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <section className="card chart-figure" data-testid={testId}>
      <h2>{title}</h2>
      <p>{t('stats.none')}</p>
    </section>
  );
}
