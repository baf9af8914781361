import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Listing } from '../../types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { isAdmin, useAuth } from '../auth';
import { isOwnListing } from './listingApi';

interface ListingFormGateProps {
  loading: boolean;
  loadError: unknown;
  listing: Listing | null;
  children: ReactNode;
}

/** Shows the form only to someone who may write it: a member of an organization, and its owner when editing. */
export function ListingFormGate({ loading, loadError, listing, children }: ListingFormGateProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user?.organization) {
    return (
      <Notice tone="warning" testId="needs-organization">
        {t('listingForm.needsOrganization')} <Link to="/account">{t('account.title')}</Link>
      </Notice>
    );
  }
  if (loading) return <Loading />;
  if (loadError) return <ErrorAlert error={loadError} />;
  if (listing && !isOwnListing(listing, user.organization.id) && !isAdmin(user)) {
    return <Notice tone="warning">{t('listingForm.notYours')}</Notice>;
  }
  return <>{children}</>;
}
