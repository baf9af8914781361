import { useTranslation } from 'react-i18next';
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
import { payAppraisalFee, type Appraisal, type AppraisalStatus } from './appraisalsApi';
import { useAppraisalLabels } from './useAppraisalLabels';

/** The fee falls due once an expert has taken the request on. */
const FEE_DUE: readonly AppraisalStatus[] = ['in_progress', 'reported', 'published'];

/**
 * The request's fee as the requesting organization (and operators) see it: the amount, how its
 * payment stands and, for the requester while it is due and unpaid, the ways to pay it — card
 * (Stripe Checkout, when the exchange takes cards) or bank transfer, whose instructions show here.
 * The report is shown to the requester and the listing's owner once the fee is paid.
 */
export function AppraisalFeePanel({
  appraisal: a,
  payer,
  onStarted,
}: {
  appraisal: Appraisal;
  /** A member of the requesting organization: may pay. */
  payer: boolean;
  /** A payment was started (the fee now stands pending): read the request again. */
  onStarted: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useAppraisalLabels();
  const providers = usePaymentProviders();
  const { busy, error, instructions, pay } = useStartPayment(
    (provider) => payAppraisalFee(a.id, provider),
    onStarted,
  );
  const fee = a.fee;
  if (!fee) return null;
  const due = FEE_DUE.includes(a.status);
  const payable = payer && due && fee.status !== 'paid';
  const cardsOffered = providers.includes('stripe');

  const hint =
    fee.status === 'paid'
      ? 'paid'
      : !due
        ? 'notDue'
        : fee.status === 'pending'
          ? 'pending'
          : payer
            ? 'due'
            : 'dueOther';
  return (
    <section
      className="card appraisal-fee"
      data-testid="appraisal-fee"
      data-status={fee.status}
      aria-labelledby="appraisal-fee-title"
    >
      <h2 className="card-title" id="appraisal-fee-title">
        {t('appraisals.fee.title')}
      </h2>
      <dl className="details">
        <dt>{t('payments.amount')}</dt>
        <dd className="fee-line-amount" data-testid="appraisal-fee-amount">
          {formatMoney(fee.amount, fee.currency, locale)}
        </dd>
        <dt>{t('payments.statusLabel')}</dt>
        <dd data-testid="appraisal-fee-status" data-status={fee.status}>
          <PaymentStatusBadge status={fee.status === 'unpaid' ? undefined : fee.status} />
        </dd>
      </dl>
      <p className="muted" data-testid="appraisal-fee-hint">
        {t(`appraisals.fee.hints.${hint}`)}
      </p>
      {payable && (
        <div className="fee-actions">
          <PayButtons
            cardsOffered={cardsOffered}
            busy={busy}
            onPay={(provider) => void pay(provider)}
            bankLabel={fee.status === 'pending' ? t('payments.showInstructions') : t('payments.payByBank')}
            testIds={{ card: 'appraisal-pay-card', bank: 'appraisal-pay-bank' }}
          />
          {!cardsOffered && providers.length > 0 && (
            <p className="muted" data-testid="cards-unavailable">
              {t('payments.cardsUnavailable')}
            </p>
          )}
        </div>
      )}
      <ErrorAlert error={error} />
      {payable && instructions && <BankTransferDetails instructions={instructions} />}
      {payer && fee.status === 'paid' && fee.paymentId && (
        <div className="button-row">
          <ReceiptLink paymentId={fee.paymentId} />
        </div>
      )}
    </section>
  );
}
