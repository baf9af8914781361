/** A listing's refunded fee, told once to the members of the organization that paid it. */
import type { AppContext } from '../context';
import type { ListingKind } from '../api-contract/enums';
import { activeMemberIds } from '../auth';
import { createNotification } from '../notifications';
import { formatMoney } from '../fees';
import type { PaymentDoc } from './payment.model';

export async function notifyListingFeeRefunded(
  ctx: Pick<AppContext, 'bus' | 'config'>,
  payment: PaymentDoc,
  kind: ListingKind,
  listing: { _id: unknown; title?: unknown },
): Promise<void> {
  const listingId = String(listing._id);
  const title = String(listing.title ?? payment.title ?? '');
  const money = (locale: 'vi' | 'en') =>
    formatMoney(payment.amount, payment.currency as 'VND' | 'USD', locale);
  const returned = payment.provider === 'bank_transfer';
  for (const userId of await activeMemberIds([payment.payerOrgId])) {
    await createNotification(ctx, {
      userId,
      type: 'listing.fee_refunded',
      title: {
        vi: `Phí đăng tin đã được hoàn lại: ${title}`,
        en: `Your listing fee was refunded: ${title}`,
      },
      body: {
        vi: `${money('vi')} ${returned ? 'sẽ được chuyển khoản trả lại cho tổ chức của bạn' : 'được hoàn về thẻ đã thanh toán'}. Khi gửi duyệt lại tin đăng, phí đăng tin sẽ được thu lại.`,
        en: `${money('en')} ${returned ? 'is being returned to your organization by bank transfer' : 'is refunded to the card that paid it'}. If you submit the listing for review again, the listing fee is charged again.`,
      },
      link: `/${kind === 'offer' ? 'offers' : 'demands'}/${listingId}`,
      data: { listingKind: kind, listingId, paymentId: String(payment._id) },
      dedupeKey: `listing-fee:${payment._id}:refunded:${userId}`,
    });
  }
}
