import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { listOrganizations, type AdminOrganization, type VerifiedFilter } from './adminApi';
import { OrganizationRow } from './OrganizationRow';
import { ResponsiveTable } from '../../ui/ResponsiveTable';

const FILTERS: VerifiedFilter[] = ['false', 'true', 'all'];

export function OrganizationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter: VerifiedFilter = FILTERS.find((f) => f === params.get('verified')) ?? 'false';
  const [decided, setDecided] = useState<{ name: string; verified: boolean } | null>(null);
  useDocumentTitle(t('admin.organizations.title'));
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.organizations(filter),
    queryFn: ({ signal }) => listOrganizations(filter, signal),
  });
  const orgs = query.data;

  function onVerified(org: AdminOrganization) {
    setDecided({ name: org.name, verified: true });
    queryClient.setQueryData<AdminOrganization[]>(queryKeys.organizations(filter), (list) =>
      filter === 'false'
        ? (list ?? []).filter((o) => o.id !== org.id)
        : (list ?? []).map((o) =>
            o.id === org.id ? { ...o, verified: true, verificationState: 'verified', refusal: undefined } : o,
          ),
    );
    // The other filters' lists changed too.
    void queryClient.invalidateQueries({
      queryKey: queryKeys.allOrganizations,
      predicate: (q) => q.queryKey[2] !== filter,
    });
  }

  /** A refused organization stays unverified: it stays listed, marked refused. */
  function onRefused(org: AdminOrganization) {
    setDecided({ name: org.name, verified: false });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allOrganizations });
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
      {decided && (
        <Notice tone="success" testId={decided.verified ? 'notice-verified' : 'notice-refused'}>
          {decided.verified
            ? t('admin.organizations.verifiedNotice', { name: decided.name })
            : t('orgReview.refusedNotice', { name: decided.name })}
        </Notice>
      )}
      <QueryStatus query={query} />
      {orgs && orgs.length === 0 && (
        <p className="muted" data-testid="orgs-empty">
          {t('admin.organizations.empty')}
        </p>
      )}
      {orgs && orgs.length > 0 && (
        <ResponsiveTable testId="orgs-table">
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
              <OrganizationRow key={org.id} org={org} onVerified={onVerified} onRefused={onRefused} />
            ))}
          </tbody>
        </ResponsiveTable>
      )}
    </section>
  );
}
