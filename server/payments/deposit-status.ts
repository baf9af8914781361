/**
 * A bidding organization's deposit on an auction or a call for proposals: read through the
 * listing's list of deposits (`payment:deposit:<listingId>`) and the payments it names, by `_id`.
 */
import type { PaymentDoc } from './payment.model';
import { depositsOfListing } from './deal-payments';

/** The organization's newest deposit on the listing that did not fail (pending, paid or refunded), if any. */
export async function depositOfOrg(listingId: string, orgId: string): Promise<PaymentDoc | null> {
  const deposits = await depositsOfListing(listingId);
  return deposits.find((d) => String(d.payerOrgId) === orgId && d.status !== 'failed') ?? null;
}

export async function hasPaidDeposit(listingId: string, orgId: string): Promise<boolean> {
  return (await depositOfOrg(listingId, orgId))?.status === 'paid';
}
