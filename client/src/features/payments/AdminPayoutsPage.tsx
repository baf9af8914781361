import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { listPayouts, type Payout } from './paymentsApi';
import './payments.css';

const PAYOUTS_KEY = ['admin', 'payouts'] as const;

/** Where the share came from: the deal whose fee paid it, or the appraisal. */
function PayoutSource({ payout: p }: { payout: Payout }) {
  const { t } = useTranslation();
  if (p.appraisalId)
    return <Link to={`/appraisals/${p.appraisalId}`}>{t('payments.payouts.openAppraisal')}</Link>;
  if (p.dealId) return <Link to={`/deals/${p.dealId}`}>{t('payments.payouts.openDeal')}</Link>;
  return null;
}

/**
 * `/admin/payouts`: what the exchange owes brokers (their commission out of the success fees)
 * and experts (their share of the appraisal fees) — each person's total per currency, then every
 * share as the ledger records it, due when its fee was paid and cancelled by the fee's refund.
 */
export function AdminPayoutsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t('payments.payouts.title'));
  const query = useQuery({
    queryKey: PAYOUTS_KEY,
    queryFn: ({ signal }) => listPayouts(signal),
  });
  const data = query.data;
  const money = (amount: number, currency: Payout['currency']) => formatMoney(amount, currency, locale);
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
          <ResponsiveTable testId="payout-totals">
            <thead>
              <tr>
                <th scope="col">{t('payments.payouts.payee')}</th>
                <th scope="col">{t('payments.payouts.currency')}</th>
                <th scope="col">{t('payments.payouts.owed')}</th>
              </tr>
            </thead>
            <tbody>
              {data.totals.map((total) => (
                <tr
                  key={`${total.payeeUserId}-${total.currency}`}
                  data-testid={`payout-total-${total.payeeUserId}-${total.currency}`}
                >
                  <td data-testid="payout-total-name">{total.name || total.payeeUserId}</td>
                  <td>{total.currency}</td>
                  <td className="payout-amount" data-testid="payout-total-owed">
                    {money(total.owed, total.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
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
                <th scope="col">{t('payments.ledger.kind')}</th>
                <th scope="col">{t('payments.amount')}</th>
                <th scope="col">{t('payments.reference')}</th>
                <th scope="col">{t('payments.payouts.source')}</th>
              </tr>
            </thead>
            <tbody>
              {data.payouts.map((p) => (
                <tr key={p.id} data-testid={`payout-row-${p.id}`} data-kind={p.kind}>
                  <td>{formatDateTime(p.at, locale)}</td>
                  <td data-testid="payout-payee">{p.payeeName || p.payeeUserId}</td>
                  <td data-testid="payout-purpose">
                    {t(`payments.purposes.${p.purpose}`, { defaultValue: p.purpose })}
                  </td>
                  <td data-testid="payout-kind">
                    {t(`payments.ledger.kinds.${p.kind}`, { defaultValue: p.kind })}
                  </td>
                  <td className="payout-amount" data-testid="payout-amount">
                    {p.kind === 'payout_cancelled' ? '−' : ''}
                    {money(p.amount, p.currency)}
                  </td>
                  <td>
                    <code>{p.reference}</code>
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
