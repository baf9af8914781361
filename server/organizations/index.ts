/** What other components may take from organizations without reaching into its files: its record's type. */
export type { OrganizationDoc } from './organization.model';
export { organizationFacts, type OrganizationFacts } from './organization-facts';
export { assertMemberOrAdmin } from './organization-access';
