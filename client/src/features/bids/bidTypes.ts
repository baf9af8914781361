/** Bids and proposals as the server returns them (see server/bids/bid.view.ts). */
import type {
  Currency,
  DemandMode,
  ListingKind,
  ListingStatus,
  PricingModel,
  TransferMode,
} from '@contract/enums';
import type { BidStatus } from '../../../../server/bids/bid-lifecycle';

export type { BidStatus };

export interface Bid {
  id: string;
  listingKind: ListingKind;
  listingId: string;
  offerId?: string;
  demandId?: string;
  listingTitle: string;
  listingOwnerOrgId: string;
  bidderOrg: { id: string; name: string };
  amount: number;
  currency: Currency;
  transferMode: TransferMode;
  terms: string;
  sealed: boolean;
  status: BidStatus;
  dealId?: string;
  createdAt?: string;
}

/** What the bid endpoints tell about the listing. */
export interface BidListing {
  kind: ListingKind;
  id: string;
  title: string;
  status: ListingStatus;
  ownerOrgId: string;
  currency?: Currency;
  transferModes: TransferMode[];
  pricingModel?: PricingModel;
  demandMode?: DemandMode;
  takesSealedBids: boolean;
  deadline?: string;
  closedAt?: string;
  awarded: boolean;
}

export interface ListingBids {
  bids: Bid[];
  listing: BidListing;
  sealed: boolean;
  deadline?: string;
}

export interface NewBid {
  amount: number;
  currency: Currency;
  transferMode: TransferMode;
  terms: string;
}
