/**
 * The technology-capability API (server/capability): an enterprise's own assessments, the public
 * directory and the operators' summary.
 */
import { CAPABILITY_SECTOR_CODES } from '@contract/capability-criteria';
import { api, withQuery } from '../../api';
import type { ApiRequestBody, ApiResponse } from '../../api/responses';

type OwnAssessments = ApiResponse<'/api/organizations/{id}/capability'>;
/** An enterprise's assessment of a sector, with the sector's average (null under three enterprises). */
export type Assessment = OwnAssessments['assessments'][number];
/** What PUT /api/organizations/:id/capability takes: answers (a null clears one) and/or the visibility. */
export type CapabilitySave = ApiRequestBody<'/api/organizations/{id}/capability', 'put'>;
export type Sector = CapabilitySave['sector'];
/** The band chosen per criterion code, 0 (weakest) to 4. */
export type Answers = Partial<Record<string, number>>;

/** The public directory's page (GET /api/capabilities). */
export type DirectoryPage = ApiResponse<'/api/capabilities'>;
export type DirectoryItem = DirectoryPage['items'][number];

/** The operators' summary (GET /api/admin/capabilities/summary). */
export type CapabilitySummary = ApiResponse<'/api/admin/capabilities/summary'>;
export type SectorSummary = CapabilitySummary['overall'];
export type AdminAssessment = CapabilitySummary['assessments'][number];

/** A complete assessment's weakest groups, each with offers in the sector that would raise it. */
export type CapabilitySuggestions = ApiResponse<'/api/organizations/{id}/capability/suggestions'>;
export type GroupSuggestion = CapabilitySuggestions['suggestions'][number];
export type SuggestedExpert = CapabilitySuggestions['experts'][number];

export interface DirectoryQuery {
  sector?: string;
  level?: string;
  province?: string;
  q?: string;
  page?: number;
}

export const isSector = (code: string | null): code is Sector =>
  code !== null && CAPABILITY_SECTOR_CODES.includes(code);

/** Query keys of this feature (a prefix invalidates everything below it). */
export const capabilityKeys = {
  allOwn: (orgId: string) => ['capability', 'own', orgId] as const,
  own: (orgId: string, sector: string) => ['capability', 'own', orgId, sector] as const,
  directory: (query: DirectoryQuery) => ['capability', 'directory', query] as const,
  summary: (sector: string) => ['capability', 'summary', sector] as const,
  suggestions: (orgId: string, sector: string) => ['capability', 'suggestions', orgId, sector] as const,
};

/** Every assessment of the enterprise, one per sector it assessed. */
export async function ownAssessments(orgId: string, signal?: AbortSignal): Promise<Assessment[]> {
  const { assessments } = await api<OwnAssessments>(
    `/api/organizations/${encodeURIComponent(orgId)}/capability`,
    { signal },
  );
  return assessments;
}

/** The enterprise's assessment of `sector`, or null when it has not begun one. */
export async function ownAssessment(orgId: string, sector: Sector, signal?: AbortSignal) {
  const { assessments } = await api<OwnAssessments>(
    `/api/organizations/${encodeURIComponent(orgId)}/capability`,
    { query: { sector }, signal },
  );
  return assessments[0] ?? null;
}

/** For a complete assessment of `sector`: its two weakest groups, offers that would raise them, and experts who could help. */
export function capabilitySuggestions(orgId: string, sector: Sector, signal?: AbortSignal) {
  return api<CapabilitySuggestions>(
    `/api/organizations/${encodeURIComponent(orgId)}/capability/suggestions`,
    {
      query: { sector },
      signal,
    },
  );
}

export async function saveAssessment(orgId: string, body: CapabilitySave): Promise<Assessment> {
  const { assessment } = await api<ApiResponse<'/api/organizations/{id}/capability', 'put'>>(
    `/api/organizations/${encodeURIComponent(orgId)}/capability`,
    { method: 'PUT', body },
  );
  return assessment;
}

export function capabilityDirectory(query: DirectoryQuery, signal?: AbortSignal): Promise<DirectoryPage> {
  return api<DirectoryPage>('/api/capabilities', { query: { ...query }, signal });
}

export function capabilitySummary(sector: string, signal?: AbortSignal): Promise<CapabilitySummary> {
  return api<CapabilitySummary>('/api/admin/capabilities/summary', { query: { sector }, signal });
}

export async function verifyAssessment(id: string) {
  const { assessment } = await api<ApiResponse<'/api/admin/capabilities/{id}/verify', 'post'>>(
    `/api/admin/capabilities/${encodeURIComponent(id)}/verify`,
    { method: 'POST', body: {} },
  );
  return assessment;
}

export const capabilityExportUrl = (sector: string, format: 'csv' | 'xlsx') =>
  withQuery('/api/admin/capabilities/export', { sector, format });
