/** Deals as the server returns them (see server/deals/deal.view.ts and deal-description.ts). */
import type { Currency, ListingKind } from '../../../../server/contract/enums';
import type { DealRole, DealState } from '../../../../server/deals/deal-machine';

export type { DealRole };
export type DealStatus = DealState;
export type DealParty = 'seller' | 'buyer';

export interface Milestone {
  title: string;
  dueDate?: string;
  amount?: number;
}

export interface TermSheet {
  version: number;
  price: number;
  currency: Currency;
  royaltyPct?: number;
  exclusivity: boolean;
  territory?: string;
  durationMonths?: number;
  milestones: Milestone[];
  proposedBy: string;
  proposedByRole: 'seller' | 'buyer' | 'broker' | 'admin';
  acceptedBy: { role: DealParty; userId?: string; at?: string }[];
  createdAt?: string;
}

export interface NewTermSheet {
  price: number;
  currency: Currency;
  royaltyPct?: number;
  exclusivity: boolean;
  territory?: string;
  durationMonths?: number;
  milestones: { title: string; dueDate?: string; amount?: number }[];
}

export interface TimelineEntry {
  at?: string;
  actorId?: string;
  actorRole?: string;
  event: string;
  from?: DealStatus;
  to?: DealStatus;
  data?: Record<string, unknown>;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface Deal {
  id: string;
  /** `GD-2026-000123`; older deals may have none until migrated. */
  reference?: string;
  status: DealStatus;
  listingKind: ListingKind;
  listingId: string;
  offerId?: string;
  demandId?: string;
  listingTitle: string;
  title: string;
  bidId?: string;
  sellerOrgId: string;
  buyerOrgId: string;
  brokerUserId?: string;
  termSheets: TermSheet[];
  latestVersion: number;
  agreedVersion?: number;
  timeline: TimelineEntry[];
  ndaAcceptances: { userId?: string; orgId?: string; role?: string; at?: string; text: string }[];
  documentAccess?: { status: 'requested' | 'approved' | 'refused'; requestedAt?: string; decidedAt?: string };
  brokerConsents?: string[];
  cancelReason?: string;
  closedAt?: string;
  createdAt?: string;
  updatedAt?: string;
  seller: NamedRef;
  buyer: NamedRef;
  broker: NamedRef | null;
  myRole: DealRole;
}

export interface DealDocument {
  id: string;
  name: string;
  size: number;
  contentType: string;
  confidential: boolean;
  uploadedAt?: string;
  downloadable: boolean;
  url: string;
}

export interface DealDocuments {
  documents: DealDocument[];
  ndaText: string;
  ndaAccepted: boolean;
  access?: {
    policy: 'on_request' | 'nda';
    ownerOrgId?: string;
    status: 'none' | 'requested' | 'approved' | 'refused';
    brokerConsented: boolean;
  };
}

export interface BrokerCandidate {
  id: string;
  name: string;
  organization: NamedRef | null;
}

export const OPEN_DEAL_STATUSES: readonly DealStatus[] = ['negotiating', 'agreed', 'awaiting_payment'];
