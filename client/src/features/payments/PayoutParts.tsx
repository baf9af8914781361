import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
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
