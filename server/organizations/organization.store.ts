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

/** Counts `bytes` more against the organization's quota; false (nothing written) when they do not fit. */
export async function reserveStorage(orgId: string, bytes: number, quota: number): Promise<boolean> {
  const { written } = await organizationStore.mutate(orgId, (org) => ({
    change:
      (org.storageUsedBytes ?? 0) + bytes <= quota
        ? { $set: { storageUsedBytes: (org.storageUsedBytes ?? 0) + bytes } }
        : null,
    result: null,
  }));
  return written;
}

/** Gives back `bytes` of the organization's quota (a removed document, or an upload that failed). */
export async function releaseStorage(orgId: string, bytes: number): Promise<void> {
  await organizationStore.mutate(orgId, (org) => ({
    change: { $set: { storageUsedBytes: Math.max(0, (org.storageUsedBytes ?? 0) - bytes) } },
    result: null,
  }));
}

/** Adds an evidence document while the organization holds fewer than `max`; the organization after, or null (nothing written). */
export async function addEvidence(
  orgId: string,
  entry: Record<string, unknown>,
  max: number,
): Promise<OrganizationDoc | null> {
  const { doc, written } = await organizationStore.mutate(orgId, (org) => ({
    change: (org.evidence ?? []).length < max ? { $push: { evidence: entry } } : null,
    result: null,
  }));
  return written ? doc : null;
}

/** Takes an evidence document off the organization (rewriting the list: $pull by id is unreliable on FerretDB); the entry removed, or null. */
export async function removeEvidence(orgId: string, evidenceId: string) {
  const { result } = await organizationStore.mutate(orgId, (org) => {
    const list = org.evidence ?? [];
    const entry = list.find((e) => String(e._id) === evidenceId);
    if (!entry) return { result: null };
    return {
      change: { $set: { evidence: list.filter((e) => String(e._id) !== evidenceId) } },
      result: { fileId: String(entry.fileId), name: entry.name },
    };
  });
  return result;
}
