import { api } from '../../api';
import type { User } from '../../types';

export interface OrganizationMember extends User {
  membershipStatus: 'active' | 'pending' | 'none';
  /** Shown to operators only. */
  suspended?: boolean;
}

const orgPath = (orgId: string) => `/api/organizations/${encodeURIComponent(orgId)}/members`;

export async function listMembers(orgId: string, signal?: AbortSignal): Promise<OrganizationMember[]> {
  return (await api<{ members: OrganizationMember[] }>(orgPath(orgId), { signal })).members;
}

export async function approveMember(orgId: string, userId: string): Promise<void> {
  await api<unknown>(`${orgPath(orgId)}/${encodeURIComponent(userId)}/approve`, { method: 'POST' });
}

/** Removes a member (an administrator of the organization, an operator) or leaves it (oneself). */
export async function removeMember(orgId: string, userId: string): Promise<void> {
  await api<unknown>(`${orgPath(orgId)}/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

export async function suspendUser(userId: string, reason: string): Promise<void> {
  await api<unknown>(`/api/admin/users/${encodeURIComponent(userId)}/suspend`, {
    method: 'POST',
    body: { reason },
  });
}

export async function reinstateUser(userId: string): Promise<void> {
  await api<unknown>(`/api/admin/users/${encodeURIComponent(userId)}/reinstate`, { method: 'POST' });
}
