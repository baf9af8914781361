import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import { ErrorAlert } from '../../ui/ErrorAlert';
import {
  BankTransferDetails,
  PayButtons,
  PaymentStatusBadge,
  ReceiptLink,
  usePaymentProviders,
  useStartPayment,
} from '../payments';
import { payDeposit, type MyDeposit } from './depositApi';
import { DepositFate, isKeptForRunnerUp } from './DepositFate';
import './bids.css';

/** What the panel says under the amount, by how the deposit stands. */
type DepositHint =
  'due' | 'unverified' | 'closed' | 'pending' | 'paid' | 'refunded' | 'credited' | 'forfeited' | 'kept';

function hintOf(deposit: MyDeposit, open: boolean, canPay: boolean): DepositHint {
  const outcome = deposit.payment?.deposit?.outcome;
  if (outcome) return outcome;
  if (deposit.payment && isKeptForRunnerUp(deposit.payment)) return 'kept';
  if (deposit.status === 'refunded') return 'refunded';
  if (deposit.status === 'paid') return 'paid';
  if (deposit.status === 'pending') return 'pending';
  if (!open) return 'closed';
  return canPay ? 'due' : 'unverified';
}

/**
 * The deposit an auction asks each bidder (or a call for proposals each proposer) before bidding,
 * as a possible bidder sees it: the
 * amount, how its organization's deposit stands and, while the auction takes bids and the deposit
 * is not paid, the ways to pay it — card (Stripe Checkout, when the exchange takes cards) or bank
 * transfer, whose instructions (with the reference to quote) show here. The bid form opens once
 * the deposit is paid; after the close it says whether the deposit was refunded, credited to
 * the winner's deal (with its surplus over the fees refunded) or kept for the runner-up (until
 * when, and what then: DepositFate).
 */
export function DepositPanel({
  kind,
  listingId,
  deposit,
  open,
  canPay,
  onStarted,
}: {
  kind: ListingKind;
  listingId: string;
  deposit: MyDeposit;
  /** The auction (or call) takes bids (and so deposits). */
  open: boolean;
  /** A member of a verified organization: may pay. */
  canPay: boolean;
  /** A payment was started (the deposit now stands pending): read it again. */
  onStarted: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const providers = usePaymentProviders();
  const { busy, error, instructions, pay } = useStartPayment(
    (provider) => payDeposit(kind, listingId, provider),
    onStarted,
  );
  const { amount, currency, status, payment } = deposit;
  if (!deposit.required || amount === undefined || !currency) return null;

  const hint = hintOf(deposit, open, canPay);
  const payable = canPay && open && (status === 'none' || status === 'failed' || status === 'pending');
  const cardsOffered = providers.includes('stripe');
  const dealId = payment?.deposit?.outcome === 'credited' ? payment.deposit.dealId : undefined;
  return (
    <section
      className="deposit-panel"
      data-testid="deposit-panel"
      data-status={status}
      aria-labelledby="deposit-panel-title"
    >
      <h3 id="deposit-panel-title">
        {t(kind === 'offer' ? 'bids.deposit.title' : 'bids.deposit.callTitle')}
      </h3>
      <dl className="details">
        <dt>{t('payments.amount')}</dt>
        <dd data-testid="deposit-amount">{formatMoney(amount, currency, locale)}</dd>
        <dt>{t('payments.statusLabel')}</dt>
        <dd data-testid="deposit-status" data-status={status}>
          <PaymentStatusBadge status={status === 'none' ? undefined : status} />
        </dd>
      </dl>
      <p className="muted" data-testid="deposit-hint" data-hint={hint}>
        {t(`bids.deposit.${kind === 'offer' ? 'hints' : 'callHints'}.${hint}`)}
      </p>
      {payment && <DepositFate payment={payment} viewer="payer" />}
      {hint === 'forfeited' && payment?.deposit?.reason && (
        <p className="muted" data-testid="deposit-forfeit-reason">
          {payment.deposit.reason}
        </p>
      )}
      {payable && (
        <PayButtons
          cardsOffered={cardsOffered}
          busy={busy}
          onPay={(provider) => void pay(provider)}
          bankLabel={status === 'pending' ? t('payments.showInstructions') : t('bids.deposit.payByBank')}
          testIds={{ card: 'deposit-pay-card', bank: 'deposit-pay-bank' }}
        />
      )}
      {payable && !cardsOffered && providers.length > 0 && (
        <p className="muted" data-testid="deposit-cards-unavailable">
          {t('payments.cardsUnavailable')}
        </p>
      )}
      <ErrorAlert error={error} />
      {payable && instructions && <BankTransferDetails instructions={instructions} />}
      {(dealId || ((status === 'paid' || status === 'refunded') && payment)) && (
        <div className="button-row">
          {dealId && (
            <Link to={`/deals/${dealId}`} className="btn btn-small btn-secondary" data-testid="deposit-deal">
              {t('bids.viewDeal')}
            </Link>
          )}
          {(status === 'paid' || status === 'refunded') && payment && <ReceiptLink paymentId={payment.id} />}
        </div>
      )}
    </section>
  );
}
