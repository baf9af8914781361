import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../ui/ChartFigure';
import type { OperatorStats } from './statsApi';
import { BarsChart } from './StatCharts';

/**
 * Agreements signed (terms agreed) apart from transfers completed (every milestone accepted and
 * every fee paid), month by month: the two figures the city reports.
 */
export function TransfersChart({ transfers }: { transfers: OperatorStats['transfers'] }) {
  const { t } = useTranslation();
  const signed = t('stats.transfers.agreementsSigned');
  const completed = t('stats.transfers.transfersCompleted');
  return (
    <ChartFigure
      title={t('stats.transfers.title')}
      testId="stats-chart-transfers"
      table={{
        columns: [t('stats.group.month'), signed, completed],
        rows: [
          ...transfers.byMonth.map((r) => [r.key, r.agreementsSigned, r.transfersCompleted]),
          [t('stats.printable.total'), transfers.agreementsSigned, transfers.transfersCompleted],
        ],
      }}
    >
      <BarsChart
        rows={transfers.byMonth.map((r) => ({ ...r, name: r.key }))}
        series={[
          { key: 'agreementsSigned', label: signed },
          { key: 'transfersCompleted', label: completed },
        ]}
      />
    </ChartFigure>
  );
}
