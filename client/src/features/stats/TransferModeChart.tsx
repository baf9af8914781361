import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels';
import { ChartFigure } from '../../ui/ChartFigure';
import type { OperatorStats } from './statsApi';
import { BarsChart, EmptyChart } from './StatCharts';
import { formatAmounts } from './statsFormat';

/** Deals agreed and won in the period by the agreed term sheet's transfer mode, with the agreed value. */
export function TransferModeChart({ rows }: { rows: OperatorStats['transferModes'] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const mode = (code: string) => labels.enumLabel('transferMode', code);
  if (rows.length === 0)
    return <EmptyChart title={t('stats.chart.transferModes')} testId="stats-chart-modes" />;
  return (
    <ChartFigure
      title={t('stats.chart.transferModes')}
      testId="stats-chart-modes"
      table={{
        columns: [
          t('stats.transferMode'),
          t('stats.funnel.agreed'),
          t('stats.funnel.closedWon'),
          t('stats.agreedValue'),
        ],
        rows: rows.map((r) => [
          mode(r.transferMode),
          r.agreed,
          r.closedWon,
          formatAmounts(r.agreedValue, labels.locale),
        ]),
      }}
    >
      <BarsChart
        layout="vertical"
        height={Math.max(220, rows.length * 44)}
        rows={rows.map((r) => ({ name: mode(r.transferMode), agreed: r.agreed, closedWon: r.closedWon }))}
        series={[
          { key: 'agreed', label: t('stats.funnel.agreed') },
          { key: 'closedWon', label: t('stats.funnel.closedWon') },
        ]}
      />
    </ChartFigure>
  );
}
