/**
 * Tells the bidding organisation's members when the listing's owner decides on their bid:
 * shortlisted, accepted (a deal is open) or rejected. Once per user, bid and decision.
 */
import type { Label } from '../api-contract/taxonomy';
import type { DomainEvents } from '../common/events';
import { logger } from '../common/logger';
import type { BackgroundStarter } from '../context';
import { listingModel } from '../listings';
import { notifyOrg, type NoticeDeps } from './deadline-notices';

type Decision = 'shortlisted' | 'accepted' | 'rejected';

const TEXT: Record<Decision, (listing: string) => { title: Label; body: Label }> = {
  shortlisted: (t) => ({
    title: { vi: `Hồ sơ của bạn vào danh sách rút gọn: ${t}`, en: `Your bid was shortlisted: ${t}` },
    body: { vi: 'Bên đăng tin đang cân nhắc đề xuất của bạn.', en: 'The owner is considering your offer.' },
  }),
  accepted: (t) => ({
    title: { vi: `Giá/đề xuất của bạn được chấp nhận: ${t}`, en: `Your bid was accepted: ${t}` },
    body: {
      vi: 'Một giao dịch đã được mở; hãy vào phòng đàm phán để thống nhất điều khoản.',
      en: 'A deal is open: go to its negotiation room to agree the terms.',
    },
  }),
  rejected: (t) => ({
    title: { vi: `Giá/đề xuất của bạn không được chọn: ${t}`, en: `Your bid was not accepted: ${t}` },
    body: { vi: 'Bên đăng tin đã từ chối đề xuất này.', en: 'The owner declined this bid.' },
  }),
};

export async function notifyBidDecision(deps: NoticeDeps, event: DomainEvents['bid.changed']): Promise<void> {
  if (!(event.status in TEXT)) return;
  const status = event.status as Decision;
  const listing = await listingModel(event.listingKind).findById(event.listingId).lean<{ title?: string }>();
  await notifyOrg(deps, event.bidderOrgId, `bid.${status}`, event.bidId, {
    ...TEXT[status](listing?.title ?? ''),
    link: status === 'accepted' ? '/deals' : `/${event.listingKind}s/${event.listingId}`,
    data: { bidId: event.bidId, listingKind: event.listingKind, listingId: event.listingId },
  });
}

export const startBidNotices: BackgroundStarter = (ctx) => {
  const stop = ctx.bus.subscribe('bid.changed', (event) => {
    notifyBidDecision(ctx, event).catch((err) => logger.error({ err, event }, 'bid decision not notified'));
  });
  return { name: 'bid-notices', stop };
};
