/** The documents a deal's participants work with: the listing's, with the NDA and approval steps. */
import { actingOrganizationId, type SessionUser } from '../common/session-user';
import { loadDealForUser, ndaTextOf, viewerAcceptedNda } from '../deals';
import { loadListing } from '../listings';
import { listDocuments } from './document.service';
import { brokerHasConsent } from './document-access';

export async function dealDocuments(user: SessionUser, dealId: string) {
  const { deal, role } = await loadDealForUser(user, dealId);
  const [documents, ndaText, listing] = await Promise.all([
    listDocuments(user, deal.listingKind, deal.listingId),
    ndaTextOf(deal),
    loadListing(deal.listingKind, deal.listingId),
  ]);
  return {
    documents,
    ndaText,
    ndaAccepted: viewerAcceptedNda(deal, role, { id: user.id, orgId: actingOrganizationId(user) }),
    access: {
      policy: listing?.confidentialAccess ?? 'on_request',
      ownerOrgId: listing?.ownerOrgId,
      status: deal.documentAccess?.status ?? 'none',
      brokerConsented: brokerHasConsent(deal),
    },
  };
}
