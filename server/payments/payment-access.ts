/**
 * Who may see a payment: for a deal's fee, the members of the deal's two parties (the payer's
 * organization is one of them); for an appraisal's fee, the members of the paying organization;
 * and operators. Anyone else is told it does not exist.
 */
import { AppError } from '../common/errors';
import { isObjectId } from '../common/ids';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import { type DealDoc, findDealDoc } from '../deals';
import type { PaymentDoc } from './payment.model';
import { findPaymentDoc } from './payment.store';
import { readPaymentListOfDeal } from './deal-payments';

export function isPartyOf(user: SessionUser, deal: { sellerOrgId: unknown; buyerOrgId: unknown }): boolean {
  const orgId = actingOrganizationId(user);
  return Boolean(orgId) && (orgId === String(deal.sellerOrgId) || orgId === String(deal.buyerOrgId));
}

/** A payment, with its deal when it pays a deal's fee (null for an appraisal's fee). */
export function loadPaymentAndDeal(
  paymentId: string,
): Promise<{ payment: PaymentDoc; deal: DealDoc | null }> {
  return loadPayment(paymentId, { withPaymentList: false });
}

/**
 * `loadPaymentAndDeal` for a flow that settles the payment: the deal's payment list, which the
 * settlement changes and then reads to see whether the deal is paid up, is read beside the deal
 * instead of afterwards under the deal's lock (the first settlement of a deal took half as long
 * again as the next ones under the write bench).
 */
export function loadPaymentToSettle(
  paymentId: string,
): Promise<{ payment: PaymentDoc; deal: DealDoc | null }> {
  return loadPayment(paymentId, { withPaymentList: true });
}

async function loadPayment(
  paymentId: string,
  opts: { withPaymentList: boolean },
): Promise<{ payment: PaymentDoc; deal: DealDoc | null }> {
  if (!isObjectId(paymentId)) throw AppError.notFound('Payment');
  const payment = await findPaymentDoc(paymentId);
  if (!payment) throw AppError.notFound('Payment');
  if (!payment.dealId) return { payment, deal: null };
  const dealId = String(payment.dealId);
  const [deal] = await Promise.all([
    findDealDoc(dealId),
    opts.withPaymentList && readPaymentListOfDeal(dealId),
  ]);
  if (!deal) throw AppError.notFound('Payment');
  return { payment, deal };
}

/** Members of the organizations the payment concerns: the deal's parties, or the payer. */
function concerns(user: SessionUser, payment: PaymentDoc, deal: DealDoc | null): boolean {
  if (deal) return isPartyOf(user, deal);
  return actingOrganizationId(user) === String(payment.payerOrgId);
}

export async function loadPaymentForUser(user: SessionUser, paymentId: string) {
  const loaded = await loadPaymentAndDeal(paymentId);
  if (user.role !== 'admin' && !concerns(user, loaded.payment, loaded.deal))
    throw AppError.notFound('Payment');
  return loaded;
}

/** An operator who belongs to an organization the payment concerns does not confirm or refund its money. */
export function assertOperatorOutside(user: SessionUser, payment: PaymentDoc, deal: DealDoc | null): void {
  if (concerns(user, payment, deal)) {
    throw AppError.forbidden(
      deal
        ? 'An operator who belongs to a party of this deal cannot act on its payments'
        : 'An operator who belongs to the paying organization cannot act on its payment',
    );
  }
}
