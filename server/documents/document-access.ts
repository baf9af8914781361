/**
 * Staged disclosure as a pure rule: who may download one document of a listing. Public
 * documents open to whoever may see the listing; confidential ones to the owner organization,
 * operators, the broker of a deal on the listing, and a party of such a deal whose organization
 * accepted the listing's NDA in it. Deals that ended without success open nothing.
 */
import type { UserRole } from '../contract/enums';

export interface DocumentViewer {
  userId: string;
  role: UserRole;
  /** The organization the viewer acts for (active membership only). */
  orgId?: string;
}

export interface ListingDeal {
  sellerOrgId: string;
  buyerOrgId: string;
  brokerUserId?: string;
  status: string;
  /** Organizations whose member accepted the NDA in this deal. */
  ndaOrgIds: readonly string[];
}

const CLOSED_TO_DISCLOSURE = ['cancelled', 'closed_lost'];

export function isDealParticipant(deal: ListingDeal, viewer: DocumentViewer): boolean {
  if (CLOSED_TO_DISCLOSURE.includes(deal.status)) return false;
  if (deal.brokerUserId && deal.brokerUserId === viewer.userId) return true;
  return !!viewer.orgId && (viewer.orgId === deal.sellerOrgId || viewer.orgId === deal.buyerOrgId);
}

export function canDownloadDocument(args: {
  confidential: boolean;
  viewer: DocumentViewer | undefined;
  ownerOrgId: string;
  listingVisible: boolean;
  deals: readonly ListingDeal[];
}): boolean {
  const { viewer, deals } = args;
  if (viewer?.role === 'admin') return true;
  if (viewer?.orgId && viewer.orgId === args.ownerOrgId) return true;
  const participates = !!viewer && deals.some((d) => isDealParticipant(d, viewer));
  if (!args.confidential) return args.listingVisible || participates;
  if (!viewer) return false;
  return deals.some(
    (d) =>
      isDealParticipant(d, viewer) &&
      ((!!d.brokerUserId && d.brokerUserId === viewer.userId) ||
        (!!viewer.orgId && d.ndaOrgIds.includes(viewer.orgId))),
  );
}
