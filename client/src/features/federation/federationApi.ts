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

/** What the exchange at a base URL publishes as its key, fingerprinted here: for the operator to confirm. */
export type FetchedPartnerKey = ApiResponse<'/api/admin/partners/fetch-key', 'post'>;

export async function fetchPartnerKey(baseUrl: string): Promise<FetchedPartnerKey> {
  return api<FetchedPartnerKey>('/api/admin/partners/fetch-key', { method: 'POST', body: { baseUrl } });
}

export async function setPartnerStatus(id: string, status: 'active' | 'suspended'): Promise<Partner> {
  const body = await api<{ partner: Partner }>(partnerPath(id), { method: 'PATCH', body: { status } });
  return body.partner;
}

export async function pullPartner(id: string): Promise<PullOutcome> {
  const body = await api<{ pull: PullOutcome }>(`${partnerPath(id)}/pull`, { method: 'POST' });
  return body.pull;
}

export type SharingDefault = ApiResponse<'/api/admin/federation/sharing-default'>['sharingDefault'];

export const sharingDefaultKey = ['admin', 'federation', 'sharing-default'] as const;

/** The operator's default for sharing, which organizations that never chose follow. */
export async function getSharingDefault(signal?: AbortSignal): Promise<SharingDefault> {
  const body = await api<{ sharingDefault: SharingDefault }>('/api/admin/federation/sharing-default', {
    signal,
  });
  return body.sharingDefault;
}

export async function setSharingDefault(shared: boolean): Promise<SharingDefault> {
  const body = await api<{ sharingDefault: SharingDefault }>('/api/admin/federation/sharing-default', {
    method: 'PUT',
    body: { shared },
  });
  return body.sharingDefault;
}

export type Inquiry = ApiResponse<'/api/federation/inquiries', 'post'>['inquiry'];

/** Asks about a partner's listing: forwarded, signed, to its home exchange. */
export async function sendInquiry(input: { listingId: string; message: string }): Promise<Inquiry> {
  const body = await api<{ inquiry: Inquiry }>('/api/federation/inquiries', { method: 'POST', body: input });
  return body.inquiry;
}

/** A listing imported from a partner exchange: read-only, with its home exchange. */
export type ImportedListing = ApiResponse<'/api/federation/imported/{id}'>['listing'];
/** An inquiry my organization sent to a partner's listing, with its delivery and the answers that came back. */
export type SentInquiry = ApiResponse<'/api/federation/inquiries'>['inquiries'][number];
/** An inquiry a partner exchange forwarded about one of my organization's listings, with our answers. */
export type ReceivedInquiry = ApiResponse<'/api/federation/inquiries/received'>['inquiries'][number];

export const federationKeys = {
  imported: (id: string) => ['federation', 'imported', id] as const,
  sent: ['federation', 'inquiries', 'sent'] as const,
  received: ['federation', 'inquiries', 'received'] as const,
};

export async function getImportedListing(id: string, signal?: AbortSignal): Promise<ImportedListing> {
  const body = await api<{ listing: ImportedListing }>(`/api/federation/imported/${encodeURIComponent(id)}`, {
    signal,
  });
  return body.listing;
}

export async function sentInquiries(signal?: AbortSignal): Promise<SentInquiry[]> {
  const body = await api<{ inquiries?: SentInquiry[] }>('/api/federation/inquiries', { signal });
  return body.inquiries ?? [];
}

export async function receivedInquiries(signal?: AbortSignal): Promise<ReceivedInquiry[]> {
  const body = await api<{ inquiries?: ReceivedInquiry[] }>('/api/federation/inquiries/received', { signal });
  return body.inquiries ?? [];
}

/** Answers a received inquiry: sent back, signed, to the asking exchange. */
export async function answerInquiry(
  id: string,
  input: { text: string; decision?: 'accept' | 'decline' },
): Promise<ReceivedInquiry> {
  const body = await api<{ inquiry: ReceivedInquiry }>(
    `/api/federation/received-inquiries/${encodeURIComponent(id)}/answer`,
    { method: 'POST', body: input },
  );
  return body.inquiry;
}

/** A partner API key as operators see it (never the key itself, shown once when issued). */
export type ApiKey = ApiResponse<'/api/admin/api-keys'>['apiKeys'][number];
export type ApiKeyScope = ApiKey['scopes'][number];
export type IssuedApiKey = ApiResponse<'/api/admin/api-keys', 'post'>;

export const apiKeysKey = ['admin', 'api-keys'] as const;

export async function listApiKeys(signal?: AbortSignal): Promise<ApiKey[]> {
  const body = await api<{ apiKeys?: ApiKey[] }>('/api/admin/api-keys', { signal });
  return body.apiKeys ?? [];
}

export function issueApiKey(input: { name: string; scopes: ApiKeyScope[] }): Promise<IssuedApiKey> {
  return api<IssuedApiKey>('/api/admin/api-keys', { method: 'POST', body: input });
}

export async function revokeApiKey(id: string): Promise<void> {
  await api(`/api/admin/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
