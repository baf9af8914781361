import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { MarkPayoutPaidForm } from './MarkPayoutPaidForm';
import { listPayouts, payoutKeys } from './paymentsApi';
import { PayoutAmount, PayoutSource, PayoutStatusCell, PayoutTotalsTable } from './PayoutParts';
import './payments.css';

/**
 * `/admin/payouts`: what the exchange owes brokers (their commission out of the success fees)
 * and experts (their share of the appraisal fees) — each person's totals owed and paid per
 * currency, then every share: due when its fee was paid, cancelled by the fee's refund, paid once
 * an operator records the transfer (with its reference) here.
 */
export function AdminPayoutsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t('payments.payouts.title'));
  const query = useQuery({
    queryKey: payoutKeys.admin,
    queryFn: ({ signal }) => listPayouts(signal),
  });
  const data = query.data;
  return (
    <section data-testid="admin-payouts">
      <h1>{t('payments.payouts.title')}</h1>
      <p className="lead">{t('payments.payouts.intro')}</p>
      <p className="page-links">
        <Link to="/admin/payments">{t('payments.payouts.toPayments')}</Link>
      </p>
      <QueryStatus query={query} />
      {data && data.payouts.length === 0 && (
        <p className="muted" data-testid="payouts-empty">
          {t('payments.payouts.empty')}
        </p>
      )}
      {data && data.totals.length > 0 && (
        <section aria-labelledby="payout-totals-title">
          <h2 id="payout-totals-title">{t('payments.payouts.totalsTitle')}</h2>
          <PayoutTotalsTable
            totals={data.totals}
            withPayee
            testId="payout-totals"
            rowTestId={(total) => `payout-total-${total.payeeUserId}-${total.currency}`}
            labels={{ owed: t('payments.payouts.owed'), paid: t('payments.payouts.paid') }}
          />
        </section>
      )}
      {data && data.payouts.length > 0 && (
        <section aria-labelledby="payout-entries-title">
          <h2 id="payout-entries-title">{t('payments.payouts.entriesTitle')}</h2>
          <ResponsiveTable testId="payout-entries">
            <thead>
              <tr>
                <th scope="col">{t('payments.ledger.at')}</th>
                <th scope="col">{t('payments.payouts.payee')}</th>
                <th scope="col">{t('payments.purpose')}</th>
                <th scope="col">{t('payments.amount')}</th>
                <th scope="col">{t('payments.reference')}</th>
                <th scope="col">{t('payments.payouts.source')}</th>
                <th scope="col">{t('payments.statusLabel')}</th>
                <th scope="col">{t('payments.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.payouts.map((p) => (
                <tr key={p.id} data-testid={`payout-row-${p.id}`} data-kind={p.kind} data-status={p.status}>
                  <td>
                    {formatDateTime(p.at, locale)}
                    <div className="row-note" data-testid="payout-kind">
                      {t(`payments.ledger.kinds.${p.kind}`, { defaultValue: p.kind })}
                    </div>
                  </td>
                  <td data-testid="payout-payee">{p.payeeName || p.payeeUserId}</td>
                  <td data-testid="payout-purpose">
                    {t(`payments.purposes.${p.purpose}`, { defaultValue: p.purpose })}
                  </td>
                  <PayoutAmount payout={p} />
                  <td className="payout-ref">
                    <code>{p.reference}</code>
                  </td>
                  <td>
                    <PayoutSource payout={p} />
                  </td>
                  <td>
                    <PayoutStatusCell payout={p} />
                  </td>
                  <td>{p.status === 'due' && <MarkPayoutPaidForm payoutId={p.id} />}</td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        </section>
      )}
    </section>
  );
}
