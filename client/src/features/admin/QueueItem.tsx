import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import type { Listing } from '../../types';
import { KindBadge } from '../../ui/KindBadge';
import { VerifiedBadge } from '../../ui/VerifiedBadge';
import { listingHref } from '../listings';
import { ReviewActions } from './ReviewActions';

interface QueueItemProps {
  listing: Listing;
  onDone: (listing: Listing, outcome: 'approved' | 'rejected') => void;
}

export function QueueItem({ listing, onDone }: QueueItemProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <li className="card queue-item" data-testid={`queue-item-${listing.id}`} data-kind={listing.kind}>
      <div className="queue-item-body">
        <p className="page-kicker">
          <KindBadge kind={listing.kind} /> <span className="hit-field">{labels.field(listing.field)}</span>
        </p>
        <h2 className="queue-title">
          <Link to={listingHref(listing.kind, listing.id)}>{listing.title}</Link>
        </h2>
        {listing.summary && <p className="hit-summary">{listing.summary}</p>}
        <p className="row-note">
          {listing.organization?.name}{' '}
          {listing.organization && <VerifiedBadge verified={listing.organization.verified} />} ·{' '}
          {t('review.submittedAt', { date: formatDateTime(listing.updatedAt, labels.locale) })}
        </p>
      </div>
      <ReviewActions kind={listing.kind} id={listing.id} onDone={(outcome) => onDone(listing, outcome)} />
    </li>
  );
}
