import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { formatMoney } from '../../money';
import { BidStatusBadge } from './BidStatusBadge';
import type { Bid } from './bidTypes';
import { ResponsiveTable } from '../../ui/ResponsiveTable';

interface BidTableProps {
  bids: Bid[];
  caption: string;
  /** Show the listing column (lists across listings). */
  showListing?: boolean;
  actions?: (bid: Bid) => ReactNode;
}

export function BidTable({ bids, caption, showListing, actions }: BidTableProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (bids.length === 0) {
    return (
      <p className="empty-state" data-testid="bids-empty">
        {t('bids.none')}
      </p>
    );
  }
  return (
    <ResponsiveTable testId="bid-table" caption={caption}>
      <thead>
        <tr>
          {showListing && <th scope="col">{t('bids.listing')}</th>}
          <th scope="col">{t('bids.bidder')}</th>
          <th scope="col">{t('deals.terms.amount')}</th>
          <th scope="col">{t('bids.transferMode')}</th>
          <th scope="col">{t('bids.status')}</th>
          <th scope="col">{t('bids.submittedAt')}</th>
          {actions && <th scope="col">{t('common.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {bids.map((bid) => (
          <tr key={bid.id} data-testid={`bid-row-${bid.id}`} data-amount={bid.amount}>
            {showListing && (
              <td>
                <Link to={`/${bid.listingKind}s/${bid.listingId}`}>{bid.listingTitle}</Link>
              </td>
            )}
            <td>
              {bid.bidderOrg.name}
              {bid.terms && <div className="muted small">{bid.terms}</div>}
            </td>
            <td>{formatMoney(bid.amount, bid.currency, labels.locale)}</td>
            <td>{labels.enumLabel('transferMode', bid.transferMode)}</td>
            <td>
              <BidStatusBadge status={bid.status} />
              {bid.dealId && (
                <div>
                  <Link to={`/deals/${bid.dealId}`} data-testid={`bid-deal-${bid.id}`}>
                    {t('bids.viewDeal')}
                  </Link>
                </div>
              )}
            </td>
            <td>{formatDateTime(bid.createdAt, labels.locale)}</td>
            {actions && <td>{actions(bid)}</td>}
          </tr>
        ))}
      </tbody>
    </ResponsiveTable>
  );
}
