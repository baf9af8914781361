/** Technology demands: their spec, rules, schemas and routes (built on the listings family). */
export { registerDemandRoutes } from './demand.routes';
export { demandResponse, demandViewSchema } from './demand.schemas';
export { DEMAND_SPEC, findDemandForViewer } from './demand.service';
