/**
 * Whether a bidding organization has paid its deposit on an auction: read through the auction's
 * list of deposits (`payment:deposit:<offerId>`) and the payments it names, by `_id`.
 */
import type { PaymentDoc } from './payment.model';
import { depositsOfOffer } from './deal-payments';

/** The organization's live deposit on the offer (pending or paid), if any. */
export async function liveDepositOf(offerId: string, orgId: string): Promise<PaymentDoc | null> {
  const deposits = await depositsOfOffer(offerId);
  return (
    deposits.find((d) => String(d.payerOrgId) === orgId && (d.status === 'paid' || d.status === 'pending')) ??
    null
  );
}

export async function hasPaidDeposit(offerId: string, orgId: string): Promise<boolean> {
  return (await liveDepositOf(offerId, orgId))?.status === 'paid';
}
