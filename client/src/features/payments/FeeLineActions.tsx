import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { BankTransferDetails } from './BankTransferDetails';
import { startPayment, type FeeLine, type PaymentProvider } from './paymentsApi';
import { useStartPayment } from './useStartPayment';

interface FeeLineActionsProps {
  dealId: string;
  line: FeeLine;
  providers: PaymentProvider[];
  onStarted: () => void;
}

/** The payer's choices for an unpaid fee: card (Stripe Checkout) or bank transfer. */
export function FeeLineActions({ dealId, line, providers, onStarted }: FeeLineActionsProps) {
  const { t } = useTranslation();
  const { busy, error, instructions, pay } = useStartPayment(
    (provider) => startPayment(dealId, provider, line.payer),
    onStarted,
  );
  const cardsOffered = providers.includes('stripe');
  const transferPending = line.status === 'pending' && line.provider === 'bank_transfer';

  return (
    <div className="fee-actions">
      <div className="button-row">
        {cardsOffered && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={busy}
            onClick={() => void pay('stripe')}
            data-testid={`pay-card-${line.payer}`}
          >
            {t('payments.payByCard')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-small btn-secondary"
          disabled={busy}
          onClick={() => void pay('bank_transfer')}
          data-testid={`pay-bank-${line.payer}`}
        >
          {transferPending ? t('payments.showInstructions') : t('payments.payByBank')}
        </button>
      </div>
      {!cardsOffered && (
        <p className="muted" data-testid="cards-unavailable">
          {t('payments.cardsUnavailable')}
        </p>
      )}
      <ErrorAlert error={error} />
      {instructions && <BankTransferDetails instructions={instructions} />}
    </div>
  );
}
