import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import type { Listing } from '../../types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import {
  BankTransferDetails,
  PayButtons,
  ReceiptLink,
  usePaymentProviders,
  useStartPayment,
} from '../payments';
import { listingHref } from './listingApi';
import { payListingFee, type ListingFee, type ListingFeeStatus } from './listingFeeApi';

/** The payment badge's look of each standing. */
const BADGE: Record<ListingFeeStatus, string> = {
  none: 'unpaid',
  pending: 'pending',
  paid: 'paid',
  refunding: 'pending',
  refunded: 'refunded',
  failed: 'failed',
};

/** What the step says under the amount, by how the fee stands. */
function hintOf(fee: ListingFee, draft: boolean): string | null {
  switch (fee.status) {
    case 'paid':
      return draft ? 'paidDraft' : 'paid';
    case 'pending':
    case 'refunding':
      return fee.status;
    case 'refunded':
      return fee.due ? 'refunded' : 'refundedDone';
    default:
      return fee.due ? 'due' : null;
  }
}

/**
 * The listing fee as its organization sees it, the step before "submit for review" where the fee
 * schedule charges one: the amount, how it stands and, while it is due, the ways to pay it — card
 * (Stripe Checkout, when the exchange takes cards) or bank transfer, whose instructions show here.
 * In a table row (`compact`) it links to the listing's page instead. Refunded if an operator
 * rejects the listing.
 */
export function ListingFeeStep({
  listing,
  fee,
  compact,
  onStarted,
}: {
  listing: Listing;
  fee: ListingFee;
  compact?: boolean;
  /** A payment was started: read the fee again. */
  onStarted: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const providers = usePaymentProviders();
  const { busy, error, instructions, pay } = useStartPayment(
    (provider) => payListingFee(listing.kind, listing.id, provider),
    onStarted,
  );
  if (!fee.required && fee.payments.length === 0) return null;
  const amount = fee.amount ?? fee.payment?.amount;
  const currency = fee.currency ?? fee.payment?.currency;
  const money = amount !== undefined && currency ? formatMoney(amount, currency, locale) : '';
  const hint = hintOf(fee, listing.status === 'draft');
  const cardsOffered = providers.includes('stripe');
  const receiptOf = fee.status === 'paid' ? fee.payments.find((p) => p.status === 'paid') : undefined;

  if (compact) {
    if (!fee.due) return null;
    return (
      <p className="row-note" data-testid={`listing-fee-due-${listing.id}`} data-status={fee.status}>
        <Link to={listingHref(listing.kind, listing.id)} data-testid={`listing-fee-link-${listing.id}`}>
          {t('listingFee.payLink', { amount: money })}
        </Link>
      </p>
    );
  }
  return (
    <section
      className="listing-fee"
      data-testid="listing-fee"
      data-status={fee.status}
      data-due={fee.due ? 'true' : 'false'}
      aria-labelledby={`listing-fee-title-${listing.id}`}
    >
      <h3 id={`listing-fee-title-${listing.id}`}>
        {listing.status === 'draft' && fee.required ? t('listingFee.stepPay') : t('listingFee.title')}
      </h3>
      <dl className="details">
        <dt>{t('payments.amount')}</dt>
        <dd data-testid="listing-fee-amount">{money}</dd>
        <dt>{t('payments.statusLabel')}</dt>
        <dd>
          <span
            className={`badge badge-payment-${BADGE[fee.status]}`}
            data-testid="listing-fee-status"
            data-status={fee.status}
          >
            {t(`listingFee.statuses.${fee.status}`)}
          </span>
        </dd>
      </dl>
      {hint && (
        <p className="muted" data-testid="listing-fee-hint" data-hint={hint}>
          {t(`listingFee.hints.${hint}`)}
        </p>
      )}
      {fee.due && fee.status !== 'refunding' && (
        <PayButtons
          cardsOffered={cardsOffered}
          busy={busy}
          onPay={(provider) => void pay(provider)}
          bankLabel={fee.status === 'pending' ? t('payments.showInstructions') : t('listingFee.payByBank')}
          testIds={{ card: 'listing-fee-pay-card', bank: 'listing-fee-pay-bank' }}
        />
      )}
      {fee.due && !cardsOffered && providers.length > 0 && (
        <p className="muted" data-testid="listing-fee-cards-unavailable">
          {t('payments.cardsUnavailable')}
        </p>
      )}
      <ErrorAlert error={error} />
      {fee.due && instructions && <BankTransferDetails instructions={instructions} />}
      {receiptOf && (
        <div className="button-row">
          <ReceiptLink paymentId={receiptOf.id} />
        </div>
      )}
    </section>
  );
}
