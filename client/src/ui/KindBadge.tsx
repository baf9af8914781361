import type { ListingKind } from '@contract/enums';
import { useLabels } from '../labels';

export function KindBadge({ kind }: { kind: ListingKind }) {
  const { enumLabel } = useLabels();
  return <span className={`badge badge-kind-${kind}`}>{enumLabel('listingKind', kind)}</span>;
}
