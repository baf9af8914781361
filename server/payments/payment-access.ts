/**
 * Who may see a payment: the members of the deal's two parties (the payer's organization is one
 * of them) and operators. Anyone else is told it does not exist.
 */
import { AppError } from '../common/errors';
import { isObjectId } from '../common/ids';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { DealDoc } from '../deals';
import type { PaymentDoc } from './payment.model';
import { dealReads } from '../deals/deal.store';
import { paymentReads } from './payment.store';

export function isPartyOf(user: SessionUser, deal: { sellerOrgId: unknown; buyerOrgId: unknown }): boolean {
  const orgId = actingOrganizationId(user);
  return Boolean(orgId) && (orgId === String(deal.sellerOrgId) || orgId === String(deal.buyerOrgId));
}

export async function loadPaymentAndDeal(paymentId: string): Promise<{ payment: PaymentDoc; deal: DealDoc }> {
  if (!isObjectId(paymentId)) throw AppError.notFound('Payment');
  const payment = (await paymentReads.findById(paymentId).lean()) as PaymentDoc | null;
  if (!payment) throw AppError.notFound('Payment');
  const deal = (await dealReads.findById(payment.dealId).lean()) as DealDoc | null;
  if (!deal) throw AppError.notFound('Payment');
  return { payment, deal };
}

export async function loadPaymentForUser(user: SessionUser, paymentId: string) {
  const loaded = await loadPaymentAndDeal(paymentId);
  if (user.role !== 'admin' && !isPartyOf(user, loaded.deal)) throw AppError.notFound('Payment');
  return loaded;
}

/** An operator who belongs to one of the deal's parties does not confirm or refund its money. */
export function assertOperatorOutsideDeal(user: SessionUser, deal: DealDoc): void {
  if (isPartyOf(user, deal)) {
    throw AppError.forbidden('An operator who belongs to a party of this deal cannot act on its payments');
  }
}
