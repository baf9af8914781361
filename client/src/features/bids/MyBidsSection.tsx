import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { myBids } from './bidsApi';
import type { Bid } from './bidTypes';
import { BidTable } from './BidTable';
import { WithdrawBidButton } from './WithdrawBidButton';

/** `GET /api/bids?mine=true`: what my organization bid or proposed, across listings. */
export function MyBidsSection() {
  const { t } = useTranslation();
  const [bids, setBids] = useState<Bid[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    (signal?: AbortSignal) =>
      myBids(signal).then(setBids, (err: unknown) => {
        if (!signal?.aborted) setError(err);
      }),
    [],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);
  return (
    <section className="my-bids" data-testid="my-bids">
      <h2>{t('deals.myBids')}</h2>
      <ErrorAlert error={error} />
      {!bids && !error && <Loading />}
      {bids && (
        <BidTable
          bids={bids}
          caption={t('deals.myBids')}
          showListing
          actions={(bid) => <WithdrawBidButton bid={bid} onChanged={() => void load()} />}
        />
      )}
    </section>
  );
}
