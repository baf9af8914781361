/**
 * The owner decides who opens its confidential documents: in a deal on a listing whose policy
 * is `on_request`, the counterparty asks, and a member of the owner organization approves or
 * refuses (and may approve without being asked, or withdraw an approval by refusing).
 */
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import { recordAudit } from '../audit';
import { loadListing } from '../listings';
import { dealStore, dealView, type DealView, loadDealForUser, DEAL_TERMINAL_STATES } from '../deals';

async function sidesOf(deal: DealView) {
  const listing = await loadListing(deal.listingKind, deal.listingId);
  if (!listing) throw AppError.notFound('Listing');
  const ownerRole = listing.ownerOrgId === deal.sellerOrgId ? 'seller' : 'buyer';
  return { listing, ownerRole, counterpartyRole: ownerRole === 'seller' ? 'buyer' : 'seller' };
}

function assertOpen(deal: { status: string }) {
  if ((DEAL_TERMINAL_STATES as readonly string[]).includes(deal.status))
    throw AppError.conflict('This deal has ended.');
}

export async function requestDocumentAccess(user: SessionUser, dealId: string): Promise<DealView> {
  const { deal, role } = await loadDealForUser(user, dealId);
  const { listing, counterpartyRole } = await sidesOf(deal);
  if (role !== counterpartyRole)
    throw AppError.forbidden('Only the counterparty of the listing’s owner asks for its documents.');
  if (listing.confidentialAccess === 'nda')
    throw AppError.conflict(
      'This listing opens its documents to whoever accepts the NDA: no request is needed.',
    );
  const { doc, written } = await dealStore.mutate(dealId, (current) => {
    assertOpen(current);
    const status = current.documentAccess?.status;
    if (status === 'approved' || status === 'requested') return { result: null };
    if (status === 'refused')
      throw AppError.conflict('The owner refused access to its documents in this deal.');
    const now = new Date();
    return {
      change: {
        $set: { documentAccess: { status: 'requested', requestedAt: now, requestedBy: user.id } },
        $push: { timeline: { at: now, actorId: user.id, actorRole: role, event: 'documents_requested' } },
      },
      result: null,
    };
  });
  if (written)
    await recordAudit({
      actorId: user.id,
      action: 'deal.documents.request',
      targetType: 'deal',
      targetId: dealId,
    });
  return dealView(doc);
}

export async function decideDocumentAccess(
  user: SessionUser,
  dealId: string,
  decision: 'approved' | 'refused',
): Promise<DealView> {
  const { deal, role } = await loadDealForUser(user, dealId);
  const { ownerRole } = await sidesOf(deal);
  if (role !== ownerRole)
    throw AppError.forbidden('Only the listing’s owner decides who sees its documents.');
  const { doc, written } = await dealStore.mutate(dealId, (current) => {
    assertOpen(current);
    if (current.documentAccess?.status === decision) return { result: null };
    const now = new Date();
    return {
      change: {
        $set: {
          'documentAccess.status': decision,
          'documentAccess.decidedAt': now,
          'documentAccess.decidedBy': user.id,
        },
        $push: {
          timeline: { at: now, actorId: user.id, actorRole: role, event: `documents_${decision}` },
        },
      },
      result: null,
    };
  });
  if (written)
    await recordAudit({
      actorId: user.id,
      action: `deal.documents.${decision === 'approved' ? 'approve' : 'refuse'}`,
      targetType: 'deal',
      targetId: dealId,
    });
  return dealView(doc);
}
