/**
 * The non-disclosure step of staged disclosure: a party (or the deal's broker) accepts the
 * listing's NDA text inside its deal. It is one of the conditions for the listing's
 * confidential documents (see documents/document-access.ts).
 */
import { AppError } from '../common/errors';
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import { recordAudit } from '../audit';
import { loadListing } from '../listings';
import { dealStore } from './deal.store';
import { dealView, type DealView } from './deal.view';
import { loadDealForUser } from './deal.service';
import { publishDealEvent } from './deal-events';

/** Used when the owner wrote no NDA of their own. */
export const DEFAULT_NDA_TEXT =
  'Bên nhận cam kết giữ bí mật mọi tài liệu mật của tin đăng này, chỉ dùng chúng để đánh giá và đàm phán giao dịch, ' +
  'không sao chép hay tiết lộ cho bên thứ ba khi chưa có sự đồng ý bằng văn bản của bên sở hữu. / ' +
  'The recipient keeps every confidential document of this listing secret, uses it only to evaluate and negotiate ' +
  'this deal, and neither copies nor discloses it to a third party without the owner’s written consent.';

/** Deals in these states no longer open the listing's confidential documents. */
export const DISCLOSURE_CLOSED_STATES = ['cancelled', 'closed_lost'] as const;

export async function ndaTextOf(deal: Pick<DealView, 'listingKind' | 'listingId'>): Promise<string> {
  const listing = await loadListing(deal.listingKind, deal.listingId);
  return listing?.ndaText?.trim() || DEFAULT_NDA_TEXT;
}

export function hasAcceptedNda(deal: Pick<DealView, 'ndaAcceptances'>, orgId: string | undefined): boolean {
  return !!orgId && deal.ndaAcceptances.some((a) => a.orgId === orgId && a.role !== 'broker');
}

/** Whether the viewer (a party's member or the broker) accepted the NDA in this deal. */
export function viewerAcceptedNda(
  deal: Pick<DealView, 'ndaAcceptances'>,
  role: string,
  user: { id: string; orgId?: string },
): boolean {
  if (role === 'broker') return deal.ndaAcceptances.some((a) => a.role === 'broker' && a.userId === user.id);
  return hasAcceptedNda(deal, user.orgId);
}

export async function acceptNda(user: SessionUser, dealId: string, bus: EventBus): Promise<DealView> {
  const { deal, role } = await loadDealForUser(user, dealId);
  if (role !== 'seller' && role !== 'buyer' && role !== 'broker')
    throw AppError.forbidden('Only the parties and the deal’s broker accept the NDA.');
  if ((DISCLOSURE_CLOSED_STATES as readonly string[]).includes(deal.status)) {
    throw AppError.conflict('This deal has ended.');
  }
  const orgId = role === 'broker' ? undefined : actingOrganizationId(user)!;
  const text = await ndaTextOf(deal);
  const now = new Date();
  const { doc: updated, written } = await dealStore.mutate(dealId, (current) => ({
    change: (current.ndaAcceptances ?? []).some((a) => String(a.userId) === user.id)
      ? null
      : {
          $push: {
            ndaAcceptances: { userId: user.id, ...(orgId ? { orgId } : { role: 'broker' }), at: now, text },
            timeline: {
              at: now,
              actorId: user.id,
              actorRole: role,
              event: 'nda_accepted',
              data: orgId ? { orgId } : { broker: user.id },
            },
          },
        },
    result: null,
  }));
  if (!written) return deal;
  publishDealEvent(bus, dealId, 'nda:accepted', { userId: user.id });
  await recordAudit({
    actorId: user.id,
    action: 'deal.nda.accept',
    targetType: 'deal',
    targetId: dealId,
    data: { orgId },
  });
  return dealView(updated);
}
