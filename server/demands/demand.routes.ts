import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { addListingRoutes, type ListingFeeGate } from '../listings';
import { DEMAND_SPEC } from './demand.service';
import { demandCreateSchema, demandListResponse, demandPatchSchema, demandResponse } from './demand.schemas';

/** `listingFeeGate` is payments', passed in by app.ts (listings do not import payments). */
export function registerDemandRoutes(
  api: ApiRouter,
  ctx: AppContext,
  { listingFeeGate }: { listingFeeGate: ListingFeeGate },
): void {
  addListingRoutes(
    api,
    ctx,
    DEMAND_SPEC,
    {
      create: demandCreateSchema,
      patch: demandPatchSchema,
      response: demandResponse,
      listResponse: demandListResponse,
    },
    listingFeeGate,
  );
}
