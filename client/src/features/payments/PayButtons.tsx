import { useTranslation } from 'react-i18next';
import type { PaymentProvider } from './paymentsApi';

interface PayButtonsProps {
  /** The exchange takes cards (Stripe Checkout): the card button shows. */
  cardsOffered: boolean;
  /** A payment is being started: both buttons wait. */
  busy: boolean;
  /** Start (or resume) the payment by this provider. */
  onPay: (provider: PaymentProvider) => void;
  /** The bank transfer button's words: "pay by bank transfer", or "show the instructions" once one is pending. */
  bankLabel: string;
  /** Each button's `data-testid`. */
  testIds: { card: string; bank: string };
}

/**
 * The ways to pay a fee, in a row: by card (only when the exchange takes cards), then by bank
 * transfer. The deal's fee lines, an appraisal's fee and an auction's deposit show them alike.
 */
export function PayButtons({ cardsOffered, busy, onPay, bankLabel, testIds }: PayButtonsProps) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      {cardsOffered && (
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={busy}
          onClick={() => onPay('stripe')}
          data-testid={testIds.card}
        >
          {t('payments.payByCard')}
        </button>
      )}
      <button
        type="button"
        className="btn btn-small btn-secondary"
        disabled={busy}
        onClick={() => onPay('bank_transfer')}
        data-testid={testIds.bank}
      >
        {bankLabel}
      </button>
    </div>
  );
}
