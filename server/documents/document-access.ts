/**
 * Staged disclosure as a pure rule: who may download one document of a listing. Public
 * documents open to whoever may see the listing. Confidential ones open to the owner
 * organization and operators; to the counterparty of a deal on the listing once its
 * organization accepted the NDA in that deal and, unless the listing's policy is `nda`, the
 * owner approved it; and to the deal's broker once both parties consented to that broker and
 * the broker accepted the NDA. Deals that ended without success open nothing. An appraisal
 * expert who accepted a request about the listing reads its confidential documents too (the
 * acceptance is recorded, like an NDA).
 */
import type { ConfidentialAccessPolicy, UserRole } from '../api-contract/enums';

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
  /** Users who accepted the NDA as the deal's broker. */
  ndaBrokerIds: readonly string[];
  /** The owner approved the counterparty's access (policy `on_request`). */
  accessApproved: boolean;
  /** Parties (organization ids) that agreed to the current broker. */
  brokerConsents: readonly string[];
}

const CLOSED_TO_DISCLOSURE = ['cancelled', 'closed_lost'];

export function isDealParticipant(deal: ListingDeal, viewer: DocumentViewer): boolean {
  if (CLOSED_TO_DISCLOSURE.includes(deal.status)) return false;
  if (deal.brokerUserId && deal.brokerUserId === viewer.userId) return true;
  return !!viewer.orgId && (viewer.orgId === deal.sellerOrgId || viewer.orgId === deal.buyerOrgId);
}

/** Both parties agreed to the deal's broker. */
export function brokerHasConsent(deal: Pick<ListingDeal, 'sellerOrgId' | 'buyerOrgId' | 'brokerConsents'>) {
  return deal.brokerConsents.includes(deal.sellerOrgId) && deal.brokerConsents.includes(deal.buyerOrgId);
}

function isParty(deal: ListingDeal, viewer: DocumentViewer): boolean {
  return !!viewer.orgId && (viewer.orgId === deal.sellerOrgId || viewer.orgId === deal.buyerOrgId);
}

function opensConfidential(deal: ListingDeal, viewer: DocumentViewer, policy: ConfidentialAccessPolicy) {
  if (!isDealParticipant(deal, viewer)) return false;
  if (isParty(deal, viewer)) {
    return deal.ndaOrgIds.includes(viewer.orgId!) && (policy === 'nda' || deal.accessApproved);
  }
  // Not a party: the deal's broker.
  return brokerHasConsent(deal) && deal.ndaBrokerIds.includes(viewer.userId);
}

export function canDownloadDocument(args: {
  confidential: boolean;
  viewer: DocumentViewer | undefined;
  ownerOrgId: string;
  listingVisible: boolean;
  deals: readonly ListingDeal[];
  policy: ConfidentialAccessPolicy;
  /** Experts who accepted an appraisal of the listing. */
  appraiserIds?: readonly string[];
}): boolean {
  const { viewer, deals } = args;
  if (viewer?.role === 'admin') return true;
  if (viewer?.orgId && viewer.orgId === args.ownerOrgId) return true;
  if (viewer && viewer.role === 'expert' && (args.appraiserIds ?? []).includes(viewer.userId)) return true;
  const participates = !!viewer && deals.some((d) => isDealParticipant(d, viewer));
  if (!args.confidential) return args.listingVisible || participates;
  if (!viewer) return false;
  return deals.some((d) => opensConfidential(d, viewer, args.policy));
}
