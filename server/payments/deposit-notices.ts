/** What becomes of a bidder's (or proposer's) deposit, told to the members of the organization that paid it. */
import type { AppContext } from '../context';
import { activeMemberIds } from '../auth';
import { createNotification } from '../notifications';
import { depositListingOf, type PaymentDoc } from './payment.model';

export type DepositOutcome =
  'refunded' | 'credited' | 'forfeited' | 'surplus_refunded' | 'kept_for_runner_up';

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
  surplus_refunded: (t) => ({
    vi: `Phần tiền đặt cọc vượt quá phí giao dịch đã được hoàn lại: ${t}`,
    en: `The part of your deposit beyond your deal's fees was refunded: ${t}`,
  }),
  kept_for_runner_up: (t) => ({
    vi: `Bạn trả giá cao thứ hai: tiền đặt cọc được giữ đến khi giao dịch của bên thắng được ký hoặc kết thúc: ${t}`,
    en: `Yours is the runner-up bid: your deposit is kept until the winner's deal is signed or ends: ${t}`,
  }),
};

export async function notifyDepositOutcome(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  deposit: PaymentDoc,
  outcome: DepositOutcome,
  /** The deal a credited deposit is held against. */
  dealId?: string,
  /** One of several notices of the same outcome (a step of the surplus's refund). */
  step?: string,
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
      dedupeKey: `deposit:${deposit._id}:${outcome}${step ? `:${step}` : ''}:${userId}`,
    });
  }
}
