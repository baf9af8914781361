/**
 * The experts' API (server/experts): the public directory of appraisal experts, and an expert's
 * own profile with the conflicts of interest they declare.
 */
import { EXPERT_AVAILABILITIES as CONTRACT_AVAILABILITIES } from '@contract/enums';
import { api } from '../../api';
import type { ApiRequestBody, ApiResponse } from '../../api/responses';

/** The directory's page (GET /api/experts). */
export type ExpertPage = ApiResponse<'/api/experts'>;
export type Expert = ExpertPage['experts'][number];
export type ExpertAvailability = Expert['availability'];
/** The signed-in expert's own profile, with its declared conflicts (null before the first save). */
export type ExpertProfile = NonNullable<ApiResponse<'/api/experts/me'>['profile']>;
/** What PUT /api/experts/me takes. */
export type ExpertProfileSave = ApiRequestBody<'/api/experts/me', 'put'>;
export type ExpertField = ExpertProfileSave['fields'][number];

/** In the contract's order: available first. */
export const EXPERT_AVAILABILITIES: readonly ExpertAvailability[] = CONTRACT_AVAILABILITIES;
/** Most fields one expert may name (the server's rule too). */
export const MAX_EXPERT_FIELDS = 6;
export const MAX_EXPERT_SUB_FIELDS = 20;

export interface ExpertQuery {
  field?: string;
  q?: string;
  availability?: string;
  page?: number;
  limit?: number;
}

export const isAvailability = (value: string | null): value is ExpertAvailability =>
  EXPERT_AVAILABILITIES.some((a) => a === value);

/** Query keys of this feature (a prefix invalidates everything below it). */
export const expertKeys = {
  all: ['experts'] as const,
  directory: (query: ExpertQuery) => ['experts', 'directory', query] as const,
  mine: ['experts', 'me'] as const,
  organizationSearch: (q: string) => ['experts', 'organization-search', q] as const,
};

export function listExperts(query: ExpertQuery, signal?: AbortSignal): Promise<ExpertPage> {
  return api<ExpertPage>('/api/experts', { query: { ...query }, signal });
}

export async function myExpertProfile(signal?: AbortSignal): Promise<ExpertProfile | null> {
  return (await api<ApiResponse<'/api/experts/me'>>('/api/experts/me', { signal })).profile;
}

export async function saveExpertProfile(body: ExpertProfileSave): Promise<ExpertProfile> {
  const answer = await api<ApiResponse<'/api/experts/me', 'put'>>('/api/experts/me', {
    method: 'PUT',
    body,
  });
  return answer.profile;
}
