import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { addListingRoutes } from '../listings/listing.routes';
import { DEMAND_SPEC } from './demand.service';
import { demandCreateSchema, demandListResponse, demandPatchSchema, demandResponse } from './demand.schemas';

export function registerDemandRoutes(api: ApiRouter, ctx: AppContext): void {
  addListingRoutes(api, ctx, DEMAND_SPEC, {
    create: demandCreateSchema,
    patch: demandPatchSchema,
    response: demandResponse,
    listResponse: demandListResponse,
  });
}
