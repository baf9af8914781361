import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Listing } from '../../types';
import { Notice } from '../../ui/Notice';
import { StatusBadge } from '../../ui/StatusBadge';
import { listingHref } from './listingApi';
import type { ListingNotice } from './useListingForm';

interface ListingFormHeaderProps {
  title: string;
  listing: Listing | null;
}

export function ListingFormHeader({ title, listing }: ListingFormHeaderProps) {
  const { t } = useTranslation();
  const notice = (useLocation().state as ListingNotice | null)?.notice;
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {listing && (
          <p className="page-meta">
            <StatusBadge status={listing.status} />{' '}
            <Link to={listingHref(listing.kind, listing.id)}>{t('listingForm.viewListing')}</Link>
          </p>
        )}
      </div>
      {notice === 'saved' && (
        <Notice tone="success" testId="notice-saved">
          {t('listingForm.savedNotice')}
        </Notice>
      )}
      {listing?.rejectionReason && listing.status === 'draft' && (
        <Notice tone="warning" testId="rejection-reason">
          <strong>{t('listing.rejectedBecause')}</strong> {listing.rejectionReason}
        </Notice>
      )}
      {listing?.status === 'published' && (
        <Notice tone="info" testId="revision-form-notice">
          {t('revision.formNotice')}
        </Notice>
      )}
      {listing && listing.status !== 'draft' && listing.status !== 'published' && (
        <Notice tone="info">{t('listingForm.notDraft')}</Notice>
      )}
    </header>
  );
}
