import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../dates';
import { useLabels } from '../../labels';
import type { Listing } from '../../types';
import { StatusBadge } from '../../ui/StatusBadge';
import { listingHref } from './listingApi';
import { OwnerActions } from './OwnerActions';
import { ResponsiveTable } from '../../ui/ResponsiveTable';

interface MyListingsTableProps {
  caption: string;
  listings: Listing[];
  onChanged: (change: 'submitted' | 'withdrawn') => void;
  testId: string;
}

export function MyListingsTable({ caption, listings, onChanged, testId }: MyListingsTableProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <ResponsiveTable testId={testId} caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('listing.title')}</th>
          <th scope="col">{t('listing.status')}</th>
          <th scope="col">{t('listing.field')}</th>
          <th scope="col">{t('listing.updatedAt')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {listings.map((listing) => (
          <tr key={listing.id} data-testid={`my-listing-${listing.id}`} data-status={listing.status}>
            <td>
              <Link to={listingHref(listing.kind, listing.id)}>{listing.title}</Link>
              {listing.status === 'draft' && listing.rejectionReason && (
                <p className="row-note" data-testid={`rejection-${listing.id}`}>
                  {t('listing.rejectedBecause')} {listing.rejectionReason}
                </p>
              )}
            </td>
            <td>
              <StatusBadge status={listing.status} />
              {listing.status === 'published' && listing.revision && (
                <p className="row-note" data-testid={`revision-note-${listing.id}`}>
                  {t('revision.title')}
                </p>
              )}
            </td>
            <td>{labels.field(listing.field)}</td>
            <td>{formatDate(listing.updatedAt, labels.locale)}</td>
            <td>
              <OwnerActions listing={listing} onChanged={onChanged} compact />
            </td>
          </tr>
        ))}
      </tbody>
    </ResponsiveTable>
  );
}
