import type { ListingStatus } from '@contract/enums';
import { useLabels } from '../labels';

export function StatusBadge({ status }: { status: ListingStatus }) {
  const { enumLabel } = useLabels();
  return (
    <span className={`badge badge-status-${status}`} data-testid="status-badge" data-status={status}>
      {enumLabel('listingStatus', status)}
    </span>
  );
}
