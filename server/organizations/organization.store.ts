/** The organization store: the only code that writes organizations, each change under its lock (see common/store.ts). */
import { RecordStore, type ModelReads } from '../common/store';
import { OrganizationModel, type OrganizationDoc } from './organization.model';

export const organizationStore = new RecordStore<OrganizationDoc>({
  label: 'Organization',
  model: OrganizationModel,
  lockKey: (id) => `organization:${id}`,
  recordType: 'organization',
});

/** Reads of organizations for code outside the store. */
export const organizationReads: ModelReads<typeof OrganizationModel> = OrganizationModel;

export function createOrganization(fields: Record<string, unknown>): Promise<OrganizationDoc> {
  return organizationStore.create(fields);
}

/** Sets fields of an organization (404 when there is none); the organization after. */
export async function setOrganizationFields(
  id: string,
  set: Record<string, unknown>,
): Promise<OrganizationDoc> {
  return (await organizationStore.mutate(id, () => ({ change: { $set: set }, result: null }))).doc;
}
