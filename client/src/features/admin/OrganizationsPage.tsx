import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { listOrganizations, type VerifiedFilter } from './adminApi';
import { OrganizationRow } from './OrganizationRow';

const FILTERS: VerifiedFilter[] = ['false', 'true', 'all'];

export function OrganizationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter: VerifiedFilter = FILTERS.find((f) => f === params.get('verified')) ?? 'false';
  const [orgs, setOrgs] = useState<Organization[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [verifiedName, setVerifiedName] = useState('');
  useDocumentTitle(t('admin.organizations.title'));

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setOrgs(await listOrganizations(filter, signal));
        setError(null);
      } catch (err) {
        if (!signal?.aborted) setError(err);
      }
    },
    [filter],
  );

  useEffect(() => {
    const controller = new AbortController();
    setOrgs(null);
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  function onVerified(org: Organization) {
    setVerifiedName(org.name);
    setOrgs((list) =>
      filter === 'false'
        ? (list ?? []).filter((o) => o.id !== org.id)
        : (list ?? []).map((o) => (o.id === org.id ? { ...o, verified: true } : o)),
    );
  }

  return (
    <section>
      <h1>{t('admin.organizations.title')}</h1>
      <div className="segmented" role="group" aria-label={t('admin.organizations.filter')}>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            className={filter === f ? 'active' : ''}
            onClick={() => setParams(f === 'false' ? {} : { verified: f })}
            data-testid={`org-filter-${f}`}
          >
            {t(`admin.organizations.filters.${f}`)}
          </button>
        ))}
      </div>
      {verifiedName && (
        <Notice tone="success" testId="notice-verified">
          {t('admin.organizations.verifiedNotice', { name: verifiedName })}
        </Notice>
      )}
      <ErrorAlert error={error} />
      {!orgs && !error && <Loading />}
      {orgs && orgs.length === 0 && (
        <p className="muted" data-testid="orgs-empty">
          {t('admin.organizations.empty')}
        </p>
      )}
      {orgs && orgs.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="orgs-table">
            <thead>
              <tr>
                <th scope="col">{t('organization.name')}</th>
                <th scope="col">{t('organization.kind')}</th>
                <th scope="col">{t('organization.province')}</th>
                <th scope="col">{t('organization.taxCode')}</th>
                <th scope="col">{t('organization.createdAt')}</th>
                <th scope="col">{t('organization.verification')}</th>
              </tr>
            </thead>
            <tbody>
              {orgs.map((org) => (
                <OrganizationRow key={org.id} org={org} onVerified={onVerified} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
