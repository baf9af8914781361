import { api } from '../../api';
import type { ApiResponse } from '../../api/responses';

/** A partner exchange as operators see it (its key's fingerprint, where its import stands). */
export type Partner = ApiResponse<'/api/admin/partners'>['partners'][number];
export type PullOutcome = ApiResponse<'/api/admin/partners/{id}/pull', 'post'>['pull'];

export const partnersKey = ['admin', 'partners'] as const;

const partnerPath = (id: string) => `/api/admin/partners/${encodeURIComponent(id)}`;

export async function listPartners(signal?: AbortSignal): Promise<Partner[]> {
  const body = await api<{ partners?: Partner[] }>('/api/admin/partners', { signal });
  return body.partners ?? [];
}

export async function registerPartner(input: {
  name: string;
  baseUrl: string;
  publicKey: string;
}): Promise<Partner> {
  const body = await api<{ partner: Partner }>('/api/admin/partners', { method: 'POST', body: input });
  return body.partner;
}

export async function setPartnerStatus(id: string, status: 'active' | 'suspended'): Promise<Partner> {
  const body = await api<{ partner: Partner }>(partnerPath(id), { method: 'PATCH', body: { status } });
  return body.partner;
}

export async function pullPartner(id: string): Promise<PullOutcome> {
  const body = await api<{ pull: PullOutcome }>(`${partnerPath(id)}/pull`, { method: 'POST' });
  return body.pull;
}

export type Inquiry = ApiResponse<'/api/federation/inquiries', 'post'>['inquiry'];

/** Asks about a partner's listing: forwarded, signed, to its home exchange. */
export async function sendInquiry(input: { listingId: string; message: string }): Promise<Inquiry> {
  const body = await api<{ inquiry: Inquiry }>('/api/federation/inquiries', { method: 'POST', body: input });
  return body.inquiry;
}
