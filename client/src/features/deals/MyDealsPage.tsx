import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { formatDate } from '../../dates';
import { useLocale } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** The few deal fields this page relies on; the full deal shape arrives with the negotiation room. */
interface DealSummary {
  id: string;
  status: string;
  createdAt?: string;
  offer?: { title?: string };
  demand?: { title?: string };
  title?: string;
}

/** `GET /api/deals`: the signed-in user's deals, newest first as the server orders them. */
export function MyDealsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [deals, setDeals] = useState<DealSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(t('nav.myDeals'));

  useEffect(() => {
    const controller = new AbortController();
    api<{ deals?: DealSummary[] }>('/api/deals', { signal: controller.signal })
      .then((body) => setDeals(body.deals ?? []))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      });
    return () => controller.abort();
  }, []);

  return (
    <section>
      <h1>{t('nav.myDeals')}</h1>
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
                <th scope="col">{t('deals.status')}</th>
                <th scope="col">{t('listing.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {deals.map((deal) => (
                <tr key={deal.id} data-testid={`deal-${deal.id}`}>
                  <td>{deal.title ?? deal.offer?.title ?? deal.demand?.title ?? deal.id}</td>
                  <td>
                    <span className="badge">
                      {t(`deals.statuses.${deal.status}`, { defaultValue: deal.status })}
                    </span>
                  </td>
                  <td>{formatDate(deal.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
