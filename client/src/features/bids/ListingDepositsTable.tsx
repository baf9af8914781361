import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import type { Bid } from './bidTypes';
import { DepositFate, isKeptForRunnerUp } from './DepositFate';
import { useListingDeposits, type DepositPayment } from './depositApi';

/** How a deposit stands, in one word for the owner's list. */
function stateOf(d: DepositPayment): string {
  if (isKeptForRunnerUp(d)) return 'kept';
  if (d.status === 'paid' && d.deposit?.outcome) return d.deposit.outcome;
  return d.status;
}

/**
 * The deposits paid on the owner's auction or call, once any was paid: who paid (as their bids
 * name them once unsealed), how much, and what became of each: held, kept for the runner-up
 * (until when, and then what), credited to the deal with its surplus refunded, refunded, forfeited.
 */
export function ListingDepositsTable({
  kind,
  listingId,
  bids,
}: {
  kind: ListingKind;
  listingId: string;
  bids: readonly Bid[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useListingDeposits(kind, listingId, true);
  const deposits = (query.data?.deposits ?? []).filter((d) => d.status !== 'failed');
  if (deposits.length === 0) return null;
  const names = new Map(bids.map((b) => [b.bidderOrg.id, b.bidderOrg.name]));
  return (
    <section className="listing-deposits" aria-labelledby="listing-deposits-title">
      <h3 id="listing-deposits-title">{t('bids.deposit.owner.title')}</h3>
      <ResponsiveTable testId="listing-deposits" caption={t('bids.deposit.owner.title')}>
        <thead>
          <tr>
            <th scope="col">{t('bids.deposit.owner.bidder')}</th>
            <th scope="col">{t('payments.amount')}</th>
            <th scope="col">{t('bids.deposit.owner.state')}</th>
          </tr>
        </thead>
        <tbody>
          {deposits.map((d) => (
            <tr key={d.id} data-testid={`listing-deposit-${d.id}`} data-state={stateOf(d)}>
              <td>{names.get(d.payerOrgId) ?? t('bids.deposit.owner.unknownBidder')}</td>
              <td>{formatMoney(d.amount, d.currency, locale)}</td>
              <td>
                {t(`bids.deposit.owner.states.${stateOf(d)}`)}
                <DepositFate payment={d} viewer="owner" />
              </td>
            </tr>
          ))}
        </tbody>
      </ResponsiveTable>
    </section>
  );
}
