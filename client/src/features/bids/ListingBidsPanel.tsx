import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useAuth } from '../auth';
import { getListingBids } from './bidsApi';
import { BidForm } from './BidForm';
import { BidTable } from './BidTable';
import { DeadlineNotice } from './DeadlineNotice';
import { useMyDeposit } from './depositApi';
import { DepositPanel } from './DepositPanel';
import { ListingDepositsTable } from './ListingDepositsTable';
import { OpenNegotiationButton } from './OpenNegotiationButton';
import { OwnerBidActions } from './OwnerBidActions';
import { RunnerUpAction } from './RunnerUpAction';
import { WithdrawBidButton } from './WithdrawBidButton';

/**
 * Bids on a listing for the signed-in user: the owner sees the bids received (sealed ones after
 * the deadline) and decides on them; another verified organization places bids and follows its own
 * — on an auction or a call for proposals that asks a deposit, once its deposit is paid
 * (DepositPanel); the owner follows what became of the deposits (ListingDepositsTable) and, after
 * a forfeit, may offer the technology to the runner-up.
 */
export function ListingBidsPanel({ kind, id }: { kind: ListingKind; id: string }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [placed, setPlaced] = useState(false);
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.listingBids(kind, id),
    queryFn: ({ signal }) => getListingBids(kind, id, signal),
  });
  const data = query.data;
  const orgId = user?.organization?.id;
  const owner = !!orgId && orgId === data?.listing.ownerOrgId;
  // Auctions and calls for proposals may ask a deposit.
  const sealed =
    kind === 'offer'
      ? data?.listing.pricingModel === 'auction'
      : data?.listing.demandMode === 'call_for_proposals';
  // A member of another organization may have to pay the deposit before bidding.
  const deposit = useMyDeposit(kind, id, !!orgId && !owner && sealed);

  if (!user) return null;
  if (query.error || !data) return <QueryStatus query={query} />;

  const { listing } = data;
  const title = kind === 'offer' ? t('bids.bidsTitle') : t('bids.proposalsTitle');
  const deadlinePassed = !!listing.deadline && Date.parse(listing.deadline) <= Date.now();
  const open = listing.status === 'published' && !listing.closedAt && !listing.awarded && !deadlinePassed;
  const operator = user.role === 'admin' && !owner && !orgId;
  // Refreshes the deposit too (its key is below the bids').
  const reload = () => void queryClient.invalidateQueries({ queryKey: queryKeys.listingBids(kind, id) });
  const verified = !!user.organization?.verified;
  const myDeposit = deposit.data?.required ? deposit.data : undefined;
  const depositUnpaid = !!myDeposit && myDeposit.status !== 'paid';

  return (
    <section className="card listing-bids" data-testid="listing-bids" data-owner={owner ? 'true' : 'false'}>
      <h2 className="card-title">{title}</h2>
      <DeadlineNotice listing={listing} sealed={data.sealed} owner={owner} />
      {operator && <BidTable bids={data.bids} caption={t('bids.received')} />}
      {owner && (
        <BidTable
          bids={data.bids}
          caption={t('bids.received')}
          actions={(bid) => <OwnerBidActions bid={bid} onChanged={reload} />}
        />
      )}
      {owner && sealed && <ListingDepositsTable kind={kind} listingId={id} bids={data.bids} />}
      {owner && sealed && <RunnerUpAction kind={kind} listingId={id} />}
      {!owner && !operator && (
        <>
          {placed && (
            <Notice tone="success" testId="bid-placed">
              {t('bids.submitted')}
            </Notice>
          )}
          {myDeposit && (
            <DepositPanel
              kind={kind}
              listingId={id}
              deposit={myDeposit}
              open={open}
              canPay={verified}
              onStarted={reload}
            />
          )}
          <ErrorAlert error={deposit.error} />
          {open && verified && deposit.isLoading && <Loading />}
          {open && verified && !deposit.isLoading && (
            <BidForm
              listing={listing}
              blockedReason={depositUnpaid ? t('bids.depositRequired') : undefined}
              onPlaced={() => {
                setPlaced(true);
                reload();
              }}
            />
          )}
          {open && !verified && <p className="muted">{t('bids.verifiedOnly')}</p>}
          <h3>{t('bids.yours')}</h3>
          <BidTable
            bids={data.bids}
            caption={t('bids.yours')}
            actions={(bid) => <WithdrawBidButton bid={bid} onChanged={reload} />}
          />
          {listing.status === 'published' && verified && <OpenNegotiationButton kind={kind} listingId={id} />}
        </>
      )}
    </section>
  );
}
