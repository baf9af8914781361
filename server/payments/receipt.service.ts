import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { Currency, Locale } from '../api-contract/enums';
import { loadPaymentForUser } from './payment-access';
import { receiptNumberOf } from './reference';
import { renderReceiptHtml } from './receipt';
import { organizationReads } from '../organizations';

/** The receipt of a paid (or since refunded) fee: the payer's organization, the deal's parties and operators. */
export async function receiptHtml(
  user: SessionUser,
  paymentId: string,
  lang: Locale | undefined,
): Promise<string> {
  const { payment, deal } = await loadPaymentForUser(user, paymentId);
  if ((payment.status !== 'paid' && payment.status !== 'refunded') || !payment.paidAt) {
    throw AppError.conflict(`The payment is ${payment.status}; a receipt exists once it is paid`);
  }
  const payerOrg = await organizationReads.findById(payment.payerOrgId, { name: 1 }).lean();
  return renderReceiptHtml(
    {
      receiptNumber: receiptNumberOf(payment.reference),
      paidAt: payment.paidAt,
      payerOrgName: payerOrg?.name ?? String(payment.payerOrgId),
      subject: deal
        ? 'deal'
        : payment.offerId
          ? 'auction'
          : payment.demandId
            ? 'call'
            : payment.listingId
              ? 'listing'
              : 'appraisal',
      dealId: deal
        ? String(deal._id)
        : String(payment.appraisalId ?? payment.offerId ?? payment.demandId ?? payment.listingId),
      dealTitle: deal ? deal.listingTitle : (payment.title ?? ''),
      purpose: payment.purpose,
      amount: payment.amount,
      currency: payment.currency as Currency,
      provider: payment.provider,
      reference: payment.reference,
      status: payment.status,
      providerId: payment.stripe?.paymentIntentId ?? undefined,
    },
    lang ?? user.locale,
  );
}
