/** What other components may take from organizations without reaching into its files. */
export type { OrganizationDoc } from './organization.model';
export { organizationFacts, type OrganizationFacts } from './organization-facts';
export { assertMemberOrAdmin, assertOrganizationAdmin } from './organization-access';
export {
  addEvidence,
  createOrganization,
  organizationReads,
  organizationStore,
  releaseStorage,
  removeEvidence,
  reserveStorage,
} from './organization.store';
export { organizationView } from './organization.view';
export { listOrganizations, refuseOrganization, verifyOrganization } from './organization.service';
export {
  evidenceSchema,
  newOrganizationSchema,
  organizationListQuery,
  organizationListResponse,
  organizationResponse,
  organizationReviewResponse,
  refusalResponse,
  refuseBody,
  suspendBody,
  type NewOrganizationInput,
} from './organization.schemas';
export { registerOrganizationRoutes } from './organization.routes';
