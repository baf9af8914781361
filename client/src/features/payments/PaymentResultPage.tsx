import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import type { ApiResponse } from '../../api/responses';
import { useLocale } from '../../labels';
import { formatMoney } from '../../money';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { NotFoundPage } from '../layout';
import { BankTransferDetails } from './BankTransferDetails';
import { getPayment, type PaymentWithDeal } from './paymentsApi';
import { PaymentStatusBadge } from './PaymentStatusBadge';
import { ReceiptLink } from './ReceiptLink';

const POLL_MS = 2000;

/** The payment-by-id answer's payment (schema.d.ts): a bid deposit names its auction, `offerId`. */
type PaymentAnswer = NonNullable<ApiResponse<'/api/payments/{id}'>['payment']>;
type PaymentResult = PaymentWithDeal & { payment: Pick<PaymentAnswer, 'offerId' | 'demandId'> };

/** Where the payment came from, and so where it is paid again (and the notice's words). */
type PaidFrom = 'deal' | 'appraisal' | 'offer' | 'listing';
const NOTICE_SUFFIX: Record<PaidFrom, string> = {
  deal: '',
  appraisal: 'Appraisal',
  offer: 'Offer',
  listing: 'Listing',
};

/**
 * `/payments/:id/result`, where Stripe Checkout sends the payer back. It shows the payment's
 * real state, read from the server: pending until Stripe's webhook lands, so it polls.
 */
export function PaymentResultPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const [data, setData] = useState<PaymentResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(t('payments.result.title'));
  const pending = !data || data.payment.status === 'pending';

  useEffect(() => {
    if (!pending) return;
    const controller = new AbortController();
    const load = () =>
      getPayment(id, controller.signal).then(
        (loaded) => {
          setData(loaded);
          setError(null);
        },
        (err: unknown) => {
          if (!controller.signal.aborted) setError(err);
        },
      );
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [id, pending]);

  if (isApiError(error) && error.status === 404) return <NotFoundPage />;
  if (!data) return error ? <ErrorAlert error={error} /> : <Loading />;
  const { payment, deal, appraisal, listing, instructions } = data;
  const cancelled = params.get('cancelled') === '1' && payment.status === 'pending';
  // A bid deposit is paid again from its auction's page, an appraisal's fee from the appraisal's
  // page, a deal's fee from the deal's. A deposit names its auction (`offerId`) and has no deal
  // or appraisal; the auction is read first all the same.
  // A call for proposals' deposit names its call (`demandId`) and is paid again from there too.
  const depositOn = payment.offerId
    ? `/offers/${payment.offerId}`
    : payment.demandId
      ? `/demands/${payment.demandId}`
      : undefined;
  const from: PaidFrom = depositOn ? 'offer' : listing ? 'listing' : appraisal ? 'appraisal' : 'deal';
  const suffix = NOTICE_SUFFIX[from];
  return (
    <section data-testid="payment-result">
      <h1>{t('payments.result.title')}</h1>
      <p>
        {t(`payments.purposes.${payment.purpose}`)} ·{' '}
        <strong>{formatMoney(payment.amount, payment.currency, locale)}</strong>{' '}
        <PaymentStatusBadge status={payment.status} />
      </p>
      <Notice
        tone={payment.status === 'paid' ? 'success' : payment.status === 'failed' ? 'warning' : 'info'}
        testId="payment-result-notice"
      >
        {cancelled
          ? t(`payments.result.cancelled${suffix}`)
          : payment.status === 'failed'
            ? t(`payments.result.failed${suffix}`)
            : t(`payments.result.${payment.status}`)}
      </Notice>
      {payment.status === 'pending' && payment.provider === 'stripe' && !cancelled && <Loading />}
      {instructions && <BankTransferDetails instructions={instructions} />}
      <p className="muted">
        {t('payments.reference')}: <code>{payment.reference}</code>
        {deal && (
          <>
            {' '}
            · {t('payments.deal')}:{' '}
            <span data-testid="result-deal-status">
              {t(`deals.statuses.${deal.status}`, { defaultValue: deal.status })}
            </span>
          </>
        )}
      </p>
      <div className="button-row">
        {deal && (
          <Link to={`/deals/${deal.id}`} className="btn btn-secondary" data-testid="back-to-deal">
            {t('payments.result.backToDeal', { title: deal.title })}
          </Link>
        )}
        {depositOn && (
          <Link to={depositOn} className="btn btn-secondary" data-testid="back-to-offer">
            {t('payments.result.backToOffer')}
          </Link>
        )}
        {from === 'listing' && listing && (
          <Link
            to={`/${listing.kind === 'offer' ? 'offers' : 'demands'}/${listing.id}`}
            className="btn btn-secondary"
            data-testid="back-to-listing"
          >
            {t('payments.result.backToListing', { title: listing.title })}
          </Link>
        )}
        {from === 'appraisal' && appraisal && (
          <Link
            to={`/appraisals/${appraisal.id}`}
            className="btn btn-secondary"
            data-testid="back-to-appraisal"
          >
            {t('payments.result.backToAppraisal', { title: appraisal.title })}
          </Link>
        )}
        {(payment.status === 'paid' || payment.status === 'refunded') && (
          <ReceiptLink paymentId={payment.id} />
        )}
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
