import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { BankTransferDetails } from './BankTransferDetails';
import { PayButtons } from './PayButtons';
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
      <PayButtons
        cardsOffered={cardsOffered}
        busy={busy}
        onPay={(provider) => void pay(provider)}
        bankLabel={transferPending ? t('payments.showInstructions') : t('payments.payByBank')}
        testIds={{ card: `pay-card-${line.payer}`, bank: `pay-bank-${line.payer}` }}
      />
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
