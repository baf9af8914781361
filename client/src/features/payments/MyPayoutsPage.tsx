import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { myPayouts, payoutKeys } from './paymentsApi';
import { PayoutAmount, PayoutSource, PayoutStatusCell, PayoutTotalsTable } from './PayoutParts';
import './payments.css';

/**
 * `/payouts`: what the exchange owes me and has paid me — a broker's commissions on success fees,
 * an expert's shares of appraisal fees — per currency, then each share with how it stands (due,
 * paid with the transfer's reference, or cancelled by the fee's refund). Read only.
 */
export function MyPayoutsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t('payments.myPayouts.title'));
  const query = useQuery({
    queryKey: payoutKeys.mine,
    queryFn: ({ signal }) => myPayouts(signal),
  });
  const data = query.data;
  return (
    <section data-testid="my-payouts">
      <h1>{t('payments.myPayouts.title')}</h1>
      <p className="lead">{t('payments.myPayouts.intro')}</p>
      <QueryStatus query={query} />
      {data && data.payouts.length === 0 && (
        <p className="muted" data-testid="my-payouts-empty">
          {t('payments.myPayouts.empty')}
        </p>
      )}
      {data && data.totals.length > 0 && (
        <section aria-labelledby="my-payout-totals-title">
          <h2 id="my-payout-totals-title">{t('payments.myPayouts.totalsTitle')}</h2>
          <PayoutTotalsTable
            totals={data.totals}
            withPayee={false}
            testId="my-payout-totals"
            rowTestId={(total) => `my-payout-total-${total.currency}`}
            labels={{ owed: t('payments.myPayouts.owed'), paid: t('payments.myPayouts.paid') }}
          />
        </section>
      )}
      {data && data.payouts.length > 0 && (
        <section aria-labelledby="my-payout-entries-title">
          <h2 id="my-payout-entries-title">{t('payments.myPayouts.entriesTitle')}</h2>
          <ResponsiveTable testId="my-payout-entries">
            <thead>
              <tr>
                <th scope="col">{t('payments.myPayouts.since')}</th>
                <th scope="col">{t('payments.purpose')}</th>
                <th scope="col">{t('payments.amount')}</th>
                <th scope="col">{t('payments.statusLabel')}</th>
                <th scope="col">{t('payments.payouts.source')}</th>
              </tr>
            </thead>
            <tbody>
              {data.payouts.map((p) => (
                <tr key={p.id} data-testid={`my-payout-${p.id}`} data-status={p.status}>
                  <td>{formatDateTime(p.at, locale)}</td>
                  <td data-testid="payout-purpose">
                    {t(`payments.purposes.${p.purpose}`, { defaultValue: p.purpose })}
                  </td>
                  <PayoutAmount payout={p} />
                  <td>
                    <PayoutStatusCell payout={p} />
                  </td>
                  <td>
                    <PayoutSource payout={p} />
                  </td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        </section>
      )}
    </section>
  );
}
