import { api } from '../../api';
import type { Listing, Organization } from '../../types';

export type VerifiedFilter = 'false' | 'true' | 'all';

export async function listOrganizations(
  verified: VerifiedFilter,
  signal?: AbortSignal,
): Promise<Organization[]> {
  const body = await api<{ organizations?: Organization[] }>('/api/admin/organizations', {
    query: { verified: verified === 'all' ? undefined : verified },
    signal,
  });
  return body.organizations ?? [];
}

export async function verifyOrganization(id: string): Promise<void> {
  await api<unknown>(`/api/admin/organizations/${encodeURIComponent(id)}/verify`, { method: 'POST' });
}

export async function reviewQueue(signal?: AbortSignal): Promise<Listing[]> {
  const body = await api<{ queue?: Listing[] }>('/api/admin/queue', { signal });
  return body.queue ?? [];
}
