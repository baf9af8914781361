import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { appraisalHref, appraisalKeys, myAppraisals } from './appraisalsApi';
import { AppraisalStatusBadge } from './AppraisalStatusBadge';
import { useAppraisalLabels } from './useAppraisalLabels';

/** Most requests read to find this listing's among my organization's. */
const LIMIT = 100;

/** My organization's requests on this listing, each linked to its page. */
export function ListingRequests({ kind, listingId }: { kind: ListingKind; listingId: string }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const query = useQuery({
    queryKey: appraisalKeys.mine({ limit: LIMIT }),
    queryFn: ({ signal }) => myAppraisals({ limit: LIMIT }, signal),
  });
  const mine = (query.data?.appraisals ?? []).filter(
    (a) => a.listingKind === kind && a.listingId === listingId,
  );
  if (mine.length === 0) return null;
  return (
    <ul className="appraisal-requests" data-testid="listing-appraisal-requests">
      {mine.map((a) => (
        <li key={a.id}>
          <Link to={appraisalHref(a.id)} data-testid={`listing-appraisal-${a.id}`}>
            {labels.type(a.type)}
          </Link>{' '}
          <AppraisalStatusBadge status={a.status} />{' '}
          <span className="row-note">{t('appraisals.requestedOn', { date: labels.date(a.createdAt) })}</span>
        </li>
      ))}
    </ul>
  );
}
