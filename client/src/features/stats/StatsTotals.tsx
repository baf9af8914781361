import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { useLocale } from '../../labels';
import type { OperatorStats } from './statsApi';
import { formatAmounts } from './statsFormat';

/** The period's totals beside the previous period's, with the change. */
export function StatsTotals({ stats: s }: { stats: OperatorStats }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (v: number) => v.toLocaleString(locale);
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
    // The funnel's agreed and closed-won stages, under the names the city reports them by.
    [
      'agreed',
      t('stats.transfers.agreementsSigned'),
      s.transfers.agreementsSigned,
      s.previous.transfers.agreementsSigned,
    ],
    [
      'closedWon',
      t('stats.transfers.transfersCompleted'),
      s.transfers.transfersCompleted,
      s.previous.transfers.transfersCompleted,
    ],
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
          <td>{formatAmounts(s.dealValue, locale)}</td>
          <td>{formatAmounts(s.previous.dealValue, locale)}</td>
          <td />
        </tr>
        <tr data-testid="stats-total-fee-amount">
          <th scope="row">{t('stats.paidFeeAmount')}</th>
          <td>{formatAmounts(s.paidFees.byCurrency, locale)}</td>
          <td>{formatAmounts(s.previous.paidFees.byCurrency, locale)}</td>
          <td />
        </tr>
      </tbody>
    </ResponsiveTable>
  );
}
