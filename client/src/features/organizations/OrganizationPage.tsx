import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { useLabels } from '../../labels';
import { formatDate } from '../../dates';
import { KindBadge } from '../../ui/KindBadge';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { VerifiedBadge } from '../../ui/VerifiedBadge';
import { NotFoundPage } from '../layout';
import { useAuth } from '../auth';
import { OrganizationEvidence } from './OrganizationEvidence';
import { OrganizationMembers } from './OrganizationMembers';
import { OrganizationProfileForm } from './OrganizationProfileForm';
import { getOrganization, organizationListings, type OrganizationProfile } from './organizationsApi';

/**
 * `/organizations/:id`: an organization's public profile and published listings; its members see
 * who belongs to it (its administrators approve requests to join there) and its administrators
 * edit the profile.
 */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { enumLabel, province, locale } = useLabels();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const profile = useQuery({
    queryKey: queryKeys.organization(id),
    queryFn: ({ signal }) => getOrganization(id, signal),
  });
  const listings = useQuery({
    queryKey: queryKeys.organizationListings(id),
    queryFn: ({ signal }) => organizationListings(id, signal),
  });
  const org = profile.data;
  useDocumentTitle(org?.name ?? t('organizationPage.title'));

  if (isApiError(profile.error) && profile.error.status === 404) return <NotFoundPage />;
  if (!org) return <QueryStatus query={profile} />;

  const operator = user?.role === 'admin';
  const member = user?.organization?.id === id && user.membershipStatus === 'active';
  const orgAdmin = operator || (member && user?.organizationAdmin === true);
  const pendingHere = user?.organization?.id === id && user.membershipStatus === 'pending';

  function onSaved(saved: OrganizationProfile) {
    queryClient.setQueryData(queryKeys.organization(id), saved);
  }

  return (
    <article className="organization-page" data-testid="organization-page" data-id={org.id}>
      <header className="page-header">
        <p className="page-kicker">
          {enumLabel('organizationKind', org.kind)}
          {org.province ? ` · ${province(org.province)}` : ''}
        </p>
        <h1 data-testid="organization-name">{org.name}</h1>
        <p className="page-meta">
          <VerifiedBadge verified={org.verified} testId="organization-verified" />
        </p>
      </header>
      {pendingHere && (
        <Notice tone="info" testId="membership-pending">
          {t('organizationPage.pendingRequest')}
        </Notice>
      )}
      {(member || operator) && org.refusal && !org.verified && (
        <div className="alert alert-warning" role="status" data-testid="organization-refusal">
          <p>
            <strong>{t('orgReview.refusedTitle')}</strong>{' '}
            {t('orgReview.refusedOn', { date: formatDate(org.refusal.at, locale) })}
          </p>
          <p data-testid="organization-refusal-reason">
            {t('orgReview.reason')}: {org.refusal.reason}
          </p>
          <p>{orgAdmin ? t('orgReview.fixHintAdmin') : t('orgReview.fixHintMember')}</p>
        </div>
      )}
      {member && !operator && (
        <Notice tone="success" testId="membership-active">
          {t('organizationPage.youAreMember')}
        </Notice>
      )}
      <section className="card">
        <h2>{t('organizationPage.about')}</h2>
        <dl className="details">
          <dt>{t('organization.kind')}</dt>
          <dd data-testid="organization-kind">{enumLabel('organizationKind', org.kind)}</dd>
          <dt>{t('organization.province')}</dt>
          <dd>{org.province ? province(org.province) : '—'}</dd>
          <dt>{t('organizationPage.website')}</dt>
          <dd>
            {org.website ? (
              <a href={org.website} rel="noopener noreferrer nofollow" target="_blank">
                {org.website}
              </a>
            ) : (
              '—'
            )}
          </dd>
          {org.taxCode && (
            <>
              <dt>{t('organization.taxCode')}</dt>
              <dd>{org.taxCode}</dd>
            </>
          )}
        </dl>
        {org.description ? (
          <p className="organization-description" data-testid="organization-description">
            {org.description}
          </p>
        ) : (
          <p className="muted">{t('organizationPage.noDescription')}</p>
        )}
      </section>

      <section className="card">
        <h2>{t('organizationPage.listings')}</h2>
        <QueryStatus query={listings} />
        {listings.data && listings.data.length === 0 && (
          <p className="muted" data-testid="organization-no-listings">
            {t('organizationPage.noListings')}
          </p>
        )}
        {listings.data && listings.data.length > 0 && (
          <ul className="plain-list" data-testid="organization-listings">
            {listings.data.map((l) => (
              <li key={`${l.kind}-${l.id}`}>
                <KindBadge kind={l.kind} />{' '}
                <Link to={`/${l.kind === 'offer' ? 'offers' : 'demands'}/${l.id}`}>{l.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {(member || operator) && (
        <section className="card">
          <OrganizationMembers orgId={org.id} />
        </section>
      )}
      {orgAdmin && <OrganizationEvidence orgId={org.id} canEdit={!operator} />}
      {orgAdmin && <OrganizationProfileForm org={org} onSaved={onSaved} />}
    </article>
  );
}
