import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { formatDate } from '../../dates';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth';
import { DealStatusBadge } from '../deals';
import { brokerSummary } from './brokerApi';
import { ResponsiveTable } from '../../ui/ResponsiveTable';

/**
 * `/broker`: a broker's desk. Deals on which a party proposed me (seated once the other party
 * names me too), the deals I broker, and my commission on them: paid (its fee lines are paid)
 * and due, per deal and in total per currency.
 */
export function BrokerDashboardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useAuth();
  const isBroker = user?.role === 'broker';
  useDocumentTitle(t('broker.title'));
  const query = useQuery({
    queryKey: queryKeys.brokerSummary,
    queryFn: ({ signal }) => brokerSummary(signal),
    enabled: isBroker,
  });
  if (!isBroker) {
    return (
      <Notice tone="warning" testId="forbidden">
        {t('broker.onlyBrokers')}
      </Notice>
    );
  }
  const data = query.data;
  const money = (amount: number, currency: 'VND' | 'USD') => formatMoney(amount, currency, locale);

  return (
    <section className="broker-dashboard" data-testid="broker-dashboard">
      <header className="page-header">
        <h1>{t('broker.title')}</h1>
        <p className="muted">{t('broker.intro')}</p>
      </header>
      <QueryStatus query={query} />
      {data && (
        <>
          <section className="card" aria-labelledby="broker-proposals">
            <h2 id="broker-proposals">{t('broker.proposals')}</h2>
            <p className="muted">{t('broker.proposalsHint')}</p>
            {data.proposals.length === 0 ? (
              <p className="empty-state" data-testid="broker-proposals-empty">
                {t('broker.noProposals')}
              </p>
            ) : (
              <ul className="plain-list" data-testid="broker-proposals">
                {data.proposals.map((p) => (
                  <li key={p.dealId} data-testid={`broker-proposal-${p.dealId}`}>
                    <strong>{p.title}</strong> {p.reference && <small>{p.reference}</small>}{' '}
                    <DealStatusBadge status={p.status} />
                    <div className="row-note">
                      {t('broker.proposedBy', {
                        party: p.proposedBy.name,
                        role: t(`deals.roles.${p.proposedByRole}`),
                        date: formatDate(p.proposedAt, locale),
                      })}{' '}
                      {t('broker.waitingFor', { party: p.otherParty.name })}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="card" aria-labelledby="broker-commissions">
            <h2 id="broker-commissions">{t('broker.commissions')}</h2>
            <p className="muted">
              {t('broker.commissionRule', { pct: (data.brokerShareBps / 100).toLocaleString(locale) })}
            </p>
            {data.commissions.length === 0 ? (
              <p className="empty-state" data-testid="broker-commissions-empty">
                {t('broker.noCommissions')}
              </p>
            ) : (
              <dl className="details" data-testid="broker-commission-totals">
                {data.commissions.map((c) => (
                  <div key={c.currency} data-testid={`broker-total-${c.currency}`}>
                    <dt>{t('broker.totalIn', { currency: c.currency, deals: c.deals })}</dt>
                    <dd>
                      {t('broker.paidDue', {
                        paid: money(c.paid, c.currency),
                        due: money(c.due, c.currency),
                      })}{' '}
                      ({t('broker.total', { amount: money(c.amount, c.currency) })})
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </section>

          <section className="card" aria-labelledby="broker-deals">
            <h2 id="broker-deals">{t('broker.deals')}</h2>
            {data.deals.length === 0 ? (
              <p className="empty-state" data-testid="broker-deals-empty">
                {t('broker.noDeals')}
              </p>
            ) : (
              <ResponsiveTable testId="broker-deals">
                <thead>
                  <tr>
                    <th scope="col">{t('deals.subject')}</th>
                    <th scope="col">{t('deals.counterpart')}</th>
                    <th scope="col">{t('deals.status')}</th>
                    <th scope="col">{t('broker.commission')}</th>
                    <th scope="col">{t('deals.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.deals.map((d) => (
                    <tr key={d.id} data-testid={`broker-deal-${d.id}`}>
                      <td>
                        <Link to={`/deals/${d.id}`}>{d.title}</Link>{' '}
                        {d.reference && <small className="deal-reference">{d.reference}</small>}
                      </td>
                      <td>
                        {d.seller.name} → {d.buyer.name}
                      </td>
                      <td>
                        <DealStatusBadge status={d.status} />
                      </td>
                      <td data-testid={`broker-deal-commission-${d.id}`}>
                        {d.commission
                          ? t('broker.paidDue', {
                              paid: money(d.commission.paid, d.commission.currency),
                              due: money(d.commission.due, d.commission.currency),
                            })
                          : t('broker.noCommissionYet')}
                      </td>
                      <td>{formatDate(d.updatedAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </ResponsiveTable>
            )}
          </section>
        </>
      )}
    </section>
  );
}
