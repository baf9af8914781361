/** Bids and proposals as the server returns them: aliases of the types generated from the OpenAPI document. */
import type { ApiRequestBody, ApiResponse } from '../../api/responses';

export type ListingBids = ApiResponse<'/api/offers/{id}/bids'>;
export type Bid = ListingBids['bids'][number];
export type BidStatus = Bid['status'];
/** What the bid endpoints tell about the listing. */
export type BidListing = ListingBids['listing'];
export type NewBid = ApiRequestBody<'/api/offers/{id}/bids', 'post'>;
