import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { addListingRoutes, type ListingFeeGate } from '../listings';
import { OFFER_SPEC } from './offer.service';
import { offerCreateSchema, offerListResponse, offerPatchSchema, offerResponse } from './offer.schemas';

/** `listingFeeGate` is payments', passed in by app.ts (listings do not import payments). */
export function registerOfferRoutes(
  api: ApiRouter,
  ctx: AppContext,
  { listingFeeGate }: { listingFeeGate: ListingFeeGate },
): void {
  addListingRoutes(
    api,
    ctx,
    OFFER_SPEC,
    {
      create: offerCreateSchema,
      patch: offerPatchSchema,
      response: offerResponse,
      listResponse: offerListResponse,
    },
    listingFeeGate,
  );
}
