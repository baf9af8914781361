/**
 * The notifications sent when a deadline closes a listing: its owner learns the outcome, and
 * the winner of an auction learns it won. One per user and listing (dedupe key), however often
 * the close is retried (a failure fails the job, which the scheduler retries).
 */
import type { AppContext } from '../context';
import type { Label } from '../api-contract/taxonomy';
import { createNotification } from '../notifications';
import type { ListingRef } from '../listings';
import { activeMemberIds } from '../auth';

export type NoticeDeps = Pick<AppContext, 'bus' | 'config'>;
export type CloseOutcome = 'sold' | 'reserve_not_met' | 'no_bids' | 'unsealed';

const OWNER_TEXT: Record<CloseOutcome, (title: string) => { title: Label; body: Label }> = {
  sold: (t) => ({
    title: { vi: `Phiên đấu giá đã kết thúc: ${t}`, en: `Auction closed: ${t}` },
    body: {
      vi: 'Giá cao nhất đạt giá khởi điểm tối thiểu; giao dịch với người thắng đã được mở.',
      en: 'The highest bid met the reserve; a deal with the winner has been opened.',
    },
  }),
  reserve_not_met: (t) => ({
    title: { vi: `Đấu giá không thành: ${t}`, en: `Auction ended without a sale: ${t}` },
    body: {
      vi: 'Giá cao nhất chưa đạt giá tối thiểu bạn đặt, nên công nghệ không được bán.',
      en: 'The highest bid did not reach your reserve price, so the technology was not sold.',
    },
  }),
  no_bids: (t) => ({
    title: { vi: `Đấu giá kết thúc không có giá nào: ${t}`, en: `Auction ended with no bids: ${t}` },
    body: {
      vi: 'Không có tổ chức nào đặt giá trước hạn.',
      en: 'No organization bid before the closing time.',
    },
  }),
  unsealed: (t) => ({
    title: { vi: `Hết hạn nhận hồ sơ đề xuất: ${t}`, en: `Call for proposals closed: ${t}` },
    body: {
      vi: 'Các hồ sơ đề xuất đã được mở; bạn có thể xem, chọn vào danh sách rút gọn và chấp nhận.',
      en: 'The proposals are now unsealed: you can read, shortlist and accept them.',
    },
  }),
};

export async function notifyOrg(
  deps: NoticeDeps,
  orgId: string,
  type: string,
  key: string,
  notice: { title: Label; body: Label; link: string; data: Record<string, unknown> },
) {
  for (const userId of await activeMemberIds([orgId])) {
    await createNotification(deps, { userId, type, ...notice, dedupeKey: `${userId}:${type}:${key}` });
  }
}

export async function notifyDeadlineClosed(
  deps: NoticeDeps,
  listing: ListingRef,
  outcome: CloseOutcome,
  winner?: { orgId: string; dealId: string },
): Promise<void> {
  const link = `/${listing.kind}s/${listing.id}`;
  const type = listing.kind === 'offer' ? 'auction.closed' : 'call.closed';
  await notifyOrg(deps, listing.ownerOrgId, type, listing.id, {
    ...OWNER_TEXT[outcome](listing.title),
    link: winner ? `/deals/${winner.dealId}` : link,
    data: {
      kind: listing.kind,
      listingId: listing.id,
      outcome,
      ...(winner ? { dealId: winner.dealId } : {}),
    },
  });
  if (winner) {
    await notifyOrg(deps, winner.orgId, 'auction.won', listing.id, {
      title: { vi: `Bạn đã thắng đấu giá: ${listing.title}`, en: `You won the auction: ${listing.title}` },
      body: {
        vi: 'Giá của bạn là giá cao nhất; giao dịch đã được mở để hai bên thống nhất điều khoản.',
        en: 'Yours was the highest bid; a deal has been opened to agree the terms.',
      },
      link: `/deals/${winner.dealId}`,
      data: { listingId: listing.id, dealId: winner.dealId },
    });
  }
}
