import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { queryKeys } from '../../api/queryClient';
import { Loading } from '../../ui/Loading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { searchHref } from './alertQuery';
import { deleteAlert, listAlerts, type SavedSearch } from './alertsApi';

/** `/alerts`: your saved searches; each new published listing matching one is notified to you. */
export function AlertsPage() {
  const { t } = useTranslation();
  const [actionError, setError] = useState<unknown>(null);
  useDocumentTitle(t('alerts.title'));
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.alerts, queryFn: ({ signal }) => listAlerts(signal) });
  const alerts = query.data;
  const error = actionError ?? query.error;

  async function remove(id: string) {
    try {
      await deleteAlert(id);
      await queryClient.invalidateQueries({ queryKey: queryKeys.alerts });
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="alerts-page">
      <h1>{t('alerts.title')}</h1>
      <p className="muted">{t('alerts.explained')}</p>
      <ErrorAlert error={error} />
      {!alerts && !error && <Loading />}
      {alerts && alerts.length === 0 && (
        <p className="empty-state" data-testid="alerts-empty">
          {t('alerts.empty')} <Link to="/search">{t('search.title')}</Link>
        </p>
      )}
      {alerts && alerts.length > 0 && (
        <ul className="alert-list" data-testid="alert-list">
          {alerts.map((a) => (
            <li key={a.id} className="card" data-testid="alert">
              <AlertSummary alert={a} />
              <p className="page-links">
                <Link to={searchHref(a)}>{t('alerts.run')}</Link>{' '}
                <button
                  type="button"
                  className="btn btn-small btn-danger-outline"
                  onClick={() => remove(a.id)}
                  data-testid="delete-alert"
                >
                  {t('alerts.delete')}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AlertSummary({ alert }: { alert: SavedSearch }) {
  const { t } = useTranslation();
  const { field, province, enumLabel } = useLabels();
  const f = alert.filters;
  const parts = [
    f.kind && enumLabel('listingKind', f.kind),
    f.field && field(f.field),
    (f.trlMin || f.trlMax) && `TRL ${f.trlMin ?? 1}–${f.trlMax ?? 9}`,
    f.transferMode && enumLabel('transferMode', f.transferMode),
    f.province && province(f.province),
    (f.priceMin !== undefined || f.priceMax !== undefined) &&
      `${t('search.price')}: ${f.priceMin ?? '…'}–${f.priceMax ?? '…'} ${f.currency ?? ''}`.trim(),
  ].filter(Boolean);
  return (
    <div>
      <h2 className="card-title">{alert.q ? `“${alert.q}”` : t('alerts.noWords')}</h2>
      {parts.length > 0 && <p className="muted">{parts.join(' · ')}</p>}
    </div>
  );
}
