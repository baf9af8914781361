import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { VerifiedBadge } from '../../ui/VerifiedBadge';
import { NotificationSettings } from '../notifications';
import { useAuth } from './authContext';
import { OrganizationMembers } from '../organizations';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';

export function AccountPage() {
  const { t } = useTranslation();
  const { enumLabel } = useLabels();
  const { user, refresh } = useAuth();
  useDocumentTitle(t('account.title'));

  useEffect(() => {
    // Verification happens elsewhere (an operator); read the latest state when the page opens.
    void refresh();
  }, [refresh]);

  if (!user) return null;
  const org = user.organization;

  return (
    <section>
      <h1>{t('account.title')}</h1>
      <div className="grid-2">
        <div className="card">
          <h2>{t('account.you')}</h2>
          <dl className="details">
            <dt>{t('user.name')}</dt>
            <dd data-testid="account-name">{user.name}</dd>
            <dt>{t('user.email')}</dt>
            <dd data-testid="account-email">{user.email}</dd>
            <dt>{t('user.role')}</dt>
            <dd data-testid="account-role">{enumLabel('role', user.role)}</dd>
            <dt>{t('user.locale')}</dt>
            <dd>{enumLabel('language', user.locale)}</dd>
          </dl>
          <h3>{t('account.editProfile')}</h3>
          <ProfileForm key={`${user.name}|${user.locale}`} user={user} />
        </div>
        <div className="card">
          <h2>{t('account.organization')}</h2>
          {org ? (
            <>
              <dl className="details">
                <dt>{t('organization.name')}</dt>
                <dd data-testid="account-org-name">
                  <Link to={`/organizations/${org.id}`}>{org.name}</Link>
                </dd>
                <dt>{t('organization.kind')}</dt>
                <dd data-testid="account-org-kind">{enumLabel('organizationKind', org.kind)}</dd>
                <dt>{t('organization.verification')}</dt>
                <dd>
                  <VerifiedBadge verified={org.verified} testId="org-verified" />
                </dd>
              </dl>
              {!org.verified && <Notice tone="warning">{t('account.unverifiedExplained')}</Notice>}
              {user.membershipStatus !== 'pending' && <OrganizationMembers orgId={org.id} />}
            </>
          ) : (
            <Notice tone="info">{t('account.noOrganization')}</Notice>
          )}
        </div>
      </div>
      <NotificationSettings />
      <ChangePasswordForm />
      <p className="page-links">
        <Link to="/notifications">{t('notifications.title')}</Link>
        {' · '}
        <Link to="/alerts">{t('alerts.title')}</Link>
        {' · '}
        <Link to="/my/listings">{t('nav.myListings')}</Link>
        {' · '}
        <Link to="/my/deals">{t('nav.myDeals')}</Link>
      </p>
    </section>
  );
}
