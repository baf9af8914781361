import { api } from '../../api';
import type { ApiResponse } from '../../api/responses';
import type { Listing } from '../../types';

/** An organization as operators list it (with its tax code and verification state). */
export type AdminOrganization = ApiResponse<'/api/admin/organizations'>['organizations'][number];
/** What an operator sees of one organization before verifying or refusing it. */
export type OrganizationReview = ApiResponse<'/api/admin/organizations/{id}'>;
export type OrganizationRefusal = ApiResponse<'/api/admin/organizations/{id}/refuse', 'post'>;

const adminOrgPath = (id: string) => `/api/admin/organizations/${encodeURIComponent(id)}`;

export type VerifiedFilter = 'false' | 'true' | 'all';

export async function listOrganizations(
  verified: VerifiedFilter,
  signal?: AbortSignal,
): Promise<AdminOrganization[]> {
  const body = await api<{ organizations?: AdminOrganization[] }>('/api/admin/organizations', {
    query: { verified: verified === 'all' ? undefined : verified },
    signal,
  });
  return body.organizations ?? [];
}

export async function verifyOrganization(id: string): Promise<void> {
  await api<unknown>(`${adminOrgPath(id)}/verify`, { method: 'POST' });
}

export async function organizationReview(id: string, signal?: AbortSignal): Promise<OrganizationReview> {
  return api<OrganizationReview>(adminOrgPath(id), { signal });
}

/** Refuses to verify the organization; its members are told the reason. */
export async function refuseOrganization(id: string, reason: string): Promise<OrganizationRefusal> {
  return api<OrganizationRefusal>(`${adminOrgPath(id)}/refuse`, { method: 'POST', body: { reason } });
}

export async function reviewQueue(signal?: AbortSignal): Promise<Listing[]> {
  const body = await api<{ queue?: Listing[] }>('/api/admin/queue', { signal });
  return body.queue ?? [];
}
