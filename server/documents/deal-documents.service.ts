/** The documents a deal's participants work with: the listing's, with the NDA step. */
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import { loadDealForUser } from '../deals/deal.service';
import { hasAcceptedNda, ndaTextOf } from '../deals/nda.service';
import { listDocuments } from './document.service';

export async function dealDocuments(user: SessionUser, dealId: string) {
  const { deal } = await loadDealForUser(user, dealId);
  const [documents, ndaText] = await Promise.all([
    listDocuments(user, deal.listingKind, deal.listingId),
    ndaTextOf(deal),
  ]);
  return { documents, ndaText, ndaAccepted: hasAcceptedNda(deal, actingOrganizationId(user)) };
}
