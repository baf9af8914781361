/** What becomes of a bidder's (or proposer's) deposit, told to the members of the organization that paid it. */
import type { AppContext } from '../context';
import { activeMemberIds } from '../auth/organization-members';
import { createNotification } from '../notifications/notification.service';
import { depositListingOf, type PaymentDoc } from './payment.model';

export type DepositOutcome = 'refunded' | 'credited' | 'forfeited';

const TITLES: Record<DepositOutcome, (title: string) => { vi: string; en: string }> = {
  refunded: (t) => ({
    vi: `Tiền đặt cọc đã được hoàn lại: ${t}`,
    en: `Your deposit was refunded: ${t}`,
  }),
  credited: (t) => ({
    vi: `Tiền đặt cọc được trừ vào phí giao dịch của bạn: ${t}`,
    en: `Your deposit is credited to your deal's fees: ${t}`,
  }),
  forfeited: (t) => ({
    vi: `Tiền đặt cọc không được hoàn lại: ${t}`,
    en: `Your deposit is forfeited: ${t}`,
  }),
};

export async function notifyDepositOutcome(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  deposit: PaymentDoc,
  outcome: DepositOutcome,
  /** The deal a credited deposit is held against. */
  dealId?: string,
): Promise<void> {
  const listing = depositListingOf(deposit);
  const listingLink = listing ? `/${listing.kind}s/${listing.id}` : '/';
  const link = dealId ? `/deals/${dealId}` : listingLink;
  const data = listing
    ? { [listing.kind === 'offer' ? 'offerId' : 'demandId']: listing.id, listingKind: listing.kind }
    : {};
  for (const userId of await activeMemberIds([deposit.payerOrgId])) {
    await createNotification(ctx, {
      userId,
      type: `deposit.${outcome}`,
      title: TITLES[outcome](deposit.title ?? ''),
      link,
      data: { ...data, paymentId: String(deposit._id) },
      dedupeKey: `deposit:${deposit._id}:${outcome}:${userId}`,
    });
  }
}
