/** Changes to published listings awaiting review: the owner's withdrawal, the operators' queue and decisions. */
import type { ListingKind } from '@contract/enums';
import { api } from '../../../api';
import type { Listing } from '../../../types';
import { listingPath } from '../listingApi';

const adminPath = (kind: ListingKind, id: string) =>
  `/api/admin/${kind === 'offer' ? 'offers' : 'demands'}/${encodeURIComponent(id)}/revision`;

export const revisionQueueKey = ['admin', 'revisions'] as const;

export async function withdrawRevision(kind: ListingKind, id: string): Promise<void> {
  await api<unknown>(`${listingPath(kind, id)}/revision`, { method: 'DELETE' });
}

/** The published listings with changes awaiting review, oldest first (each with its `revision`). */
export async function revisionQueue(signal?: AbortSignal): Promise<Listing[]> {
  const body = await api<{ revisions?: Listing[] }>('/api/admin/revisions', { signal });
  return body.revisions ?? [];
}

/** Applies the changes the operator read (`submittedAt`): changes replaced meanwhile are refused with 409. */
export async function approveRevision(kind: ListingKind, id: string, submittedAt: string): Promise<void> {
  await api<unknown>(`${adminPath(kind, id)}/approve`, { method: 'POST', body: { submittedAt } });
}

export async function refuseRevision(
  kind: ListingKind,
  id: string,
  reason: string,
  submittedAt: string,
): Promise<void> {
  await api<unknown>(`${adminPath(kind, id)}/refuse`, { method: 'POST', body: { reason, submittedAt } });
}
