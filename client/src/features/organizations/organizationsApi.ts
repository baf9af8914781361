import { api, upload } from '../../api';
import type { ApiRequestBody, ApiResponse } from '../../api/responses';
import type { Listing } from '../../types';

export type OrganizationProfile = ApiResponse<'/api/organizations/{id}'>['organization'];
export type DirectoryEntry = ApiResponse<'/api/organizations'>['organizations'][number];
export type OrganizationPatch = ApiRequestBody<'/api/organizations/{id}', 'patch'>;

const orgPath = (id: string) => `/api/organizations/${encodeURIComponent(id)}`;

/**
 * Organizations whose name (a word of it) begins with `q`, for someone registering to join one:
 * those still awaiting verification too, verified ones first.
 */
export async function findJoinableOrganizations(q: string, signal?: AbortSignal): Promise<DirectoryEntry[]> {
  const body = await api<ApiResponse<'/api/organizations'>>('/api/organizations', {
    query: { q, joinable: true, limit: 8 },
    signal,
  });
  return body.organizations;
}

export async function getOrganization(id: string, signal?: AbortSignal): Promise<OrganizationProfile> {
  return (await api<ApiResponse<'/api/organizations/{id}'>>(orgPath(id), { signal })).organization;
}

export async function updateOrganization(id: string, patch: OrganizationPatch): Promise<OrganizationProfile> {
  const body = await api<ApiResponse<'/api/organizations/{id}', 'patch'>>(orgPath(id), {
    method: 'PATCH',
    body: patch,
  });
  return body.organization;
}

/** The organization's published offers and demands (its public page). */
export async function organizationListings(id: string, signal?: AbortSignal): Promise<Listing[]> {
  const query = { organizationId: id, limit: 50 };
  const [offers, demands] = await Promise.all([
    api<{ offers: Listing[] }>('/api/offers', { query, signal }),
    api<{ demands: Listing[] }>('/api/demands', { query, signal }),
  ]);
  return [...offers.offers, ...demands.demands];
}

/** An evidence document for verification (its administrators and operators see them). */
export type EvidenceDocument = ApiResponse<'/api/organizations/{id}/evidence'>['documents'][number];

export async function listEvidence(id: string, signal?: AbortSignal): Promise<EvidenceDocument[]> {
  return (await api<ApiResponse<'/api/organizations/{id}/evidence'>>(`${orgPath(id)}/evidence`, { signal }))
    .documents;
}

export async function uploadEvidence(id: string, file: File, kind: EvidenceDocument['kind']) {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file);
  return (await upload<{ document: EvidenceDocument }>(`${orgPath(id)}/evidence`, form)).document;
}

export async function deleteEvidence(id: string, evidenceId: string): Promise<void> {
  await api<void>(`${orgPath(id)}/evidence/${encodeURIComponent(evidenceId)}`, { method: 'DELETE' });
}
