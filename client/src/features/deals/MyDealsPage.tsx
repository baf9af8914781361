import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DEAL_STATES } from '../../../../server/deals/deal-machine';
import { formatDate } from '../../dates';
import { useLocale } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { MyBidsSection } from '../bids/MyBidsSection';
import { UnreadBadge } from '../negotiation/UnreadBadge';
import { useUnreadCounts } from '../negotiation/useUnreadCounts';
import { DealStatusBadge } from './DealStatusBadge';
import { listDeals } from './dealsApi';
import type { Deal, DealStatus } from './dealTypes';
import './deals.css';

/** `/deals`: the deals of my organization (and those I broker), with their status, and my bids. */
export function MyDealsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [status, setStatus] = useState<DealStatus | ''>('');
  const [deals, setDeals] = useState<Deal[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(t('deals.title'));
  const unread = useUnreadCounts();

  useEffect(() => {
    const controller = new AbortController();
    setDeals(null);
    listDeals({ status: status || undefined }, controller.signal)
      .then((body) => setDeals(body.deals))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      });
    return () => controller.abort();
  }, [status]);

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
            {DEAL_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`deals.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <ErrorAlert error={error} />
      {!deals && !error && <Loading />}
      {deals && deals.length === 0 && (
        <p className="empty-state" data-testid="deals-empty">
          {t('deals.empty')}
        </p>
      )}
      {deals && deals.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="deals-table">
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
          </table>
        </div>
      )}
      <MyBidsSection />
    </section>
  );
}
