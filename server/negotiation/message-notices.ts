/**
 * A message reaches the participants who may read it and were not in the room: one unread
 * notification per person and room until they read the room (their read marker moves) or the
 * notification; later messages meanwhile add nothing.
 */
import mongoose from 'mongoose';
import type { AppContext } from '../context';
import type { DomainEvents } from '../common/events';
import { activeMemberIds } from '../auth';
import { cachedDealView, DEAL_NOTICE, dealName } from '../deals';
import { createGroupedNotification } from '../notifications';
import { readMarkerReads } from './message.store';
import { stableObjectId } from '../common/stable-ids';

export type MessageNoticeDeps = Pick<AppContext, 'bus' | 'config'>;

export const DEAL_MESSAGE_TYPE = 'deal.message';

export async function notifyMessageWhileAway(
  deps: MessageNoticeDeps,
  event: DomainEvents['deal.message'],
): Promise<void> {
  // The cached view: a busy room sends many messages, and who is in the deal seldom changes.
  const deal = await cachedDealView(event.dealId);
  if (!deal) return;
  const orgs =
    event.audience === 'all'
      ? [deal.sellerOrgId, deal.buyerOrgId]
      : [event.audience === 'seller' ? deal.sellerOrgId : deal.buyerOrgId];
  const broker = deal.brokerUserId ? [String(deal.brokerUserId)] : [];
  const online = new Set([...event.online, event.authorId]);
  const recipients = [...new Set([...(await activeMemberIds(orgs)), ...broker])].filter(
    (id) => !online.has(id),
  );
  if (recipients.length === 0) return;
  const markers = await readMarkerReads
    .find({
      _id: mongoose.trusted({ $in: recipients.map((id) => stableObjectId('read-marker', event.dealId, id)) }),
    })
    .lean();
  const readUpTo = new Map(markers.map((m) => [String(m.userId), m.seq]));
  const notice = DEAL_NOTICE.message(dealName(deal), event.authorName, event.body);
  for (const userId of recipients) {
    await createGroupedNotification(
      deps,
      {
        userId,
        type: DEAL_MESSAGE_TYPE,
        ...notice,
        link: `/deals/${event.dealId}`,
        data: { dealId: event.dealId, seq: event.seq },
        groupKey: `${userId}:${DEAL_MESSAGE_TYPE}:${event.dealId}:${readUpTo.get(userId) ?? 0}`,
      },
      'keep',
    );
  }
}
