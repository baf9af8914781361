import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { addListingRoutes } from '../listings/listing.routes';
import { OFFER_SPEC } from './offer.service';
import { offerCreateSchema, offerListResponse, offerPatchSchema, offerResponse } from './offer.schemas';

export function registerOfferRoutes(api: ApiRouter, ctx: AppContext): void {
  addListingRoutes(api, ctx, OFFER_SPEC, {
    create: offerCreateSchema,
    patch: offerPatchSchema,
    response: offerResponse,
    listResponse: offerListResponse,
  });
}
