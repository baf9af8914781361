import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import { ErrorAlert } from '../../ui/ErrorAlert';
import {
  confirmPayment,
  recordSurplusRefund,
  refundPayment,
  retrySurplusRefund,
  type AdminPayment,
  type Payment,
} from './paymentsApi';
import { PaymentStatusBadge } from './PaymentStatusBadge';
import { ReasonForm } from '../../ui/ReasonForm';
import { ReceiptLink } from './ReceiptLink';
import { TransferConfirmForm } from './TransferConfirmForm';

/** What the payment is for: its deal, or the appraisal (an appraisal's fee has no deal). */
function PaymentSubject({ payment }: { payment: AdminPayment }) {
  const { t } = useTranslation();
  const title = payment.dealTitle ?? payment.title;
  if (payment.appraisalId)
    return (
      <>
        <Link to={`/appraisals/${payment.appraisalId}`} data-testid={`payment-appraisal-${payment.id}`}>
          {title ?? payment.appraisalId}
        </Link>
        <div className="row-note">{t('payments.admin.appraisal')}</div>
      </>
    );
  if (payment.listingId)
    return (
      <Link
        to={`/${payment.listingKind === 'demand' ? 'demands' : 'offers'}/${payment.listingId}`}
        data-testid={`payment-listing-${payment.id}`}
      >
        {title ?? payment.listingId}
      </Link>
    );
  if (payment.dealId)
    return (
      <Link to={`/deals/${payment.dealId}`} data-testid={`payment-deal-${payment.id}`}>
        {title ?? payment.dealId}
      </Link>
    );
  return <>{title ?? '—'}</>;
}

/**
 * One payment in the operators' list, with confirm (a bank transfer received: the statement's
 * amount, reference and date asked first) and refund; a deposit whose surplus refund kept failing
 * says why, and the operator retries it or records it made elsewhere (with its reference).
 */
export function AdminPaymentRow({
  payment,
  onChanged,
}: {
  payment: AdminPayment;
  onChanged: (p: Payment) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refunding, setRefunding] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [recording, setRecording] = useState(false);

  async function act(action: () => Promise<Payment>) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
      setRefunding(false);
      setConfirming(false);
      setRecording(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const refundable = payment.status === 'paid' && (payment.dealStatus === 'cancelled' || payment.duplicate);
  const stuck = payment.deposit?.surplusRefundNeedsOperator;
  return (
    <tr data-testid={`admin-payment-${payment.id}`}>
      <td>
        <PaymentSubject payment={payment} />
        <div className="row-note">{t(`payments.purposes.${payment.purpose}`)}</div>
      </td>
      <td>
        {payment.payerOrgName ?? payment.payerOrgId}
        <div className="row-note">{t(`payments.payers.${payment.payer}`)}</div>
      </td>
      <td>{formatMoney(payment.amount, payment.currency, locale)}</td>
      <td>
        {t(`payments.providers.${payment.provider}`)}
        <div className="row-note">
          <code>{payment.reference}</code>
        </div>
      </td>
      <td>
        <PaymentStatusBadge status={payment.status} />
        {payment.duplicate && <div className="row-note">{t('payments.admin.duplicate')}</div>}
        {stuck && (
          <div className="row-note" data-testid={`surplus-stuck-${payment.id}`}>
            {t('payments.admin.surplusStuck', {
              amount: formatMoney(stuck.amount, payment.currency, locale),
              error: stuck.error ?? '—',
            })}
          </div>
        )}
        <div className="row-note">{formatDateTime(payment.paidAt ?? payment.createdAt, locale)}</div>
      </td>
      <td>
        <div className="button-row">
          {payment.provider === 'bank_transfer' &&
            (payment.status === 'pending' || payment.status === 'failed') &&
            !confirming && (
              <button
                type="button"
                className="btn btn-small btn-primary"
                disabled={busy}
                onClick={() => setConfirming(true)}
                data-testid={`confirm-${payment.id}`}
              >
                {t('payments.admin.confirm')}
              </button>
            )}
          {refundable && !refunding && (
            <button
              type="button"
              className="btn btn-small btn-danger-outline"
              disabled={busy}
              onClick={() => setRefunding(true)}
              data-testid={`refund-${payment.id}`}
            >
              {t('payments.admin.refund')}
            </button>
          )}
          {stuck && !recording && (
            <>
              <button
                type="button"
                className="btn btn-small btn-primary"
                disabled={busy}
                onClick={() => void act(() => retrySurplusRefund(payment.id))}
                data-testid={`retry-surplus-${payment.id}`}
              >
                {t('payments.admin.retryRefund')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-secondary"
                disabled={busy}
                onClick={() => setRecording(true)}
                data-testid={`record-surplus-${payment.id}`}
              >
                {t('payments.admin.recordRefund')}
              </button>
            </>
          )}
          {(payment.status === 'paid' || payment.status === 'refunded') && (
            <ReceiptLink paymentId={payment.id} />
          )}
        </div>
        {confirming && (
          <TransferConfirmForm
            paymentId={payment.id}
            expected={payment.amount}
            currency={payment.currency}
            locale={locale}
            busy={busy}
            onSubmit={(receipt) => void act(() => confirmPayment(payment.id, receipt))}
            onCancel={() => setConfirming(false)}
          />
        )}
        {refunding && (
          <ReasonForm
            action="refund"
            targetId={payment.id}
            label={t('payments.admin.refundReason')}
            confirmLabel={t('payments.admin.confirmRefund')}
            minLength={3}
            tooShortMessage={t('payments.admin.reasonRequired')}
            busy={busy}
            onSubmit={(reason) => void act(() => refundPayment(payment.id, reason))}
            onCancel={() => setRefunding(false)}
          />
        )}
        {recording && (
          <ReasonForm
            action="surplus-refunded"
            targetId={payment.id}
            label={t('payments.admin.refundReference')}
            confirmLabel={t('payments.admin.confirmRecord')}
            minLength={3}
            tooShortMessage={t('payments.admin.referenceRequired')}
            busy={busy}
            onSubmit={(reference) => void act(() => recordSurplusRefund(payment.id, reference))}
            onCancel={() => setRecording(false)}
          />
        )}
        <ErrorAlert error={error} />
      </td>
    </tr>
  );
}
