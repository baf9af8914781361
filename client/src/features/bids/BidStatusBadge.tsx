import { useTranslation } from 'react-i18next';
import type { BidStatus } from './bidTypes';

export function BidStatusBadge({ status }: { status: BidStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-bid-${status}`} data-testid="bid-status" data-status={status}>
      {t(`bids.statuses.${status}`)}
    </span>
  );
}
