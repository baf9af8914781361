import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { myBids } from './bidsApi';
import { BidTable } from './BidTable';
import { WithdrawBidButton } from './WithdrawBidButton';

/** `GET /api/bids?mine=true`: what my organization bid or proposed, across listings. */
export function MyBidsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.myBids, queryFn: ({ signal }) => myBids(signal) });
  const bids = query.data;
  const reload = () => void queryClient.invalidateQueries({ queryKey: queryKeys.myBids });
  return (
    <section className="my-bids" data-testid="my-bids">
      <h2>{t('deals.myBids')}</h2>
      <QueryStatus query={query} />
      {bids && (
        <BidTable
          bids={bids}
          caption={t('deals.myBids')}
          showListing
          actions={(bid) => <WithdrawBidButton bid={bid} onChanged={reload} />}
        />
      )}
    </section>
  );
}
