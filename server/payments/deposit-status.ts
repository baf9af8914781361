/**
 * A bidding organization's deposit on an auction: read through the auction's list of deposits
 * (`payment:deposit:<offerId>`) and the payments it names, by `_id`.
 */
import type { PaymentDoc } from './payment.model';
import { depositsOfOffer } from './deal-payments';

/** The organization's newest deposit on the offer that did not fail (pending, paid or refunded), if any. */
export async function depositOfOrg(offerId: string, orgId: string): Promise<PaymentDoc | null> {
  const deposits = await depositsOfOffer(offerId);
  return deposits.find((d) => String(d.payerOrgId) === orgId && d.status !== 'failed') ?? null;
}

export async function hasPaidDeposit(offerId: string, orgId: string): Promise<boolean> {
  return (await depositOfOrg(offerId, orgId))?.status === 'paid';
}
