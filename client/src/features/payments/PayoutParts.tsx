import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import type { Payout } from './paymentsApi';
import './payments.css';

/** Where the share came from: the deal whose fee paid it, or the appraisal. */
export function PayoutSource({ payout: p }: { payout: Payout }) {
  const { t } = useTranslation();
  if (p.appraisalId)
    return <Link to={`/appraisals/${p.appraisalId}`}>{t('payments.payouts.openAppraisal')}</Link>;
  if (p.dealId) return <Link to={`/deals/${p.dealId}`}>{t('payments.payouts.openDeal')}</Link>;
  return null;
}

/** The share's amount; a cancelled one struck through (it is no longer owed). */
export function PayoutAmount({ payout: p }: { payout: Payout }) {
  const locale = useLocale();
  const amount = formatMoney(p.amount, p.currency, locale);
  return (
    <td className="payout-amount" data-testid="payout-amount">
      {p.status === 'cancelled' ? <s>{amount}</s> : amount}
    </td>
  );
}

/**
 * How the share stands: due, paid (when, and the reference of the exchange's transfer) or
 * cancelled (its fee refunded).
 */
export function PayoutStatusCell({ payout: p }: { payout: Payout }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <span className={`badge badge-payout-${p.status}`} data-testid="payout-status" data-status={p.status}>
        {t(`payments.payouts.status.${p.status}`)}
      </span>
      {p.status === 'paid' && (
        <>
          {p.paidReference && (
            <div className="row-note payout-paid-ref" data-testid="payout-paid-reference">
              {t('payments.payouts.paidReference')} <code>{p.paidReference}</code>
            </div>
          )}
          {p.paidAt && (
            <div className="row-note">
              {t('payments.payouts.paidOn', { at: formatDateTime(p.paidAt, locale) })}
            </div>
          )}
        </>
      )}
      {p.status === 'cancelled' && (
        <div className="row-note">
          {t('payments.payouts.cancelledNote')}
          {p.cancelledAt ? ` · ${formatDateTime(p.cancelledAt, locale)}` : ''}
        </div>
      )}
    </>
  );
}

type PayoutTotal = {
  payeeUserId: string;
  name: string;
  currency: Payout['currency'];
  owed: number;
  paid: number;
};

/**
 * The totals per person (operators) or per currency (my own): what is still owed and what was
 * paid. `labels` are the three money columns' headers.
 */
export function PayoutTotalsTable({
  totals,
  withPayee,
  testId,
  rowTestId,
  labels,
}: {
  totals: readonly PayoutTotal[];
  withPayee: boolean;
  testId: string;
  rowTestId: (total: PayoutTotal) => string;
  labels: { owed: string; paid: string };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ResponsiveTable testId={testId}>
      <thead>
        <tr>
          {withPayee && <th scope="col">{t('payments.payouts.payee')}</th>}
          <th scope="col">{t('payments.payouts.currency')}</th>
          <th scope="col">{labels.owed}</th>
          <th scope="col">{labels.paid}</th>
        </tr>
      </thead>
      <tbody>
        {totals.map((total) => (
          <tr key={`${total.payeeUserId}-${total.currency}`} data-testid={rowTestId(total)}>
            {withPayee && <td data-testid="payout-total-name">{total.name || total.payeeUserId}</td>}
            <td>{total.currency}</td>
            <td className="payout-amount" data-testid="payout-total-owed">
              {formatMoney(total.owed, total.currency, locale)}
            </td>
            <td className="payout-amount" data-testid="payout-paid-total">
              {formatMoney(total.paid, total.currency, locale)}
            </td>
          </tr>
        ))}
      </tbody>
    </ResponsiveTable>
  );
}
