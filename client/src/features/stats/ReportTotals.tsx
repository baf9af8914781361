import { useTranslation } from 'react-i18next';
import { useLocale } from '../../labels';
import type { OperatorStats } from './statsApi';
import { formatAmounts } from './statsFormat';
import { ReportTable } from './ReportTable';

type Figure = (s: OperatorStats) => number;
const published = (s: OperatorStats, kind: 'offersPublished' | 'demandsPublished') =>
  s.series.reduce((a, r) => a + r[kind], 0);

/** The counts of the report, each read from the statistics of a period. */
const COUNTS: [key: string, label: string, figure: Figure][] = [
  ['offersPublished', 'stats.offersPublished', (s) => published(s, 'offersPublished')],
  ['demandsPublished', 'stats.demandsPublished', (s) => published(s, 'demandsPublished')],
  ['dealsOpened', 'stats.funnel.dealsOpened', (s) => s.funnel.dealsOpened],
  ['agreed', 'stats.transfers.agreementsSigned', (s) => s.transfers.agreementsSigned],
  ['closedWon', 'stats.transfers.transfersCompleted', (s) => s.transfers.transfersCompleted],
  ['feesPaid', 'stats.paidFees', (s) => s.paidFees.count],
];

/**
 * The period's totals with the previous period's beside them. `previous` is the statistics of the
 * period of the same length right before, asked for on their own (they split what was published
 * into offers and demands, which the period's own `previous` does not).
 */
export function ReportTotals({ stats, previous }: { stats: OperatorStats; previous?: OperatorStats }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (v: number) => v.toLocaleString(locale);
  const before = (write: (s: OperatorStats) => string) => (previous ? write(previous) : '…');
  const change = (now: number, was: number | undefined) => {
    if (was === undefined) return '…';
    if (was === 0) return now === 0 ? '±0' : t('stats.new');
    const pct = Math.round(((now - was) / was) * 100);
    return `${pct > 0 ? '+' : ''}${pct}%`;
  };
  return (
    <ReportTable
      title={t('stats.printable.totals')}
      testId="report-totals"
      empty={t('stats.none')}
      columns={[t('stats.figure'), t('stats.thisPeriod'), t('stats.previous'), t('stats.change')]}
      rows={[
        ...COUNTS.map(([key, label, figure]) => ({
          key,
          cells: [
            t(label),
            n(figure(stats)),
            before((p) => n(figure(p))),
            change(figure(stats), previous && figure(previous)),
          ],
        })),
        {
          key: 'agreedValue',
          cells: [
            t('stats.agreedValue'),
            formatAmounts(stats.dealValue, locale),
            before((p) => formatAmounts(p.dealValue, locale)),
            '',
          ],
        },
        {
          key: 'feeAmount',
          cells: [
            t('stats.paidFeeAmount'),
            formatAmounts(stats.paidFees.byCurrency, locale),
            before((p) => formatAmounts(p.paidFees.byCurrency, locale)),
            '',
          ],
        },
      ]}
    />
  );
}
