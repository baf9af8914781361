import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../dates';
import { useLocale } from '../../labels';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { MyBidsSection } from '../bids';
import { UnreadBadge } from '../negotiation';
import { useUnreadCounts } from '../negotiation';
import { DealStatusBadge } from './DealStatusBadge';
import { listDeals } from './dealsApi';
import type { DealStatus } from './dealTypes';
import './deals.css';
import { DEAL_STATUSES } from '@contract/enums';
import { ResponsiveTable } from '../../ui/ResponsiveTable';

/** `/deals`: the deals of my organization (and those I broker), with their status, and my bids. */
export function MyDealsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [status, setStatus] = useState<DealStatus | ''>('');
  const query = useQuery({
    queryKey: queryKeys.dealList(status),
    queryFn: ({ signal }) => listDeals({ status: status || undefined }, signal),
  });
  const deals = query.data?.deals;
  useDocumentTitle(t('deals.title'));
  const unread = useUnreadCounts();

  return (
    <section className="my-deals">
      <header className="page-header row">
        <h1>{t('deals.title')}</h1>
        <label className="inline-filter">
          <span>{t('deals.filterStatus')}</span>{' '}
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value as DealStatus | '')}
            data-testid="deal-status-filter"
          >
            <option value="">{t('deals.allStatuses')}</option>
            {DEAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`deals.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <QueryStatus query={query} />
      {deals && deals.length === 0 && (
        <p className="empty-state" data-testid="deals-empty">
          {t('deals.empty')}
        </p>
      )}
      {deals && deals.length > 0 && (
        <ResponsiveTable testId="deals-table">
          <thead>
            <tr>
              <th scope="col">{t('deals.subject')}</th>
              <th scope="col">{t('deals.counterpart')}</th>
              <th scope="col">{t('deals.role')}</th>
              <th scope="col">{t('deals.status')}</th>
              <th scope="col">{t('deals.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {deals.map((deal) => (
              <tr key={deal.id} data-testid={`deal-${deal.id}`}>
                <td>
                  <Link to={`/deals/${deal.id}`} data-testid={`deal-link-${deal.id}`}>
                    {deal.title}
                  </Link>{' '}
                  {deal.reference && (
                    <small className="deal-reference" data-testid={`deal-reference-${deal.id}`}>
                      {deal.reference}
                    </small>
                  )}{' '}
                  <UnreadBadge count={unread[deal.id]} />
                </td>
                <td>
                  {deal.seller.name} → {deal.buyer.name}
                </td>
                <td>{t(`deals.roles.${deal.myRole}`)}</td>
                <td>
                  <DealStatusBadge status={deal.status} />
                </td>
                <td>{formatDate(deal.updatedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}
      <MyBidsSection />
    </section>
  );
}
